/**
 * Sources and evidence (issue 20): a quotation read in its text ("Show in source"), the Sources
 * panel, the evidence check, a passage quoted by selecting it, a pasted source, and axe on the
 * reader and the panel in light and dark.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { makePdf } from '../unit/io/pdfFixture'
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
    test(`axe passes on the reader, the suggestions and the Sources panel (${scheme})`, async ({ page }) => {
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
      await reader(page).getByRole('button', { name: 'Suggest ties' }).click()
      await expect(
        page.getByRole('listbox', { name: 'Suggested ties' }).getByRole('option').first(),
      ).toBeVisible({
        timeout: 20_000,
      })
      await page.getByRole('button', { name: 'Evidence check' }).click()
      expect(await seriousViolations(page)).toEqual([])
    })
  }

  test('add an HTML source and a PDF source from files', async ({ page }) => {
    await openExplorer(page)
    await page.getByRole('button', { name: 'Sources', exact: true }).click()
    // HTML: the article is extracted, an advertisement line left out, the metadata prefilled.
    await page.getByRole('button', { name: 'Add source' }).click()
    let dialog = page.getByRole('dialog', { name: 'Add source' })
    await dialog.getByLabel('Open file…').check()
    const html =
      '<!doctype html><html><head><title>Ankara and Baku</title><meta name="author" content="C. Writer">' +
      '<meta property="article:published_time" content="2022-03-01"><script>window.__ran = 1</script></head><body>' +
      '<nav><a href="/">Home</a> <a href="/a">About</a></nav><article><h1>Ankara and Baku</h1>' +
      '<p>Turkey and Azerbaijan held joint military exercises near Baku, the defence ministry said on Tuesday, in a sign of their growing alliance.</p>' +
      '<p>- Advertisement -</p>' +
      '<p>Officials in Ankara said the drills would be repeated every year, and that more Turkish troops would take part in the next ones.</p>' +
      '</article><footer>© 2022 All rights reserved</footer><img src="https://example.invalid/t.gif"></body></html>'
    await dialog
      .getByLabel(/^File/)
      .setInputFiles({ name: 'ankara.html', mimeType: 'text/html', buffer: Buffer.from(html) })
    await expect(dialog.getByRole('status')).toHaveText(
      /^Article extracted: 2 paragraphs, 1 advertisement line left out\.$/,
    )
    await expect(dialog.getByRole('region', { name: 'Preview of the text' })).toContainText(
      'joint military exercises',
    )
    await expect(dialog.getByLabel('Title')).toHaveValue('Ankara and Baku')
    await expect(dialog.getByLabel('Author')).toHaveValue('C. Writer')
    await expect(dialog.getByLabel('Published')).toHaveValue('2022-03-01')
    // The whole page's text is one checkbox away.
    await dialog.getByLabel(/Use the whole page/).check()
    await expect(dialog.getByRole('region', { name: 'Preview of the text' })).toContainText('Home')
    await dialog.getByLabel(/Use the whole page/).uncheck()
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(reader(page)).toHaveAccessibleName('Source: Ankara and Baku')
    await expect(reader(page).locator('.reader-text')).not.toContainText('Advertisement')
    expect(await page.evaluate(() => (window as { __ran?: number }).__ran)).toBeUndefined()

    // PDF: read page by page in pdf.js's worker.
    await page.getByRole('button', { name: 'Add source' }).click()
    dialog = page.getByRole('dialog', { name: 'Add source' })
    await dialog.getByLabel('Open file…').check()
    await dialog.getByLabel(/^File/).setInputFiles({
      name: 'report.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(
        makePdf([['Iran protested to Azerbaijan.'], ['Russia stayed neutral.']], { title: 'A PDF report' }),
      ),
    })
    await expect(dialog.getByRole('status')).toHaveText('2 pages read.')
    await expect(dialog.getByLabel('Title')).toHaveValue('A PDF report')
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(reader(page)).toHaveAccessibleName('Source: A PDF report')
    await expect(reader(page).locator('.reader-text p')).toHaveText([
      'Iran protested to Azerbaijan.',
      'Russia stayed neutral.',
    ])
    const g = await page.evaluate(() => window.__explorer!.graph()!)
    expect(g.sources.find((s) => s.title === 'A PDF report')!.text).toBe(
      'Iran protested to Azerbaijan.\n\n\f\n\nRussia stayed neutral.',
    )

    // A PDF without a text layer gets a clear message.
    await page.getByRole('button', { name: 'Add source' }).click()
    dialog = page.getByRole('dialog', { name: 'Add source' })
    await dialog.getByLabel('Open file…').check()
    await dialog
      .getByLabel(/^File/)
      .setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(makePdf([[]])) })
    await expect(dialog.getByRole('alert')).toHaveText(/no text layer/)
  })

  test('"Quote as evidence" onto the selected relation adds the quotation there', async ({ page }) => {
    await openExplorer(page)
    await actorButton(page, 'Azerbaijan').click()
    const details = page.getByRole('region', { name: 'Details' })
    await details.getByRole('button', { name: '(this relation)' }).first().click()
    const heading = (await detailsHeading(page).textContent())!
    const before = await page.evaluate(() => window.__explorer!.graph()!)
    await details.getByRole('button', { name: 'Show in source' }).first().click()
    const find = reader(page).getByRole('searchbox', { name: 'Find in source' })
    await find.fill('Sunni jihadists')
    await find.press('Enter')
    await reader(page).getByRole('button', { name: 'Quote as evidence' }).click()
    await expect(reader(page).getByRole('status')).toHaveText(/^Quoted as evidence on /)
    const after = await page.evaluate(() => window.__explorer!.graph()!)
    const quoted = after.relations.filter((r) => r.evidence!.some((e) => e.quote === 'Sunni jihadists'))
    expect(quoted.length).toBe(1)
    const label = (x: string) => after.actors.find((a) => a.id === x)!.label
    expect(`${label(quoted[0]!.source)} ${quoted[0]!.directed ? '→' : '–'} ${label(quoted[0]!.target)}`).toBe(
      heading,
    )
    const ev = quoted[0]!.evidence!
    expect(ev.length).toBe(before.relations.find((r) => r.id === quoted[0]!.id)!.evidence!.length + 1)
    expect(ev.at(-1)!.quote).toBe('Sunni jihadists')
  })

  test('"Suggest ties" on a pasted article: accept one, reject one, reload, and the rejected one stays rejected', async ({
    page,
  }) => {
    await openExplorer(page)
    await page.getByRole('button', { name: 'Sources', exact: true }).click()
    await page.getByRole('button', { name: 'Add source' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add source' })
    const article =
      'Georgia and Armenia signed a trade deal in 2022.\n\nIran accused Azerbaijan of hosting Israeli drones, a threat to its security.'
    await dialog.getByLabel('Text to add').fill(article)
    await dialog.getByLabel('Title').fill('Pasted article')
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(reader(page)).toHaveAccessibleName('Source: Pasted article')
    await reader(page).getByRole('button', { name: 'Suggest ties' }).click()
    const list = page.getByRole('listbox', { name: 'Suggested ties' })
    const options = list.getByRole('option')
    await expect(options.first()).toContainText('Georgia (new actor) – Armenia: Economic, cooperative, 2022')
    await expect(options.first()).toContainText("'trade' → economic; 'deal' → cooperative")
    const count = await options.count()
    expect(count).toBe(4) // Georgia–Armenia; Iran–Azerbaijan, Iran–Israel, Azerbaijan–Israel
    // Accept the first from the keyboard: a new actor and its relation, one undo step.
    await options.first().focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('region', { name: 'Suggestions' }).getByRole('status')).toHaveText(
      /^Accepted: Georgia/,
    )
    await expect(page.getByRole('button', { name: /^Undo: add the suggestion Georgia/ })).toBeVisible()
    let g = await page.evaluate(() => window.__explorer!.graph()!)
    const georgia = g.actors.find((a) => a.label === 'Georgia')!
    const tie = g.relations.find((r) => r.source === georgia.id && r.target === 'armenia')!
    expect(tie).toMatchObject({ type: 'economic', stance: 'cooperative', start: 2022 })
    const sid = g.sources.find((s) => s.title === 'Pasted article')!.id
    expect(tie.evidence).toEqual([
      {
        source: sid,
        quote: 'Georgia and Armenia signed a trade deal in 2022.',
        anchor: { start: 0, end: 48, prefix: '', suffix: article.slice(48, 80) },
      },
    ])
    // Reject the next one (Iran – Azerbaijan) with Delete.
    await expect(options.first()).toContainText('Iran – Azerbaijan: Military, hostile')
    await expect(options.first()).toBeFocused()
    await page.keyboard.press('Delete')
    await expect(options).toHaveCount(count - 2)
    await expect(list).not.toContainText('Iran – Azerbaijan')
    // The coverage strip: the accepted sentence is quoted now, the other has a rejected suggestion.
    await expect(reader(page).locator('.reader-coverage .cov-quoted')).toHaveCount(1)
    await expect(reader(page).locator('.reader-coverage .cov-rejected')).toHaveCount(1)
    // The rejection is kept with the network: saved like any change (within 300 ms).
    await expect(page.getByRole('status').filter({ hasText: 'Saved in this browser' })).toBeVisible()
    // After a reload the network and the rejection are still there.
    await page.reload()
    await openExplorer(page)
    g = await page.evaluate(() => window.__explorer!.graph()!)
    expect(g.sources.some((s) => s.id === sid)).toBe(true)
    const again = await page.evaluate((id) => window.__explorer!.suggestions(id), sid)
    const pairs = again.map((s) => [s.source ?? s.sourceText, s.target ?? s.targetText].join('|'))
    expect(pairs).not.toContain('iran|azerbaijan')
    expect(pairs).toContain('iran|israel')
    expect(again.every((s) => article.slice(s.start, s.end) === s.quote)).toBe(true)
  })
})
