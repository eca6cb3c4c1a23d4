/**
 * Journeys of issue 13: search, focus on a neighbourhood, paths, evidence filters; axe on the new
 * controls in light and dark. Expected sets and counts are computed here from the data file.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import {
  canvasBox,
  detailsHeading,
  expect,
  nodes,
  openExplorer,
  readDataset,
  saveShot,
  statusLine,
  statusText,
  test,
  transform,
  type DatasetRelation,
} from './fixtures'

const ds = readDataset()
const label = (id: string) => ds.actors.find((a) => a.id === id)!.label

/** Breadth-first distances over the given relations, direction ignored. */
function bfs(relations: DatasetRelation[], from: string): Map<string, number> {
  const adj = new Map<string, Set<string>>()
  const link = (a: string, b: string) => {
    if (!adj.has(a)) adj.set(a, new Set())
    adj.get(a)!.add(b)
  }
  for (const r of relations) {
    link(r.source, r.target)
    link(r.target, r.source)
  }
  const dist = new Map([[from, 0]])
  const queue = [from]
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i]!
    for (const v of adj.get(u) ?? []) {
      if (dist.has(v)) continue
      dist.set(v, dist.get(u)! + 1)
      queue.push(v)
    }
  }
  return dist
}

const distinctSources = (r: DatasetRelation) => new Set(r.evidence.map((e) => e.source)).size

type PathAnswer = { hops: string[][]; count: number; best: string[] } | null
const hookPath = (page: Page, a: string, b: string) =>
  page.evaluate(
    ([x, y]) =>
      (window as unknown as { __explorer: { path(a: string, b: string): PathAnswer } }).__explorer.path(
        x!,
        y!,
      ),
    [a, b],
  )

async function serious(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.passes.length).toBeGreaterThan(10)
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(bad, what).toEqual([])
}

