/**
 * Evidence on the map (issue 20 §4): a network with a tie that has no quotation, one whose quote
 * was altered and one whose anchor points elsewhere. The evidence line counts them; the map marks
 * them (legend entries); "Unsupported ties" and "Needs review or not found" find them and stay in
 * the URL; an export names the unsupported tie; "Repair moved anchors" writes the repair as one
 * undoable step and says so.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { ROOT, expect, openExplorer, saveShot, seriousViolations, statusLine, test } from './fixtures'

interface Doc {
  relations: {
    id: string
    source: string
    target: string
    evidence?: { quote: string; anchor?: { start: number; end: number; prefix: string; suffix: string } }[]
  }[]
  actors: { id: string; label: string }[]
}

function alteredNetwork() {
  const doc = JSON.parse(readFileSync(join(ROOT, 'data/iran-azerbaijan.json'), 'utf8')) as Doc
  const withQuote = doc.relations.filter((r) => (r.evidence?.length ?? 0) > 0)
  const bare = withQuote[0]!
  bare.evidence = []
  const doubted = withQuote.find((r) => r !== bare && (r.evidence?.[0]?.quote.length ?? 0) > 60)!
  doubted.evidence![0]!.quote = doubted.evidence![0]!.quote.replace(/\b(\w{5,})\b/, (w) => `${w}x`)
  const moved = withQuote.find((r) => r !== bare && r !== doubted && r.evidence![0]!.anchor !== undefined)!
  const a = moved.evidence![0]!.anchor!
  moved.evidence![0]!.anchor = { ...a, start: a.start + 3, end: a.end + 3 }
  const label = (id: string) => doc.actors.find((x) => x.id === id)!.label
  return { doc, bare, doubted, moved, bareName: `${label(bare.source)} → ${label(bare.target)}` }
}

async function openAltered(page: Page, path = '/?graph=altered.json') {
  const net = alteredNetwork()
  await page.route('**/altered.json', (r) =>
    r.fulfill({ contentType: 'application/json', body: JSON.stringify(net.doc) }),
  )
  await openExplorer(page, path)
  return net
}

const shownRelationIds = (page: Page) =>
  page.evaluate(() => window.__explorer!.graph()!.relations.map((r) => r.id))

test.describe('evidence on the map', () => {
  test('counts, marks and finds unsupported and questioned ties, and keeps the filter in the URL', async ({
    page,
  }, testInfo) => {
    const net = await openAltered(page)
    expect(await page.evaluate(() => window.__explorer!.evidence())).toMatchObject({
      review: 1,
      moved: 1,
      unsupported: 1,
    })
    await expect(page.locator('.evidence-line')).toContainText('needs review: 1')
    await expect(page.locator('.evidence-line')).toContainText('1 unsupported')
    const legend = page.getByRole('region', { name: 'Legend' })
    await expect(legend).toContainText('Unsupported: no quotation')
    await expect(legend).toContainText('Needs review or not found')
    await saveShot(page, testInfo, 'evidence-marks')

    const unsupported = page.getByRole('checkbox', { name: /^Unsupported ties/ })
    await expect(unsupported).toHaveAccessibleName('Unsupported ties 1')
    await unsupported.check()
    await expect(statusLine(page)).toContainText('and 1 of')
    expect(await shownRelationIds(page)).toContain(net.bare.id)
    await expect(page).toHaveURL(/unsupported=1/)
    const drawn = await page.evaluate(() => window.__explorer!.graph()!.relations.length)
    expect(drawn).toBeGreaterThan(1) // graph() is the network; the status line is what is shown
    await unsupported.uncheck()

    const questioned = page.getByRole('checkbox', { name: /^Needs review or not found/ })
    await expect(questioned).toHaveAccessibleName('Needs review or not found 1')
    await questioned.check()
    await expect(statusLine(page)).toContainText('and 1 of')
    await expect(page).toHaveURL(/review=1/)
    // The URL wins on reload: the filter is still on.
    await page.reload()
    await expect(page.getByRole('checkbox', { name: /^Needs review or not found/ })).toBeChecked()
    await expect(statusLine(page)).toContainText('and 1 of')
    expect(await seriousViolations(page)).toEqual([])
  })

  test('an export names the unsupported tie in a warning', async ({ page }) => {
    const net = await openAltered(page)
    await page.getByText('Export', { exact: true }).click()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export JSON' }).click()
    await download
    const warning = page.locator('.export-warning')
    await expect(warning).toHaveAttribute('role', 'status')
    await expect(warning).toContainText('1 tie in this export has no quotation (unsupported)')
    await expect(warning).toContainText(net.bareName)
  })

  test('"Repair moved anchors" writes the repair as one undoable step and says so', async ({ page }) => {
    const net = await openAltered(page)
    await page.getByRole('button', { name: 'Evidence check' }).click()
    const check = page.getByRole('region', { name: 'Evidence check' })
    await expect(check.locator('.check-moved')).toContainText('Anchor repaired')
    await check.getByRole('button', { name: 'Repair moved anchors' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Repaired 1 moved anchor' })).toBeVisible()
    expect(await page.evaluate(() => window.__explorer!.evidence())).toMatchObject({ moved: 0, review: 1 })
    const anchor = await page.evaluate(
      (id) => window.__explorer!.graph()!.relations.find((r) => r.id === id)!.evidence![0]!.anchor,
      net.moved.id,
    )
    const original = net.moved.evidence![0]!.anchor!
    expect(anchor).toMatchObject({ start: original.start - 3, end: original.end - 3 })
    // The quote that needs review is never repaired.
    const doubted = await page.evaluate(
      (id) => window.__explorer!.graph()!.relations.find((r) => r.id === id)!.evidence![0]!.quote,
      net.doubted.id,
    )
    expect(doubted).toBe(net.doubted.evidence![0]!.quote)
    await page.getByRole('button', { name: 'Edit', exact: true }).click()
    await page.getByRole('button', { name: /^Undo: repair 1 moved anchor/ }).click()
    await expect.poll(() => page.evaluate(() => window.__explorer!.evidence()!.moved)).toBe(1)
  })
})
