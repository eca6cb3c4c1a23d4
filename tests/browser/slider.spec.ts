/**
 * The year slider as the WAI-ARIA multi-thumb pattern has it, in the browser: each thumb bounded by
 * the other, Home/End to the other thumb, the highlighted range dragged by mouse and by touch
 * keeping the window's width, and Play's speed with its once-per-step announcement. Expected counts
 * come from the data file (fixtures), never from the app.
 */
import type { Page } from '@playwright/test'
import {
  expect,
  expectedCounts,
  fromYear,
  openExplorer,
  readDataset,
  setYearsByKeyboard,
  statusLine,
  statusText,
  test,
  toYear,
  yearExtent,
} from './fixtures'

const windowIs = async (page: Page, from: number, to: number) => {
  await expect(fromYear(page)).toHaveAttribute('aria-valuenow', String(from))
  await expect(toYear(page)).toHaveAttribute('aria-valuenow', String(to))
  await expect(statusLine(page)).toHaveText(statusText(expectedCounts(readDataset(), { from, to })))
}

/** The track's box and how many CSS px one year takes on it. */
async function trackScale(page: Page) {
  const box = (await page.locator('.years .track').boundingBox())!
  const [lo, hi] = yearExtent(readDataset())
  return { box, perYear: box.width / (hi - lo) }
}

/** The centre of the highlighted range, checked to be the range itself (not a thumb over it). */
async function rangeCentre(page: Page) {
  const r = (await page.locator('.years .range').boundingBox())!
  const c = { x: r.x + r.width / 2, y: r.y + r.height / 2 }
  const hit = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.classList.contains('range'),
    [c.x, c.y],
  )
  expect(hit, 'the range is under its centre').toBe(true)
  return c
}

test.describe('the year slider (multi-thumb pattern)', () => {
  test('thumbs are bounded by each other and Home/End go to the other thumb', async ({ page, errors }) => {
    const [lo, hi] = yearExtent(readDataset())
    await openExplorer(page)
    await setYearsByKeyboard(page, 2016, 2021)
    await expect(fromYear(page)).toHaveAttribute('aria-valuemin', String(lo))
    await expect(fromYear(page)).toHaveAttribute('aria-valuemax', '2021')
    await expect(toYear(page)).toHaveAttribute('aria-valuemin', '2016')
    await expect(toYear(page)).toHaveAttribute('aria-valuemax', String(hi))

    // Home on "To year": the From value; "From year" stays. A single year reads "2016".
    await toYear(page).focus()
    await page.keyboard.press('Home')
    await windowIs(page, 2016, 2016)
    await expect(page.locator('.years .year-window')).toHaveText('2016')
    // The other thumb stops each one: no key moves both.
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('PageDown')
    await windowIs(page, 2016, 2016)
    await fromYear(page).focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('PageUp')
    await windowIs(page, 2016, 2016)

    // End on "From year" goes to the To value after "To year" moves out.
    await toYear(page).focus()
    await page.keyboard.press('End')
    await windowIs(page, 2016, hi)
    await fromYear(page).focus()
    await page.keyboard.press('End')
    await windowIs(page, hi, hi)
    await page.keyboard.press('Home')
    await expect(fromYear(page)).toHaveAttribute('aria-valuenow', String(lo))
    await expect(toYear(page)).toHaveAttribute('aria-valuenow', String(hi))
    expect(errors.page).toEqual([])
  })

  test('dragging the range with the mouse moves the window and keeps its width', async ({ page, errors }) => {
    await openExplorer(page)
    await setYearsByKeyboard(page, 2000, 2012)
    const { perYear } = await trackScale(page)
    const c = await rangeCentre(page)
    await page.mouse.move(c.x, c.y)
    await page.mouse.down()
    await page.mouse.move(c.x + 1.5 * perYear, c.y, { steps: 4 })
    await page.mouse.move(c.x + 3 * perYear, c.y, { steps: 4 })
    await page.mouse.up()
    await windowIs(page, 2003, 2015)
    // Far to the left: the window stops at the first year, still thirteen years wide.
    const c2 = await rangeCentre(page)
    await page.mouse.move(c2.x, c2.y)
    await page.mouse.down()
    await page.mouse.move(0, c2.y, { steps: 6 })
    await page.mouse.up()
    const [lo] = yearExtent(readDataset())
    await windowIs(page, lo, lo + 12)
    expect(errors.page).toEqual([])
  })

  test('dragging the range by touch, on a phone, moves the window and keeps its width', async ({
    page,
    errors,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await openExplorer(page)
    await setYearsByKeyboard(page, 2006, 2016)
    const { perYear } = await trackScale(page)
    const c = await rangeCentre(page)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 })
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y: c.y, id: 1 }],
      })
    await touch('touchStart', c.x)
    for (let i = 1; i <= 5; i++) await touch('touchMove', c.x + (i / 5) * 4 * perYear)
    await touch('touchEnd', c.x + 4 * perYear)
    await windowIs(page, 2010, 2020)
    expect(errors.page).toEqual([])
  })

  test('Play at 2× steps every half second and announces each year once', async ({ page, errors }) => {
    const [, hi] = yearExtent(readDataset())
    const start = hi - 3
    await openExplorer(page)
    await setYearsByKeyboard(page, start, start)
    const speed = page.getByRole('combobox', { name: 'Speed' })
    await expect(speed).toHaveValue('1')
    await speed.selectOption({ label: '2×' })
    // Record each change of the live region with its time.
    await page.evaluate(() => {
      const live = document.querySelector('[data-testid="year-announcer"]')!
      const log: { t: number; text: string }[] = []
      ;(window as unknown as { __announced: typeof log }).__announced = log
      new MutationObserver(() => log.push({ t: performance.now(), text: live.textContent ?? '' })).observe(
        live,
        {
          subtree: true,
          childList: true,
          characterData: true,
        },
      )
    })
    const live = page.getByTestId('year-announcer')
    await expect(live).toHaveAttribute('aria-live', 'polite')
    await page.locator('.years').getByRole('button', { name: 'Play' }).click()
    await expect(live).toHaveText(`Year ${start + 1}`, { timeout: 3000 })
    await expect(statusLine(page)).toContainText(` · ${start + 1}`)
    await expect(page.locator('.years').getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 5000 })
    await windowIs(page, hi, hi)
    const log = await page.evaluate(
      () => (window as unknown as { __announced: { t: number; text: string }[] }).__announced,
    )
    const years = log.map((e) => e.text).filter((t) => t !== '')
    // Once per step, in order: no repeats, no frames in between.
    // The first year is said when Play starts, then each step's.
    expect(years).toEqual([`Year ${start}`, `Year ${start + 1}`, `Year ${start + 2}`, `Year ${hi}`])
    const stepTimes = log.filter((e) => e.text !== '').map((e) => e.t)
    for (let i = 2; i < stepTimes.length; i++) {
      const dt = stepTimes[i]! - stepTimes[i - 1]!
      expect(dt).toBeGreaterThan(350)
      expect(dt).toBeLessThan(900)
    }
    expect(errors.page).toEqual([])
  })
})
