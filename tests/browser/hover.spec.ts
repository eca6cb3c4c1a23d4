/**
 * Hover tooltips on the map (issue 22 §3): pointing at an actor or a tie names it in an element
 * with role="tooltip", beside it and inside the canvas; parallel ties each name themselves; no
 * tooltip during a pan or a zoom; keyboard focus in the Actors list and the search shows the same;
 * a long press on touch too; axe finds nothing serious with one open. The expected words are
 * computed from the data file here, never from the app's code.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import {
  actorButton,
  actorLabel,
  canvasBox,
  canvasIsAt,
  expect,
  nodeById,
  nodes,
  openExplorer,
  readDataset,
  saveShot,
  screenRadius,
  shownRelations,
  test,
  transform,
  type Dataset,
  type DatasetRelation,
  type HookNode,
} from './fixtures'

const KIND: Record<string, string> = {
  state: 'State',
  organisation: 'Organisation',
  bloc: 'Bloc',
  'armed-group': 'Armed group',
  person: 'Person',
  other: 'Other',
}

/** "Iran · State · 12 shown ties", from the file: ties shown by the default filters. */
function actorText(ds: Dataset, id: string): string {
  const a = ds.actors.find((x) => x.id === id)!
  const n = shownRelations(ds).filter((r) => r.source === id || r.target === id).length
  return `${a.label} · ${KIND[a.kind]} · ${n} shown tie${n === 1 ? '' : 's'}`
}

/** "Iran → Azerbaijan · Military, hostile · 2021 (c.) · 2 sources", from the file. */
function relationText(
  ds: Dataset,
  r: DatasetRelation & { approximate?: boolean; end?: number | null },
): string {
  const type = ds.relationTypes.find((t) => t.id === r.type)?.label ?? r.type
  const years =
    r.start === undefined
      ? 'undated'
      : r.end === undefined || r.end === null
        ? `since ${r.start}`
        : r.end === r.start
          ? String(r.start)
          : `${r.start}–${r.end}`
  const n = new Set(r.evidence.map((e) => e.source)).size
  const sources = n === 0 ? 'no sources' : `${n} source${n === 1 ? '' : 's'}`
  return `${actorLabel(ds, r.source)} ${r.directed === true ? '→' : '—'} ${actorLabel(ds, r.target)} · ${type}, ${r.stance} · ${years}${r.approximate === true ? ' (c.)' : ''} · ${sources}`
}

const tooltip = (page: Page) => page.getByRole('tooltip')

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)

function distanceToSegment(px: number, py: number, a: HookNode, b: HookNode): number {
  const vx = b.x - a.x
  const vy = b.y - a.y
  const l2 = vx * vx + vy * vy
  const h = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - a.x) * vx + (py - a.y) * vy) / l2))
  return Math.hypot(a.x + h * vx - px, a.y + h * vy - py)
}

/**
 * The midpoint of a pair's line with `count` relations, clearest of every other node and line, on
 * bare canvas; with the unit normal of the line there (parallel ties lie across it).
 */
async function clearPair(page: Page, ds: Dataset, count: number) {
  const byId = new Map((await nodes(page)).map((n) => [n.id, n]))
  const k = (await transform(page)).k
  const degree = new Map<string, number>()
  const pairs = new Map<string, DatasetRelation[]>()
  for (const r of ds.relations) {
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1)
    degree.set(r.target, (degree.get(r.target) ?? 0) + 1)
    const key = pairKey(r.source, r.target)
    pairs.set(key, [...(pairs.get(key) ?? []), r])
  }
  let best: { rels: DatasetRelation[]; x: number; y: number; nx: number; ny: number; clear: number } | null =
    null
  for (const [key, rels] of pairs) {
    if (rels.length !== count) continue
    const a = byId.get(rels[0]!.source)!
    const b = byId.get(rels[0]!.target)!
    // The midpoint, where parallel ties are furthest apart.
    const x = (a.x + b.x) / 2
    const y = (a.y + b.y) / 2
    let clear = Infinity
    for (const n of byId.values())
      clear = Math.min(clear, Math.hypot(n.x - x, n.y - y) - screenRadius(degree.get(n.id) ?? 0, k))
    for (const [other, rs] of pairs) {
      if (other === key) continue
      const bulge = rs.length === 1 ? 0 : (rs.length - 1) * 9
      clear = Math.min(
        clear,
        distanceToSegment(x, y, byId.get(rs[0]!.source)!, byId.get(rs[0]!.target)!) - bulge,
      )
    }
    const len = Math.hypot(b.x - a.x, b.y - a.y)
    if ((best === null || clear > best.clear) && (await canvasIsAt(page, x, y)))
      best = { rels, x, y, nx: -(b.y - a.y) / len, ny: (b.x - a.x) / len, clear }
  }
  if (best === null) throw new Error(`no pair with ${count} relations has its midpoint on bare canvas`)
  return best
}

/** The tooltip's box is inside the canvas and apart from `target` (page CSS px). */
async function expectBesideAndInside(page: Page, target: { x: number; y: number; w: number; h: number }) {
  const box = (await tooltip(page).boundingBox())!
  const canvas = await canvasBox(page)
  expect(box.x).toBeGreaterThanOrEqual(canvas.x - 0.5)
  expect(box.y).toBeGreaterThanOrEqual(canvas.y - 0.5)
  expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width + 0.5)
  expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height + 0.5)
  const overlaps =
    box.x < target.x + target.w &&
    target.x < box.x + box.width &&
    box.y < target.y + target.h &&
    target.y < box.y + box.height
  expect(overlaps, 'the tooltip covers what it names').toBe(false)
}

