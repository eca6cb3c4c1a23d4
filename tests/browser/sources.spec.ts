/**
 * Sources and evidence (issue 20): a quotation read in its text ("Show in source"), the Sources
 * panel, the evidence check, a passage quoted by selecting it, a pasted source, and axe on the
 * reader and the panel in light and dark.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { actorButton, detailsHeading, expect, openExplorer, readDataset, saveShot, test } from './fixtures'

const reader = (page: Page) => page.getByRole('region', { name: /^Source: / })

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.passes.length).toBeGreaterThan(10)
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }))
}

/** The text of the passage marked current in the reader (its marks joined). */
const currentPassage = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.reader-text mark[aria-current="true"]')]
      .map((m) => m.textContent)
      .join(''),
  )

test.describe('sources and evidence', () => {
  test('"Show in source" from Azerbaijan\'s details highlights the exact passage, scrolled into view', async ({
    page,
    errors,
  }, testInfo) => {
    await openExplorer(page)
    await actorButton(page, 'Azerbaijan').click()
    await expect(detailsHeading(page)).toHaveText('Azerbaijan')
    const details = page.getByRole('region', { name: 'Details' })
    const figure = details.locator('figure.evidence').nth(2)
    const quote = (await figure.locator('blockquote').textContent())!
    await figure.getByRole('button', { name: 'Show in source' }).click()
    const ds = readDataset()
    const evidence = ds.relations.flatMap((r) => r.evidence ?? []).find((e) => e.quote === quote)!
    const title = ds.sources.find((s) => s.id === evidence.source)!.title
    await expect(reader(page)).toBeVisible()
    await expect(reader(page)).toHaveAccessibleName(`Source: ${title}`)
    await expect.poll(() => currentPassage(page)).toBe(quote)
    const current = reader(page).locator('mark[aria-current="true"]').first()
    await expect(current).toBeInViewport()
    await expect(current).toBeFocused()
    // Other quoted passages are marked too, and name their tie.
    expect(await reader(page).locator('mark').count()).toBeGreaterThan(10)
    await expect(reader(page).locator('mark:not([aria-current])').first()).toHaveAttribute('title', / – | → /)
    // The whole text, with its paragraphs and headings.
    expect(await reader(page).locator('.reader-text p').count()).toBeGreaterThan(10)
    expect(await reader(page).locator('.reader-text h3').count()).toBeGreaterThan(0)
    await saveShot(page, testInfo, 'reader')
    // Next quotation moves the current mark; a click on a mark selects its relation.
    await reader(page).getByRole('button', { name: 'Next quotation' }).click()
    await expect(reader(page).getByRole('status')).toHaveText(/^Quotation \d+ of \d+: /)
    const next = reader(page).locator('mark[aria-current="true"]').first()
    const tie = (await next.getAttribute('title'))!
    await next.click()
    await expect(detailsHeading(page)).toHaveText(tie.split(':')[0]!)
    // Find in source selects the next match.
    await reader(page).getByRole('searchbox', { name: 'Find in source' }).fill('pipeline')
    await reader(page).getByRole('searchbox', { name: 'Find in source' }).press('Enter')
    await expect(reader(page).getByRole('status')).toHaveText(/^Match 1 of \d+ for “pipeline”\.$/)
    expect(await page.evaluate(() => String(window.getSelection()).toLowerCase())).toBe('pipeline')
    expect(errors.page).toEqual([])
  })

  test('the evidence hook and the Sources panel count what the dataset holds', async ({ page }) => {
    await openExplorer(page)
    const ds = readDataset()
    const quotes = ds.relations.reduce((n, r) => n + (r.evidence?.length ?? 0), 0)
    expect(await page.evaluate(() => window.__explorer!.evidence())).toEqual({
      exact: quotes,
      moved: 0,
      review: 0,
      notFound: 0,
      unchecked: 0,
      unsupported: ds.relations.filter((r) => (r.evidence?.length ?? 0) === 0).length,
    })
    await page.getByRole('button', { name: 'Sources', exact: true }).click()
    const panel = page.getByRole('region', { name: 'Sources' })
    for (const s of ds.sources) {
      const n = ds.relations.flatMap((r) => r.evidence ?? []).filter((e) => e.source === s.id).length
      const ties = ds.relations.filter((r) => (r.evidence ?? []).some((e) => e.source === s.id)).length
      await expect(panel.getByRole('listitem').filter({ hasText: s.title })).toContainText(
        `${n} quotations · ${ties} ties`,
      )
    }
  })
})
