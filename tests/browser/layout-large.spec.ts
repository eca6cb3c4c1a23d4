/**
 * Issue 23: a generated graph of 50,000 actors is laid out by the multilevel layout in the worker.
 * The journey waits (generously) for the layout to settle and checks that the actors are then on
 * screen and laid out: related actors much closer together than actors in general.
 */
import { layoutQuality } from '../../src/sim/multilevel/quality'
import { expect, layoutStatus, nodes, test, waitForSettled } from './fixtures'

const ACTORS = 50_000
const COMMUNITY = 50

/** Communities of 50 actors, each actor tied to two others of its own and one of the next community. */
function largeGraph() {
  let s = 7
  const random = () => (s = (1664525 * s + 1013904223) >>> 0) / 4294967296
  const actors = Array.from({ length: ACTORS }, (_, i) => ({
    id: `a${i}`,
    label: `Actor ${i}`,
    kind: 'state',
  }))
  const src: number[] = []
  const tgt: number[] = []
  const tie = (a: number, b: number) => {
    if (a === b) return
    src.push(a)
    tgt.push(b)
  }
  for (let a = 0; a < ACTORS; a++) {
    const base = a - (a % COMMUNITY)
    for (let k = 0; k < 2; k++) tie(a, base + Math.floor(random() * COMMUNITY))
    if (a % COMMUNITY === 0) tie(a, (a + COMMUNITY + Math.floor(random() * COMMUNITY)) % ACTORS)
  }
  const relations = src.map((a, i) => ({
    id: `r${i}`,
    source: `a${a}`,
    target: `a${tgt[i]}`,
    type: 'economic',
    stance: 'cooperative',
    summary: `Actor ${a} trades with actor ${tgt[i]}.`,
    evidence: [{ source: 's0', quote: `Actor ${a} trades with actor ${tgt[i]}.` }],
  }))
  const sources = [{ id: 's0', title: 'Generated test source', published: '2020-01' }]
  const graph = { schemaVersion: 1, title: 'Large generated graph', sources, actors, relations }
  return { body: JSON.stringify(graph), src, tgt }
}

test('a generated graph of 50,000 actors settles, laid out, with its actors on screen', async ({
  page,
  errors,
}) => {
  test.slow()
  const { body, src, tgt } = largeGraph()
  await page.route(
    (url) => url.pathname.endsWith('/large-50k.json'),
    (route) => route.fulfill({ contentType: 'application/json', body }),
  )
  await page.goto('/?graph=/large-50k.json')
  await expect
    .poll(async () => (await nodes(page)).length, { timeout: 60_000, message: 'the engine shows the actors' })
    .toBeGreaterThan(ACTORS * 0.99) // all but the few with no relation (none drawn to others)
  await expect
    .poll(async () => (await layoutStatus(page))?.ticks ?? 0, { timeout: 60_000 })
    .toBeGreaterThan(0)
  const t0 = Date.now()
  await waitForSettled(page, 90_000)
  console.log(`50k journey: settled ${Date.now() - t0} ms after the first tick`)

  const shown = await nodes(page)
  const box = (await page.locator('canvas.graph-canvas').boundingBox())!
  const xy = new Float64Array(2 * ACTORS).fill(NaN)
  let inside = 0
  let unplaced = 0
  for (const n of shown) {
    const i = Number(n.id.slice(1))
    if (!Number.isFinite(n.x) || !Number.isFinite(n.y)) unplaced++
    xy[2 * i] = n.x
    xy[2 * i + 1] = n.y
    if (n.x >= box.x && n.x <= box.x + box.width && n.y >= box.y && n.y <= box.y + box.height) inside++
  }
  expect(unplaced).toBe(0)
  // On screen: most actors inside the canvas, and spread over it, not heaped in a corner.
  expect(inside).toBeGreaterThan(shown.length * 0.8)
  const xs = shown.map((n) => n.x).sort((a, b) => a - b)
  const ys = shown.map((n) => n.y).sort((a, b) => a - b)
  const q = (v: number[], p: number) => v[Math.floor(p * (v.length - 1))]!
  expect(q(xs, 0.95) - q(xs, 0.05)).toBeGreaterThan(box.width * 0.3)
  expect(q(ys, 0.95) - q(ys, 0.05)).toBeGreaterThan(box.height * 0.3)
  // Laid out: a relation is far shorter than the distance between two actors taken at random
  // (about 1 for actors thrown at random on the canvas).
  expect(layoutQuality(xy, src, tgt)).toBeLessThan(0.3)
  expect(errors.page).toEqual([])
})
