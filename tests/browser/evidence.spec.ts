/**
 * Journey 6: from the graph to the evidence. Clicking a node shows the actor with every quotation
 * behind its relations, each verbatim in a source text; clicking an edge shows that relation's
 * quotations; Escape and a click on empty background clear the selection.
 */
import type { Page } from '@playwright/test'
import {
  actorLabel,
  canvasBox,
  canvasIsAt,
  detailsHeading,
  expect,
  nodeById,
  nodes,
  openExplorer,
  readDataset,
  readSourceTexts,
  saveShot,
  screenRadius,
  test,
  transform,
  type Dataset,
  type DatasetRelation,
  type HookNode,
} from './fixtures'

const LANE_SPACING = 9

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)

function distanceToSegment(px: number, py: number, a: HookNode, b: HookNode): number {
  const vx = b.x - a.x
  const vy = b.y - a.y
  const l2 = vx * vx + vy * vy
  const h = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - a.x) * vx + (py - a.y) * vy) / l2))
  return Math.hypot(a.x + h * vx - px, a.y + h * vy - py)
}

interface Geometry {
  byId: Map<string, HookNode>
  degree: Map<string, number>
  pairs: Map<string, DatasetRelation[]>
  k: number
}

async function geometry(page: Page, ds: Dataset): Promise<Geometry> {
  const byId = new Map((await nodes(page)).map((n) => [n.id, n]))
  const degree = new Map<string, number>()
  const pairs = new Map<string, DatasetRelation[]>()
  for (const r of ds.relations) {
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1)
    degree.set(r.target, (degree.get(r.target) ?? 0) + 1)
    const key = pairKey(r.source, r.target)
    pairs.set(key, [...(pairs.get(key) ?? []), r])
  }
  return { byId, degree, pairs, k: (await transform(page)).k }
}

/**
 * How far a screen point is from everything drawn except the pair `skip`: node discs (by their
 * drawn radius) and edges (straight segments widened by the lane offset of a pair's curves).
 */
function clearance(g: Geometry, x: number, y: number, skip?: string): number {
  let best = Infinity
  for (const n of g.byId.values()) {
    best = Math.min(best, Math.hypot(n.x - x, n.y - y) - screenRadius(g.degree.get(n.id) ?? 0, g.k))
  }
  for (const [key, rels] of g.pairs) {
    if (key === skip) continue
    const a = g.byId.get(rels[0]!.source)!
    const b = g.byId.get(rels[0]!.target)!
    const bulge = rels.length === 1 ? 0 : ((rels.length - 1) / 2) * 2 * LANE_SPACING
    best = Math.min(best, distanceToSegment(x, y, a, b) - bulge)
  }
  return best
}

/** The midpoint of a straight edge (a pair with exactly one relation) that is clearest of all else. */
async function clearestStraightEdge(page: Page, ds: Dataset) {
  const g = await geometry(page, ds)
  let best: { relation: DatasetRelation; x: number; y: number; clear: number } | null = null
  for (const [key, rels] of g.pairs) {
    if (rels.length !== 1) continue
    const relation = rels[0]!
    const a = g.byId.get(relation.source)!
    const b = g.byId.get(relation.target)!
    const x = (a.x + b.x) / 2
    const y = (a.y + b.y) / 2
    const clear = clearance(g, x, y, key)
    if ((best === null || clear > best.clear) && (await canvasIsAt(page, x, y))) {
      best = { relation, x, y, clear }
    }
  }
  if (best === null) throw new Error('no straight edge has its midpoint on bare canvas')
  return best
}

/** A point of bare canvas far from every node and edge. */
async function emptyBackground(page: Page, ds: Dataset) {
  const g = await geometry(page, ds)
  const box = await canvasBox(page)
  let best: { x: number; y: number; clear: number } | null = null
  for (let fy = 0.1; fy < 0.95; fy += 0.05) {
    for (let fx = 0.05; fx < 0.96; fx += 0.05) {
      const x = box.x + fx * box.width
      const y = box.y + fy * box.height
      const clear = clearance(g, x, y)
      if ((best === null || clear > best.clear) && (await canvasIsAt(page, x, y))) best = { x, y, clear }
    }
  }
  if (best === null || best.clear < 20) throw new Error('no empty background on the canvas')
  return best
}

