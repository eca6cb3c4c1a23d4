/**
 * Journey 8: share a view. Filters, years and selection go into the address; opening that address
 * in a brand-new browser profile shows the same view; selections are history entries, so Back
 * returns to the previous one.
 */
import {
  actorButton,
  detailsHeading,
  expect,
  expectedCounts,
  fromYear,
  openExplorer,
  readDataset,
  saveShot,
  setYearsByKeyboard,
  statusLine,
  statusText,
  test,
  toYear,
} from './fixtures'

test('a filtered, scrubbed, selected view survives its URL, and Back restores the previous selection', async ({
  page,
  freshPage,
  errors,
}, testInfo) => {
  const ds = readDataset()
  const view = { hideTypes: ['military'], from: 2016, to: 2021 }
  const expected = statusText(expectedCounts(ds, view))
  // Premise: this view differs from the full one.
  expect(expected).not.toBe(statusText(expectedCounts(ds)))

  await openExplorer(page)
  await page.getByRole('checkbox', { name: /^Military/ }).uncheck()
  await setYearsByKeyboard(page, view.from, view.to)
  await actorButton(page, 'Azerbaijan').click()
  await expect(detailsHeading(page)).toHaveText('Azerbaijan')
  await expect(statusLine(page)).toHaveText(expected)

  const url = new URL(page.url())
  expect(url.searchParams.get('hide')).toBe('military')
  expect(url.searchParams.get('from')).toBe('2016')
  expect(url.searchParams.get('to')).toBe('2021')
  expect(url.searchParams.get('sel')).toBe('actor:azerbaijan')

  // The same address in a fresh profile (no shared storage or cache) shows the same view.
  const other = await freshPage()
  await openExplorer(other, url.pathname + url.search)
  await expect(statusLine(other)).toHaveText(expected)
  await expect(detailsHeading(other)).toHaveText('Azerbaijan')
  await expect(other.getByRole('checkbox', { name: /^Military/ })).not.toBeChecked()
  await expect(other.getByRole('checkbox', { name: /^Economic/ })).toBeChecked()
  await expect(fromYear(other)).toHaveAttribute('aria-valuenow', '2016')
  await expect(toYear(other)).toHaveAttribute('aria-valuenow', '2021')
  await expect(actorButton(other, 'Azerbaijan')).toHaveAttribute('aria-pressed', 'true')
  await saveShot(other, testInfo, 'shared-view')

  // Another selection, then Back: the previous selection (and the same filters) return.
  await actorButton(page, 'Iran').click()
  await expect(detailsHeading(page)).toHaveText('Iran')
  await expect(page).toHaveURL(/[?&]sel=actor:iran(&|$)/)
  await page.goBack()
  await expect(detailsHeading(page)).toHaveText('Azerbaijan')
  await expect(page).toHaveURL(/[?&]sel=actor:azerbaijan(&|$)/)
  await expect(statusLine(page)).toHaveText(expected)
  await expect(actorButton(page, 'Azerbaijan')).toHaveAttribute('aria-pressed', 'true')
  // And Forward goes to the later one again.
  await page.goForward()
  await expect(detailsHeading(page)).toHaveText('Iran')
  // Filter changes replaced entries instead of pushing them: one more Back leaves the selection.
  await page.goBack()
  await page.goBack()
  await expect(detailsHeading(page)).toHaveText('Details')
  await expect(statusLine(page)).toHaveText(expected)
  expect(errors.page).toEqual([])
  expect(errors.unexpectedConsole()).toEqual([])
})

test('a traced path is kept in the URL: a fresh profile opens it, Back and Forward restore it', async ({
  page,
  freshPage,
  errors,
}) => {
  await openExplorer(page, '/?sel=actor:israel')
  await page.getByRole('button', { name: 'Path to…' }).click()
  await expect(page).toHaveURL(/[?&]pathFrom=israel(&|$)/)
  await page.keyboard.type('Armenia')
  await page.keyboard.press('Enter')
  const region = page.getByRole('region', { name: 'Path' })
  await expect(region.locator('li.path-step').first()).toBeVisible()
  await expect(page).toHaveURL(/[?&]pathFrom=israel&pathTo=armenia(&|$)/)
  const steps = await region.locator('li.path-step').count()

  // The address alone, in a brand-new profile, traces the same path.
  const url = new URL(page.url())
  const other = await freshPage()
  await openExplorer(other, url.pathname + url.search)
  const otherRegion = other.getByRole('region', { name: 'Path' })
  await expect(otherRegion.locator('li.path-step')).toHaveCount(steps)
  await expect(otherRegion.getByRole('combobox', { name: 'Path to' })).toBeVisible()

  // Closing the path is a step of history: Back brings it back, Forward closes it again.
  await region.getByRole('button', { name: 'Close path' }).click()
  await expect(region).toHaveCount(0)
  await expect(page).not.toHaveURL(/pathFrom=/)
  await page.goBack()
  await expect(region.locator('li.path-step')).toHaveCount(steps)
  await expect(page).toHaveURL(/[?&]pathFrom=israel&pathTo=armenia(&|$)/)
  // Back once more: the path waiting for its other end, as it was before Armenia was chosen.
  await page.goBack()
  await expect(region).toBeVisible()
  await expect(region.locator('li.path-step')).toHaveCount(0)
  await page.goForward()
  await expect(region.locator('li.path-step')).toHaveCount(steps)
  await page.goForward()
  await expect(region).toHaveCount(0)
  expect(errors.page).toEqual([])
})
