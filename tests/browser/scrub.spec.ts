/**
 * Journey 5: the year window, by keyboard. Both thumbs on one year Y show exactly the relations
 * active in Y (plus the undated ones); Play moves the window forward a year at a time and stops
 * at the end of the data.
 */
import {
  expect,
  expectedCounts,
  fromYear,
  nodes,
  openExplorer,
  readDataset,
  setYearsByKeyboard,
  saveShot,
  statusLine,
  statusText,
  test,
  toYear,
  yearExtent,
} from './fixtures'

test.describe('scrubbing the years', () => {
  test('both thumbs on one year show exactly the relations active that year', async ({
    page,
    errors,
  }, testInfo) => {
    const ds = readDataset()
    const extent = yearExtent(ds)
    const Y = 2020
    const year = expectedCounts(ds, { from: Y, to: Y })
    const all = expectedCounts(ds)
    const undated = expectedCounts(ds).undated
    // Premise: some dated relations are active in Y and some are not.
    expect(year.relations).toBeGreaterThan(undated)
    expect(year.relations).toBeLessThan(all.relations)

    await openExplorer(page)
    await expect(fromYear(page)).toHaveAttribute('aria-valuemin', String(extent[0]))
    await expect(fromYear(page)).toHaveAttribute('aria-valuemax', String(extent[1]))
    await setYearsByKeyboard(page, Y, Y)
    await expect(statusLine(page)).toHaveText(statusText(year))
    await expect.poll(async () => (await nodes(page)).length).toBe(year.actors)
    await saveShot(page, testInfo, 'scrubbed-2020')

    // With both thumbs on Y, ArrowRight on "From year" is stopped by "To year" (it never pushes it).
    await fromYear(page).focus()
    await page.keyboard.press('ArrowRight')
    await expect(fromYear(page)).toHaveAttribute('aria-valuenow', String(Y))
    await expect(toYear(page)).toHaveAttribute('aria-valuenow', String(Y))
    await expect(page.locator('.year-window')).toHaveText(String(Y))
    // PageDown moves "From year" back by a big step, widening the window.
    await page.keyboard.press('PageDown')
    const lower = Number(await fromYear(page).getAttribute('aria-valuenow'))
    expect(lower).toBeLessThan(Y)
    await expect(toYear(page)).toHaveAttribute('aria-valuenow', String(Y))
    await expect(statusLine(page)).toHaveText(statusText(expectedCounts(ds, { from: lower, to: Y })))
    expect(errors.page).toEqual([])
    expect(errors.unexpectedConsole()).toEqual([])
  })

  test('Play advances the window and stops at the end of the data', async ({ page, errors }) => {
    const ds = readDataset()
    const extent = yearExtent(ds)
    const start = extent[1] - 2
    await openExplorer(page)
    await setYearsByKeyboard(page, start, start)
    await expect(statusLine(page)).toHaveText(statusText(expectedCounts(ds, { from: start, to: start })))

    const play = page.locator('.years').getByRole('button', { name: 'Play' })
    await play.click()
    await expect(page.locator('.years').getByRole('button', { name: 'Pause' })).toBeVisible()
    // One year per second: start+1, then start+2 (= the last year), then it stops by itself.
    await expect(fromYear(page)).toHaveAttribute('aria-valuenow', String(start + 1), { timeout: 4000 })
    await expect(toYear(page)).toHaveAttribute('aria-valuenow', String(start + 1))
    await expect(fromYear(page)).toHaveAttribute('aria-valuenow', String(extent[1]), { timeout: 4000 })
    await expect(page.locator('.years').getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 4000 })
    await expect(toYear(page)).toHaveAttribute('aria-valuenow', String(extent[1]))
    await expect(statusLine(page)).toHaveText(
      statusText(expectedCounts(ds, { from: extent[1], to: extent[1] })),
    )
    expect(errors.page).toEqual([])
    expect(errors.unexpectedConsole()).toEqual([])
  })
})
