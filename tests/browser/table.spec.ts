/**
 * The table (issue 19 §2–3, §6): the grids of actors and relations, sorting and filtering, inline
 * edits, selection shared with the map, bulk edits, a merge from the table that loses no quotation
 * and undoes in one step, a GEXF export that re-opens with the same counts and evidence, and axe.
 */
import type { Page } from '@playwright/test'
import { actorButton, expect, openExplorer, readDataset, saveShot, seriousViolations, test } from './fixtures'

interface V1 {
  actors: { id: string; label: string; aliases?: string[] }[]
  relations: {
    id: string
    source: string
    target: string
    stance: string
    type: string
    start?: number
    summary: string
    evidence?: { source: string; quote: string }[]
  }[]
}
const graph = (page: Page) => page.evaluate(() => window.__explorer!.graph() as unknown as V1)
const quotes = (g: V1) =>
  g.relations.flatMap((r) => (r.evidence ?? []).map((e) => `${e.source}|${e.quote}`)).sort()

async function openTable(page: Page, tab: 'Actors' | 'Relations') {
  await page.getByRole('button', { name: 'Table', exact: true }).click()
  const region = page.getByRole('region', { name: 'Table' })
  await expect(region).toBeVisible()
  await region.getByRole('tab', { name: tab }).click()
  const grid = region.getByRole('grid', { name: tab })
  await expect(grid).toBeVisible()
  return { region, grid }
}

async function startEditing(page: Page) {
  const edit = page.getByRole('button', { name: 'Edit', exact: true })
  await edit.click()
  await expect(edit).toHaveAttribute('aria-pressed', 'true')
}

test('the relations grid lists what the filters show, sorts and filters', async ({ page }, testInfo) => {
  const ds = readDataset()
  await openExplorer(page)
  const { region, grid } = await openTable(page, 'Relations')
  await expect(grid).toHaveAttribute('aria-rowcount', String(ds.relations.length + 1))
  // Sort by start year: the first row is the earliest dated relation.
  const header = grid.getByRole('columnheader', { name: 'Start year' })
  await header.getByRole('button').click()
  await expect(header).toHaveAttribute('aria-sort', 'ascending')
  const earliest = Math.min(...ds.relations.flatMap((r) => (r.start === undefined ? [] : [r.start])))
  const firstStart = grid.locator('[role="row"][aria-rowindex="2"] [role="gridcell"][aria-colindex="6"]')
  await expect(firstStart).toHaveText(String(earliest))
  await header.getByRole('button').click()
  await expect(header).toHaveAttribute('aria-sort', 'descending')
  // A text filter narrows the rows to those that mention it.
  const label = ds.actors[0]!.label
  await region.getByRole('searchbox', { name: 'Filter rows' }).fill(label)
  const mentioning = ds.relations.filter(
    (r) =>
      [r.source, r.target].some((a) =>
        ds.actors
          .find((x) => x.id === a)!
          .label.toLowerCase()
          .includes(label.toLowerCase()),
      ) || r.summary.toLowerCase().includes(label.toLowerCase()),
  ).length
  await expect(grid).toHaveAttribute('aria-rowcount', String(mentioning + 1))
  await saveShot(page, testInfo, 'table-relations')
})

test('a row selected in the table is selected on the map, and the other way round', async ({ page }) => {
  const ds = readDataset()
  await openExplorer(page)
  const { grid } = await openTable(page, 'Actors')
  const target = ds.actors.find((a) => ds.relations.some((r) => r.source === a.id))!
  await grid.getByRole('gridcell', { name: target.label, exact: true }).first().click()
  await expect(page.locator('#details-heading')).toHaveText(target.label)
  // From the map's side: the Actors list selects another actor, and its row becomes the selected one.
  const other = ds.actors.find((a) => a.id !== target.id)!
  await actorButton(page, other.label).click()
  await expect(page.locator('#details-heading')).toHaveText(other.label)
  await expect(grid.locator('[role="row"][aria-selected="true"]')).toHaveCount(1)
  await expect(grid.locator('[role="row"][aria-selected="true"]')).toContainText(other.label)
})

test('cells edit in place: Enter starts, Escape cancels, Enter stores; refusals name the field', async ({
  page,
}) => {
  await openExplorer(page)
  await startEditing(page)
  const { region, grid } = await openTable(page, 'Relations')
  const before = await graph(page)
  const first = before.relations[0]!
  // The first row in the table's own order is the first relation: its Summary cell (column 10).
  const summary = grid.locator('[role="row"][aria-rowindex="2"] [role="gridcell"][aria-colindex="10"]')
  await summary.click()
  await page.keyboard.press('Enter')
  const input = summary.getByRole('textbox')
  await input.fill('Changed, then cancelled')
  await page.keyboard.press('Escape')
  expect((await graph(page)).relations[0]!.summary).toBe(first.summary)
  await summary.press('F2')
  await summary.getByRole('textbox').fill('A summary edited in the table')
  await page.keyboard.press('Enter')
  await expect
    .poll(async () => (await graph(page)).relations[0]!.summary)
    .toBe('A summary edited in the table')
  // An end year before the start is refused, with the reason, and nothing is stored.
  const start = (await graph(page)).relations.find((r) => r.start !== undefined)
  if (start !== undefined) {
    await region.getByRole('searchbox', { name: 'Filter rows' }).fill(start.id)
    const end = grid.locator('[role="row"][aria-rowindex="2"] [role="gridcell"][aria-colindex="7"]')
    await end.dblclick()
    await end.getByRole('textbox').fill(String(start.start! - 5))
    await page.keyboard.press('Enter')
    await expect(region.getByRole('alert')).toContainText('End year')
    await page.keyboard.press('Escape')
    expect((await graph(page)).relations.find((r) => r.id === start.id)).toEqual(start)
  }
})