test.describe('hover tooltips on the map', () => {
  test('an actor: its label, kind and shown ties, beside it and inside the canvas', async ({
    page,
    errors,
  }, testInfo) => {
    const ds = readDataset()
    await openExplorer(page)
    await expect(tooltip(page)).toHaveCount(0)
    const iran = await nodeById(page, 'iran')
    await page.mouse.move(iran.x, iran.y)
    await expect(tooltip(page)).toHaveText(actorText(ds, 'iran'))
    const k = (await transform(page)).k
    const degree = ds.relations.filter((r) => r.source === 'iran' || r.target === 'iran').length
    const r = screenRadius(degree, k)
    await expectBesideAndInside(page, { x: iran.x - r, y: iran.y - r, w: 2 * r, h: 2 * r })
    await saveShot(page, testInfo, 'tooltip-actor')
    // Off every actor and tie, it goes.
    const box = await canvasBox(page)
    await page.mouse.move(box.x + 3, box.y + box.height - 3)
    await expect(tooltip(page)).toBeHidden()
    expect(errors.page).toEqual([])
  })

  test('a tie names itself; parallel ties each name their own', async ({ page }, testInfo) => {
    const ds = readDataset()
    await openExplorer(page)
    const one = await clearPair(page, ds, 1)
    expect(one.clear).toBeGreaterThan(8)
    await page.mouse.move(one.x, one.y)
    await expect(tooltip(page)).toHaveText(relationText(ds, one.rels[0]!))
    await expectBesideAndInside(page, { x: one.x - 1, y: one.y - 1, w: 2, h: 2 })
    await saveShot(page, testInfo, 'tooltip-tie')

    // Across a pair drawn as two curves, pointing along the normal meets each of them.
    // Two lanes cross the midpoint 9 px apart, 4.5 px either side of the straight line, whatever
    // the zoom: zooming in on a pair clears it of its neighbours.
    let two = await clearPair(page, ds, 2)
    for (let i = 0; i < 5 && two.clear <= 12; i++) {
      await page.mouse.move(two.x, two.y)
      await page.mouse.wheel(0, -250)
      await page.waitForTimeout(400)
      two = await clearPair(page, ds, 2)
    }
    expect(two.clear).toBeGreaterThan(12)
    const seen = new Set<string>()
    for (let d = -8; d <= 8; d += 1) {
      await page.mouse.move(two.x + d * two.nx, two.y + d * two.ny)
      await page.waitForTimeout(30)
      if (await tooltip(page).isVisible()) seen.add((await tooltip(page).textContent()) ?? '')
    }
    expect([...seen].sort()).toEqual(two.rels.map((r) => relationText(ds, r)).sort())
  })

  test('no tooltip while panning or zooming', async ({ page }) => {
    await openExplorer(page)
    const iran = await nodeById(page, 'iran')
    await page.mouse.move(iran.x, iran.y)
    await expect(tooltip(page)).toBeVisible()
    // The wheel zooms: the tooltip goes, and does not come back while the wheel turns.
    await page.mouse.wheel(0, -200)
    await expect(tooltip(page)).toBeHidden()
    // A drag on the background pans: none appears while it lasts, even over actors.
    const box = await canvasBox(page)
    await page.mouse.move(box.x + 5, box.y + 5)
    await page.mouse.down()
    const after = await nodeById(page, 'iran')
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(
        box.x + 5 + ((after.x - box.x) * i) / 10,
        box.y + 5 + ((after.y - box.y) * i) / 10,
      )
      await expect(tooltip(page)).toBeHidden()
    }
    await page.mouse.up()
  })

  test('keyboard focus on an actor in the Actors list and in the search shows the same', async ({ page }) => {
    const ds = readDataset()
    await openExplorer(page)
    const button = actorButton(page, 'Azerbaijan')
    await button.focus()
    await expect(tooltip(page)).toHaveText(actorText(ds, 'azerbaijan'))
    const id = await tooltip(page).getAttribute('id')
    await expect(button).toHaveAttribute('aria-describedby', id!)
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.passes.length).toBeGreaterThan(10)
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
    // Tab moves on to the next actor of the list, and the tooltip with it.
    const next = page
      .getByRole('navigation', { name: /^Actors/ })
      .getByRole('button')
      .nth(
        await page
          .getByRole('navigation', { name: /^Actors/ })
          .getByRole('button')
          .evaluateAll((bs) => bs.findIndex((b) => b.textContent === 'Azerbaijan') + 1),
      )
    const nextLabel = (await next.textContent())!
    await page.keyboard.press('Tab')
    await expect(next).toBeFocused()
    await expect(tooltip(page)).toHaveText(actorText(ds, ds.actors.find((a) => a.label === nextLabel)!.id))

    const search = page.getByRole('combobox', { name: 'Search actors' })
    await search.fill('Arme')
    await expect(tooltip(page)).toHaveText(actorText(ds, 'armenia'))
    await page.keyboard.press('Escape')
    await expect(tooltip(page)).toBeHidden()
  })
})

test.describe('on touch', () => {
  test.use({ hasTouch: true })
  test('a long press on an actor shows its tooltip', async ({ page }) => {
    const ds = readDataset()
    await openExplorer(page)
    const iran = await nodeById(page, 'iran')
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [{ x: iran.x, y: iran.y }],
    })
    await page.waitForTimeout(200)
    await expect(tooltip(page)).toBeHidden()
    await expect(tooltip(page)).toHaveText(actorText(ds, 'iran'))
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    // The press was no tap: nothing was selected.
    await expect(page.locator('#details-heading')).toHaveText('Details')
  })
})