test.describe('ask the network', () => {
  test('"/" then "Azerbajan" then Enter selects Azerbaijan and centres it', async ({ page }) => {
    await openExplorer(page)
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('/')
    const box = page.getByRole('combobox', { name: 'Search actors' })
    await expect(box).toBeFocused()
    await page.keyboard.type('Azerbajan')
    await expect(page.getByRole('option').first()).toHaveText(/^Azerbaijan/)
    await expect(page.getByText(/^\d+ match(es)?$/)).toBeVisible()
    await page.keyboard.press('Enter')
    await expect(detailsHeading(page)).toHaveText('Azerbaijan')
    // Centred: once the glide is over, Azerbaijan sits in the middle of the canvas.
    const canvas = await canvasBox(page)
    await expect
      .poll(
        async () => {
          const n = (await nodes(page)).find((x) => x.id === 'azerbaijan')!
          return Math.hypot(n.x - (canvas.x + canvas.width / 2), n.y - (canvas.y + canvas.height / 2))
        },
        { message: 'Azerbaijan is centred' },
      )
      .toBeLessThan(2)
    expect((await transform(page)).k).toBeGreaterThanOrEqual(1.2)
  })

  test('Focus at depth 2 with "Hide others" leaves exactly the breadth-first set, nothing moves', async ({
    page,
  }, testInfo) => {
    await openExplorer(page, '/?sel=actor:armenia')
    const before = new Map((await nodes(page)).map((n) => [n.id, n]))
    await page.getByRole('button', { name: 'Focus', exact: true }).click()
    await page.getByRole('radio', { name: '2 steps' }).check()
    const dist = bfs(ds.relations, 'armenia')
    const inside = new Set([...dist].filter(([, d]) => d <= 2).map(([id]) => id))
    const rels = ds.relations.filter((r) => inside.has(r.source) && inside.has(r.target))
    await expect(page.getByText(/Focus: Armenia/)).toContainText(
      `Focus: Armenia, 2 steps — ${inside.size} actors, ${rels.length} relations`,
    )
    await expect.poll(async () => (await nodes(page)).map((n) => n.id).sort()).toEqual([...inside].sort())
    for (const n of await nodes(page)) {
      const was = before.get(n.id)!
      expect(Math.hypot(n.x - was.x, n.y - was.y), `${n.id} stays put`).toBeLessThan(1)
    }
    await expect(page).toHaveURL(/focus=armenia&depth=2/)
    await saveShot(page, testInfo, 'focus-armenia-2')
    // Keys: 1 narrows to the first ring; Escape ends the focus and keeps the selection.
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.getByRole('heading', { name: 'Armenia' }).click()
    await page.keyboard.press('1')
    const ring1 = [...dist].filter(([, d]) => d <= 1).map(([id]) => id)
    await expect.poll(async () => (await nodes(page)).map((n) => n.id).sort()).toEqual(ring1.sort())
    await page.keyboard.press('Escape')
    await expect.poll(async () => (await nodes(page)).length).toBe(before.size)
    await expect(detailsHeading(page)).toHaveText('Armenia')
  })

  test('a path from Israel to Armenia lists every step with its quotations', async ({ page }, testInfo) => {
    await openExplorer(page, '/?sel=actor:israel')
    await page.getByRole('button', { name: 'Path to…' }).click()
    await expect(page.getByRole('combobox', { name: 'Path to' })).toBeFocused()
    await page.keyboard.type('Armenia')
    await page.keyboard.press('Enter')
    const region = page.getByRole('region', { name: 'Path' })
    const dist = bfs(ds.relations, 'israel')
    const steps = dist.get('armenia')!
    const answer = (await hookPath(page, 'israel', 'armenia'))!
    expect(answer.hops.every((h) => h.length === steps + 1)).toBe(true)
    // Every listed path is a real path of relations in the file.
    const linked = (a: string, b: string) =>
      ds.relations.some((r) => (r.source === a && r.target === b) || (r.source === b && r.target === a))
    for (const h of answer.hops)
      for (let i = 1; i < h.length; i++) expect(linked(h[i - 1]!, h[i]!)).toBe(true)
    await expect(region).toContainText(
      answer.count === 1
        ? `1 shortest path of ${steps} steps`
        : `${answer.count} shortest paths of ${steps} steps`,
    )
    // The best-evidenced path is drawn by default: every step's relations and quotations are there.
    const best = answer.best
    const items = region.locator('li.path-step')
    await expect(items).toHaveCount(best.length - 1)
    for (let i = 1; i < best.length; i++) {
      const item = items.nth(i - 1)
      await expect(item).toContainText(`${label(best[i - 1]!)} – ${label(best[i]!)}`)
      const rels = ds.relations.filter(
        (r) =>
          (r.source === best[i - 1] && r.target === best[i]) ||
          (r.source === best[i] && r.target === best[i - 1]),
      )
      for (const r of rels)
        for (const e of r.evidence) {
          await expect(item.locator('blockquote', { hasText: e.quote }).first()).toBeVisible()
          await expect(item).toContainText(ds.sources.find((s) => s.id === e.source)!.title)
        }
    }
    await saveShot(page, testInfo, 'path-israel-armenia')
  })

  test('"At least 2 sources" and "Hide contested" change the counts as the file says', async ({ page }) => {
    await openExplorer(page)
    await page.getByRole('checkbox', { name: 'At least 2 sources' }).check()
    const two = ds.relations.filter((r) => distinctSources(r) >= 2)
    const actors = new Set(two.flatMap((r) => [r.source, r.target]))
    await expect(statusLine(page)).toHaveText(
      statusText({
        actors: actors.size,
        relations: two.length,
        undated: two.filter((r) => r.start === undefined).length,
        totalActors: ds.actors.length,
        totalRelations: ds.relations.length,
      }),
    )
    await expect(page).toHaveURL(/minSources=2/)
    await page.getByRole('checkbox', { name: 'At least 2 sources' }).uncheck()
    // Contested: one pair and one type with both cooperative and hostile relations.
    const groups = new Map<string, Set<string>>()
    for (const r of ds.relations) {
      const k = [[r.source, r.target].sort().join('|'), r.type].join('#')
      if (!groups.has(k)) groups.set(k, new Set())
      groups.get(k)!.add(r.stance)
    }
    const contestedKeys = [...groups]
      .filter(([, s]) => s.has('cooperative') && s.has('hostile'))
      .map(([k]) => k)
    const pairs = new Set(contestedKeys.map((k) => k.split('#')[0]))
    await expect(page.getByText(`${pairs.size} contested`)).toBeVisible()
    await page.getByRole('checkbox', { name: /^Hide contested/ }).check()
    const kept = ds.relations.filter(
      (r) =>
        !(
          (r.stance === 'cooperative' || r.stance === 'hostile') &&
          contestedKeys.includes([[r.source, r.target].sort().join('|'), r.type].join('#'))
        ),
    )
    await expect(statusLine(page)).toHaveText(
      statusText({
        actors: new Set(kept.flatMap((r) => [r.source, r.target])).size,
        relations: kept.length,
        undated: kept.filter((r) => r.start === undefined).length,
        totalActors: ds.actors.length,
        totalRelations: ds.relations.length,
      }),
    )
    await expect(page).toHaveURL(/hideContested=1/)
  })

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe passes on the search listbox, the focus controls and the path panel (${scheme})`, async ({
      page,
    }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme })
      await openExplorer(page, '/?sel=actor:israel')
      await page.getByRole('combobox', { name: 'Search actors' }).fill('ar')
      await expect(page.getByRole('listbox')).toBeVisible()
      await serious(page, 'search listbox')
      await page.keyboard.press('Escape')
      await page.getByRole('button', { name: 'Focus', exact: true }).click()
      await expect(page.getByRole('group', { name: 'Depth' })).toBeVisible()
      await serious(page, 'focus controls')
      await page.getByRole('radio', { name: 'Dim others' }).check()
      await page.getByRole('button', { name: 'Path to…' }).click()
      await page.keyboard.type('Armenia')
      await page.keyboard.press('Enter')
      await expect(page.getByRole('region', { name: 'Path' }).locator('li.path-step').first()).toBeVisible()
      await serious(page, 'path panel')
      await saveShot(page, testInfo, `ask-${scheme}`)
    })
  }
})
