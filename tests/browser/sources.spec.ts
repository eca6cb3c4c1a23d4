/**
 * Sources and evidence (issue 20): a quotation read in its text ("Show in source"), the Sources
 * panel, the evidence check, a passage quoted by selecting it, a pasted source, and axe on the
 * reader and the panel in light and dark.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  ROOT,
  actorButton,
  detailsHeading,
  expect,
  openExplorer,
  readDataset,
  saveShot,
  test,
} from './fixtures'

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

  test('select a passage, then "Quote as evidence" onto a new relation: verbatim, anchored, undoable', async ({
    page,
  }) => {
    await openExplorer(page)
    await page.getByRole('button', { name: 'Sources', exact: true }).click()
    const ds = readDataset()
    const kofas = ds.sources.find((s) => s.id === 'kofas-iran-azerbaijan-confrontation')!
    await page.getByRole('button', { name: `Read ${kofas.title}` }).click()
    await expect(reader(page)).toHaveAccessibleName(`Source: ${kofas.title}`)
    // Find selects the match; the selection is cut mid-word on purpose and snaps to whole words.
    const find = reader(page).getByRole('searchbox', { name: 'Find in source' })
    await find.fill('he US is fiercely competing with the EU in the ar')
    await find.press('Enter')
    await reader(page).getByRole('button', { name: 'Quote as evidence' }).click()
    const dialog = page.getByRole('dialog', { name: 'New relation' })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByText('From: United States')).toBeVisible()
    await expect(dialog.getByText('To: European Union')).toBeVisible()
    const quote = 'the US is fiercely competing with the EU in the area'
    await expect(dialog.locator('blockquote')).toHaveText(quote)
    await dialog.getByLabel('Summary').fill('The US competes with the EU in the region (a test tie).')
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(detailsHeading(page)).toHaveText(/^United States . European Union$/)
    const g = await page.evaluate(() => window.__explorer!.graph()!)
    const made = g.relations.find((r) => r.summary.includes('a test tie'))!
    const e = made.evidence![0]!
    expect(e.quote).toBe(quote)
    const text = g.sources.find((s) => s.id === e.source)!.text!
    expect(text.slice(e.anchor!.start, e.anchor!.end)).toBe(quote)
    expect(e.anchor!.prefix).toBe(text.slice(e.anchor!.start - 32, e.anchor!.start))
    // One undo step takes it away.
    await page.getByRole('button', { name: /^Undo: add .*relation United States/ }).click()
    await expect
      .poll(async () => (await page.evaluate(() => window.__explorer!.graph()!)).relations.length)
      .toBe(ds.relations.length)
  })

  test('add a pasted source: rendered as text, its markup never run', async ({ page }) => {
    await openExplorer(page)
    await page.getByRole('button', { name: 'Sources', exact: true }).click()
    await page.getByRole('button', { name: 'Add source' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add source' })
    const article =
      'Armenia and France\n\nFrance signed a defence agreement with Armenia in 2023.\n\n' +
      '<script>window.__ran = 1</script><img src="https://example.invalid/x.png" onerror="window.__ran = 2">'
    await dialog.getByLabel('Text to add').fill(article)
    await dialog.getByLabel('Title').fill('A pasted note')
    await dialog.getByLabel('Describes year').fill('2023')
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(reader(page)).toHaveAccessibleName('Source: A pasted note')
    await expect(reader(page).locator('.reader-text')).toContainText('<script>window.__ran = 1</script>')
    await expect(reader(page).locator('.reader-text h3')).toHaveText('Armenia and France')
    expect(await reader(page).locator('script, img').count()).toBe(0)
    expect(await page.evaluate(() => (window as { __ran?: number }).__ran)).toBeUndefined()
    const g = await page.evaluate(() => window.__explorer!.graph()!)
    expect(g.sources.find((s) => s.title === 'A pasted note')).toMatchObject({ text: article, asOf: 2023 })
    await expect(page.getByRole('region', { name: 'Sources' })).toContainText('A pasted note')
  })

  test('a network with one altered quote opens with "needs review: 1", listed, and not repaired', async ({
    page,
  }) => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'data/iran-azerbaijan.json'), 'utf8')) as {
      relations: { id: string; evidence?: { quote: string }[] }[]
    }
    const target = doc.relations.find((r) => (r.evidence?.[0]?.quote.length ?? 0) > 60)!
    const original = target.evidence![0]!.quote
    const altered = original.replace(/\b(\w{5,})\b/, (w) => `${w}x`)
    expect(altered).not.toBe(original)
    target.evidence![0]!.quote = altered
    await page.route('**/altered.json', (r) =>
      r.fulfill({ contentType: 'application/json', body: JSON.stringify(doc) }),
    )
    await openExplorer(page, '/?graph=altered.json')
    expect(await page.evaluate(() => window.__explorer!.evidence())).toMatchObject({
      review: 1,
      notFound: 0,
      moved: 0,
    })
    await expect(page.locator('.evidence-line')).toContainText('needs review: 1')
    await page.getByRole('button', { name: 'Evidence check' }).click()
    const check = page.getByRole('region', { name: 'Evidence check' })
    await expect(check.getByRole('listitem')).toHaveCount(1)
    await expect(check.getByRole('listitem')).toContainText('needs review')
    await expect(check.locator('figure').nth(0).locator('blockquote')).toHaveText(altered)
    await expect(check.locator('figure').nth(1).locator('blockquote')).toHaveText(original)
    const g = await page.evaluate(() => window.__explorer!.graph()!)
    expect(g.relations.find((r) => r.id === target.id)!.evidence![0]!.quote).toBe(altered)
  })

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe passes on the reader and the Sources panel (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme })
      await openExplorer(page)
      await page.getByRole('button', { name: 'Sources', exact: true }).click()
      await expect(page.getByRole('region', { name: 'Sources' })).toBeVisible()
      await actorButton(page, 'Azerbaijan').click()
      await page
        .getByRole('region', { name: 'Details' })
        .getByRole('button', { name: 'Show in source' })
        .first()
        .click()
      await expect(reader(page)).toBeVisible()
      await page.getByRole('button', { name: 'Evidence check' }).click()
      expect(await seriousViolations(page)).toEqual([])
    })
  }
})
