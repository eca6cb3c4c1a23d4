/**
 * "Undated relations": Always, As of their sources, Hidden. Each mode changes the status line and
 * the shown actors to what the documented rule gives on the data file (computed here, in node), is
 * kept in the URL, and passes axe in light and dark.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import {
  expect,
  expectedCounts,
  nodes,
  openExplorer,
  readDataset,
  setYearsByKeyboard,
  statusLine,
  statusText,
  test,
  type FilterSpec,
} from './fixtures'

const group = (page: Page) => page.getByRole('group', { name: /^Undated relations/ })
const mode = (page: Page, name: 'Always' | 'As of their sources' | 'Hidden') =>
  group(page).getByRole('radio', { name, exact: true })

async function expectShown(page: Page, f: FilterSpec): Promise<void> {
  const ds = readDataset()
  const c = expectedCounts(ds, f)
  await expect(statusLine(page)).toHaveText(statusText(c))
  await expect.poll(async () => (await nodes(page)).length).toBe(c.actors)
}

async function axeClean(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('.filters').analyze()
  expect(results.passes.length, `${what}: axe looked at the panel`).toBeGreaterThan(3)
  expect(
    results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    what,
  ).toEqual([])
}

test.describe('undated relations', () => {
  test('the three modes change what is shown, as the data file says', async ({ page, errors }) => {
    const ds = readDataset()
    const undatedTotal = ds.relations.filter((r) => r.start === undefined).length
    // Premise: the dataset has undated relations, and some of them are dated by their sources.
    expect(undatedTotal).toBeGreaterThan(0)

    await openExplorer(page)
    await expect(group(page)).toContainText(String(undatedTotal))
    await expect(mode(page, 'Always')).toBeChecked()
    await expectShown(page, {})
    // Drawn apart from dated relations, with a legend entry saying so.
    await expect(page.locator('.legend li', { hasText: /^\s*Undated \(lighter\)$/ })).toHaveCount(1)
    expect(expectedCounts(ds).undated).toBe(undatedTotal)

    await mode(page, 'Hidden').check()
    await expectShown(page, { undated: 'hidden' })
    expect(expectedCounts(ds, { undated: 'hidden' }).relations).toBe(ds.relations.length - undatedTotal)
    await expect(page).toHaveURL(/[?&]undated=hidden(&|$)/)

    // A single year per source: each shows the undated relations its sources describe, no others.
    const years = [...new Set(ds.sources.map((s) => s.asOf ?? Number(s.published?.slice(0, 4))))].filter(
      (y) => Number.isFinite(y),
    )
    expect(years.length).toBeGreaterThan(0)
    await mode(page, 'As of their sources').check()
    await expect(page).toHaveURL(/[?&]undated=sources(&|$)/)
    await expectShown(page, { undated: 'sources' })
    for (const y of years) {
      await setYearsByKeyboard(page, y, y)
      await expectShown(page, { undated: 'sources', from: y, to: y })
      const asOf = expectedCounts(ds, { undated: 'sources', from: y, to: y })
      const always = expectedCounts(ds, { from: y, to: y })
      const hidden = expectedCounts(ds, { undated: 'hidden', from: y, to: y })
      // The mode matters in this year: fewer than always, more than hidden.
      expect(asOf.relations).toBeLessThan(always.relations)
      expect(asOf.relations).toBeGreaterThan(hidden.relations)
    }
    // A year no source describes: no undated relation at all.
    const quiet = 2005
    expect(years).not.toContain(quiet)
    await setYearsByKeyboard(page, quiet, quiet)
    await expectShown(page, { undated: 'sources', from: quiet, to: quiet })
    expect(expectedCounts(ds, { undated: 'sources', from: quiet, to: quiet }).undated).toBe(0)

    await mode(page, 'Always').check()
    await expectShown(page, { from: quiet, to: quiet })
    await expect(page).not.toHaveURL(/undated=/)
    expect(errors.page).toEqual([])
    expect(errors.unexpectedConsole()).toEqual([])
  })

  test('the mode comes from the URL and the control is operable by keyboard', async ({ page, errors }) => {
    const ds = readDataset()
    const y = 2021
    await openExplorer(page, `/?undated=sources&from=${y}&to=${y}`)
    await expect(mode(page, 'As of their sources')).toBeChecked()
    await expectShown(page, { undated: 'sources', from: y, to: y })

    // Arrow keys move through a radio group.
    await mode(page, 'As of their sources').focus()
    await page.keyboard.press('ArrowDown')
    await expect(mode(page, 'Hidden')).toBeChecked()
    await expectShown(page, { undated: 'hidden', from: y, to: y })
    expect(expectedCounts(ds, { undated: 'hidden', from: y, to: y }).undated).toBe(0)
    expect(errors.page).toEqual([])
  })

  test('axe finds nothing serious in the panel, light and dark', async ({ page }) => {
    await openExplorer(page, '/?undated=sources')
    await axeClean(page, 'light')
    await page.emulateMedia({ colorScheme: 'dark' })
    await axeClean(page, 'dark')
  })
})
