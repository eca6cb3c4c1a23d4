/**
 * Phones: at 390 px (390 × 844) and 320 px (320 × 568) wide nothing scrolls sideways, the graph keeps
 * at least 300 × 300 px, and every control can be reached: seen, inside the screen's width, and not
 * covered by anything else where it would be tapped. Light and dark, with screenshots.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { actorButton, canvasBox, expect, openExplorer, readDataset, saveShot, test } from './fixtures'

const SIZES = [
  { width: 390, height: 844 },
  { width: 320, height: 568 },
] as const

async function noSidewaysScroll(page: Page, what: string) {
  const m = await page.evaluate(() => {
    window.scrollTo(200, 0)
    const de = document.documentElement
    return {
      scroll: de.scrollWidth,
      client: de.clientWidth,
      body: document.body.scrollWidth,
      x: window.scrollX,
    }
  })
  expect(m.scroll, `${what}: page width`).toBeLessThanOrEqual(m.client)
  expect(m.body, `${what}: body width`).toBeLessThanOrEqual(m.client)
  expect(m.x, `${what}: scrolled sideways`).toBe(0)
}

/**
 * Every visible control inside `root` lies within the screen's width and, scrolled into view, is
 * the element found at its own centre (nothing covers it). Returns how many were checked.
 */
async function controlsReachable(page: Page, root: string, what: string): Promise<number> {
  const sel = `${root} :is(button, select, input, summary, a[href], [role="slider"])`
  const all = page.locator(sel)
  const n = await all.count()
  let checked = 0
  const width = page.viewportSize()!.width
  for (let i = 0; i < n; i++) {
    const el = all.nth(i)
    if (!(await el.isVisible())) continue
    await el.scrollIntoViewIfNeeded()
    const box = (await el.boundingBox())!
    const name = (await el.getAttribute('aria-label')) ?? (await el.textContent())?.trim() ?? ''
    expect(box.x, `${what}: "${name}" starts on screen`).toBeGreaterThanOrEqual(-0.5)
    expect(box.x + box.width, `${what}: "${name}" ends on screen`).toBeLessThanOrEqual(width + 0.5)
    const hit = await el.evaluate((node) => {
      const r = node.getBoundingClientRect()
      // A slider thumb or a small checkbox: test at its centre.
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
      return (
        at !== null &&
        (node === at || node.contains(at) || (node as HTMLElement).closest('label')?.contains(at) === true)
      )
    })
    expect(hit, `${what}: "${name}" is not covered`).toBe(true)
    checked++
  }
  return checked
}

for (const size of SIZES) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`at ${size.width} × ${size.height} (${scheme}) nothing scrolls sideways and every control is reachable`, async ({
      page,
      errors,
    }, testInfo) => {
      // Every control of the details drawer is checked one by one: with a "Show in source" on each
      // quotation, that is well over a hundred.
      test.slow()
      await page.setViewportSize(size)
      await page.emulateMedia({ colorScheme: scheme })
      await openExplorer(page)
      await noSidewaysScroll(page, 'loaded')
      const canvas = await canvasBox(page)
      expect(canvas.width).toBeGreaterThanOrEqual(300)
      expect(canvas.height).toBeGreaterThanOrEqual(300)
      await saveShot(page, testInfo, `narrow-${size.width}-${scheme}`)

      // The top bar, the graph's toolbar and the year bar.
      expect(await controlsReachable(page, '.topbar', 'top bar')).toBeGreaterThanOrEqual(4)
      // The export menu, opened, fits the screen too.
      await page.locator('summary', { hasText: 'Export' }).click()
      expect(await controlsReachable(page, '.menu-items', 'export menu')).toBeGreaterThanOrEqual(3)
      await noSidewaysScroll(page, 'export menu')
      await page.locator('summary', { hasText: 'Export' }).click()
      await expect(page.locator('.menu-items')).toBeHidden()
      // Zoom in, zoom out, Fit to view, Pause layout, Reset layout, and the evidence line's
      // "Evidence check" (on a small phone the evidence line gives its room to the graph).
      expect(await controlsReachable(page, '.graph-bar', 'toolbar')).toBe(size.height < 700 ? 5 : 6)
      expect(await controlsReachable(page, '.years', 'years')).toBeGreaterThanOrEqual(4)
      const axe = await new AxeBuilder({ page }).analyze()
      expect(
        axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
      ).toEqual([])

      // The filters drawer: every filter, the legend and the actors list.
      await page.getByRole('button', { name: 'Filters and actors' }).click()
      await expect(page.locator('#panel-left')).toBeVisible()
      await noSidewaysScroll(page, 'filters drawer')
      const ds = readDataset()
      const inDrawer = await controlsReachable(page, '#panel-left', 'filters drawer')
      expect(inDrawer).toBeGreaterThanOrEqual(ds.relationTypes.length + 3 + 3 + 1)
      await saveShot(page, testInfo, `narrow-${size.width}-${scheme}-filters`)

      // With an actor chosen, the details drawer's controls are reachable too.
      await actorButton(page, 'Azerbaijan').click()
      if (!(await page.locator('#panel-right').isVisible())) {
        await page.getByRole('button', { name: 'Details', exact: true }).click()
      }
      await expect(page.locator('#panel-right')).toBeVisible()
      await expect(page.locator('#details-heading')).toHaveText('Azerbaijan')
      await noSidewaysScroll(page, 'details drawer')
      expect(await controlsReachable(page, '#panel-right', 'details drawer')).toBeGreaterThanOrEqual(1)
      await saveShot(page, testInfo, `narrow-${size.width}-${scheme}-details`)
      expect(errors.page).toEqual([])
    })
  }
}