test('bulk: select rows with click, Shift-click and Ctrl-click, set their stance in one undoable step', async ({
  page,
}) => {
  await openExplorer(page)
  await startEditing(page)
  const { region, grid } = await openTable(page, 'Relations')
  const before = await graph(page)
  const row = (i: number) =>
    grid.locator(`[role="row"][aria-rowindex="${i + 2}"] [role="gridcell"][aria-colindex="2"]`)
  await row(0).click()
  await row(2).click({ modifiers: ['Shift'] })
  await row(4).click({ modifiers: ['ControlOrMeta'] })
  await expect(grid.locator('[role="row"][aria-selected="true"]')).toHaveCount(4)
  await region.getByRole('combobox', { name: 'Set stance' }).selectOption('hostile')
  const after = await graph(page)
  const changed = after.relations.filter((r, i) => r.stance !== before.relations[i]!.stance)
  expect(
    after.relations
      .slice(0, 5)
      .filter((_, i) => i !== 3)
      .every((r) => r.stance === 'hostile'),
  ).toBe(true)
  expect(changed.length).toBeLessThanOrEqual(4)
  await page.getByRole('button', { name: /^Undo/ }).click()
  expect(await graph(page)).toEqual(before)
})

test('merge two actors from the table: the plan first, no quotation lost, one undo restores all', async ({
  page,
}, testInfo) => {
  await openExplorer(page)
  await startEditing(page)
  const start = await graph(page)
  // Two actors tied to each other, so the merge has a self-tie to confirm.
  const tie = start.relations.find((r) => (r.evidence ?? []).length > 0)!
  const keep = start.actors.find((a) => a.id === tie.source)!
  const gone = start.actors.find((a) => a.id === tie.target)!
  const between = start.relations.filter(
    (r) => (r.source === keep.id && r.target === gone.id) || (r.source === gone.id && r.target === keep.id),
  )
  const { region, grid } = await openTable(page, 'Actors')
  const filter = region.getByRole('searchbox', { name: 'Filter rows' })
  await filter.fill(keep.label)
  await grid.getByRole('gridcell', { name: keep.label, exact: true }).click()
  await filter.fill(gone.label)
  await grid.getByRole('gridcell', { name: gone.label, exact: true }).click({ modifiers: ['ControlOrMeta'] })
  await expect(region.getByText('2 selected')).toBeVisible()
  await region.getByRole('button', { name: 'Merge selected' }).click()
  const dialog = page.getByRole('dialog', { name: 'Merge actors' })
  await dialog.getByRole('radio', { name: new RegExp(`^${keep.label}`) }).check()
  await expect(dialog.getByText(/ties? (is|are) re-pointed/)).toBeVisible()
  const merge = dialog.getByRole('button', { name: 'Merge', exact: true })
  await expect(merge).toBeDisabled()
  await dialog.getByRole('checkbox', { name: /^Remove (this tie|these)/ }).check()
  await saveShot(page, testInfo, 'merge-dialog')
  await merge.click()
  await expect(
    page.getByRole('status').filter({ hasText: `Merged ${gone.label} into ${keep.label}:` }),
  ).toContainText('0 quotations lost')
  const merged = await graph(page)
  expect(merged.actors.some((a) => a.id === gone.id)).toBe(false)
  expect(merged.actors.find((a) => a.id === keep.id)!.aliases).toContain(gone.label)
  const removed = between.flatMap((r) => (r.evidence ?? []).map((e) => `${e.source}|${e.quote}`))
  const expected = [...quotes(start)]
  for (const q of removed) expected.splice(expected.indexOf(q), 1)
  // Combined ties join their evidence without duplicates: every quotation is still there.
  expect(new Set(quotes(merged))).toEqual(new Set(expected))
  await page.getByRole('button', { name: /^Undo/ }).click()
  expect(await graph(page)).toEqual(start)
})

test('a GEXF export re-opens with the same counts and evidence', async ({ page }) => {
  await openExplorer(page)
  const start = await graph(page)
  await page.getByText('Export', { exact: true }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export GEXF' }).click()
  const file = await download
  const chunks = (await (await file.createReadStream()).toArray()) as Buffer[]
  const text = Buffer.concat(chunks).toString('utf8')
  expect(text).toContain('mode="dynamic"')
  await page
    .getByLabel('Graph file')
    .setInputFiles({ name: 'back.gexf', mimeType: 'application/xml', buffer: Buffer.from(text) })
  await expect(page.locator('.dataset-title')).toHaveText(/./)
  await expect
    .poll(async () => {
      const g = await graph(page)
      return [g.actors.length, g.relations.length, quotes(g).length]
    })
    .toEqual([start.actors.length, start.relations.length, quotes(start).length])
  expect(quotes(await graph(page))).toEqual(quotes(start))
})

for (const scheme of ['light', 'dark'] as const) {
  test(`axe passes on the table and the merge dialog (${scheme})`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme })
    await openExplorer(page)
    await startEditing(page)
    const { grid } = await openTable(page, 'Actors')
    await grid.locator('[role="row"][aria-rowindex="2"] [role="gridcell"][aria-colindex="2"]').click()
    await grid
      .locator('[role="row"][aria-rowindex="3"] [role="gridcell"][aria-colindex="2"]')
      .click({ modifiers: ['Shift'] })
    expect(await seriousViolations(page), 'table').toEqual([])
    await saveShot(page, testInfo, `table-${scheme}`)
    await page.getByRole('button', { name: 'Merge selected' }).click()
    await expect(page.getByRole('dialog', { name: 'Merge actors' })).toBeVisible()
    expect(await seriousViolations(page), 'merge dialog').toEqual([])
  })
}