test.describe('evidence behind the graph', () => {
  test('clicking a node shows the actor and quotations found verbatim in the sources', async ({
    page,
    errors,
  }, testInfo) => {
    const ds = readDataset()
    const texts = readSourceTexts()
    expect(texts.size).toBeGreaterThan(0)
    await openExplorer(page)
    await expect(detailsHeading(page)).toHaveText('Details')

    const iran = await nodeById(page, 'iran')
    expect(await canvasIsAt(page, iran.x, iran.y)).toBe(true)
    await page.mouse.click(iran.x, iran.y)
    await expect(detailsHeading(page)).toHaveText('Iran')
    await expect(
      page.getByRole('navigation', { name: /^Actors/ }).getByRole('button', { name: 'Iran' }),
    ).toHaveAttribute('aria-pressed', 'true')
    await saveShot(page, testInfo, 'selected-iran')

    const details = page.getByRole('complementary', { name: 'Selection details' })
    const quotes = details.locator('blockquote')
    const expected = ds.relations
      .filter((r) => r.source === 'iran' || r.target === 'iran')
      .flatMap((r) => r.evidence.map((e) => e.quote))
    await expect(quotes).toHaveCount(expected.length)
    const shown = await quotes.evaluateAll((qs) => qs.map((q) => q.textContent ?? ''))
    expect([...shown].sort()).toEqual([...expected].sort())
    const notVerbatim = shown.filter(
      (q) => q.trim() === '' || ![...texts.values()].some((t) => t.includes(q)),
    )
    expect(notVerbatim, 'quotations not found verbatim in data/sources/*.txt').toEqual([])
    // Each quotation is attributed: its figure has a <cite> naming a source of the file.
    const cites = await details
      .locator('figure')
      .evaluateAll((fs) =>
        fs.map((f) => [f.querySelector('blockquote') !== null, f.querySelector('cite')?.textContent ?? '']),
      )
    expect(cites).toHaveLength(expected.length)
    for (const [hasQuote, cite] of cites) {
      expect(hasQuote).toBe(true)
      expect(ds.sources.some((s) => (cite as string).startsWith(s.title))).toBe(true)
    }

    await page.keyboard.press('Escape')
    await expect(detailsHeading(page)).toHaveText('Details')
    await expect(quotes).toHaveCount(0)
    expect(errors.page).toEqual([])
    expect(errors.unexpectedConsole()).toEqual([])
  })

  test('clicking an edge shows that relation and its evidence; Escape and the background clear it', async ({
    page,
    errors,
  }, testInfo) => {
    const ds = readDataset()
    await openExplorer(page)
    const edge = await clearestStraightEdge(page, ds)
    expect(edge.clear, 'the chosen edge midpoint is clear of other nodes and edges').toBeGreaterThan(8)
    const rel = edge.relation
    const heading = `${actorLabel(ds, rel.source)} ${rel.directed ? '→' : '–'} ${actorLabel(ds, rel.target)}`

    await page.mouse.click(edge.x, edge.y)
    await expect(detailsHeading(page)).toHaveText(heading)
    const details = page.getByRole('complementary', { name: 'Selection details' })
    await expect(details.getByText(rel.summary, { exact: true })).toBeVisible()
    const quotes = details.locator('blockquote')
    await expect(quotes).toHaveCount(rel.evidence.length)
    expect(await quotes.evaluateAll((qs) => qs.map((q) => q.textContent))).toEqual(
      rel.evidence.map((e) => e.quote),
    )
    await expect(page).toHaveURL(new RegExp(`[?&]sel=relation:${rel.id}(&|$)`))
    await saveShot(page, testInfo, 'selected-edge')

    await page.keyboard.press('Escape')
    await expect(detailsHeading(page)).toHaveText('Details')
    await expect(quotes).toHaveCount(0)

    // A click on empty background clears a selection too.
    await page
      .getByRole('navigation', { name: /^Actors/ })
      .getByRole('button', { name: 'Azerbaijan' })
      .click()
    await expect(detailsHeading(page)).toHaveText('Azerbaijan')
    const bg = await emptyBackground(page, ds)
    await page.mouse.click(bg.x, bg.y)
    await expect(detailsHeading(page)).toHaveText('Details')
    expect(errors.page).toEqual([])
    expect(errors.unexpectedConsole()).toEqual([])
  })
})
