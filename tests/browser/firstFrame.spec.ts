/**
 * The first frame of a big graph (more than 1,500 actors + relations) is drawn before the layout
 * worker's warm-up answers: it shows the disc d3-force starts the actors on, fitted to the canvas,
 * and when the laid-out positions arrive the view is fitted again.
 */
import { expect, layoutStatus, nodes, test, transform } from './fixtures'

const ACTORS = 1200
const RELATIONS = 1600

/** A ring with chords: every actor connected, no two relations between the same pair. */
function bigGraph() {
  const actors = Array.from({ length: ACTORS }, (_, i) => ({
    id: `a${i}`,
    label: `Actor ${i}`,
    kind: 'state',
  }))
  const relations = Array.from({ length: RELATIONS }, (_, i) => {
    const a = i % ACTORS
    const b = i < ACTORS ? (i + 1) % ACTORS : (a + 37) % ACTORS
    return {
      id: `r${i}`,
      source: `a${a}`,
      target: `a${b}`,
      type: 'economic',
      stance: 'cooperative',
      summary: `Actor ${a} trades with actor ${b}.`,
      evidence: [{ source: 's0', quote: `Actor ${a} trades with actor ${b}.` }],
    }
  })
  const sources = [{ id: 's0', title: 'Generated test source', published: '2020-01' }]
  return { schemaVersion: 1, title: 'Big generated graph', sources, actors, relations }
}

test('a big graph is drawn before the layout answers, then fitted again to the laid-out positions', async ({
  page,
  errors,
}) => {
  await page.route(
    (url) => url.pathname.endsWith('/big-first-frame.json'),
    (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(bigGraph()) }),
  )
  // At the first stroke on the graph canvas: the worker's tick count and the nodes on screen.
  await page.addInitScript(() => {
    const w = window as unknown as {
      __first?: { ticks: number; nodes: { x: number; y: number }[]; k: number }
      __explorer?: {
        layout(): { ticks: number }
        nodes(): { x: number; y: number }[]
        transform(): { k: number }
      }
    }
    const stroke = CanvasRenderingContext2D.prototype.stroke
    CanvasRenderingContext2D.prototype.stroke = function (this: CanvasRenderingContext2D, ...args: [Path2D]) {
      if (w.__first === undefined && this.canvas.classList.contains('graph-canvas') && w.__explorer) {
        const h = w.__explorer
        w.__first = { ticks: h.layout().ticks, nodes: h.nodes(), k: h.transform().k }
      }
      return stroke.apply(this, args)
    } as typeof stroke
  })
  await page.goto('/?graph=/big-first-frame.json')
  const first = await page
    .waitForFunction(() => (window as unknown as { __first?: unknown }).__first, null, { timeout: 30_000 })
    .then((h) => h.jsonValue() as Promise<{ ticks: number; nodes: { x: number; y: number }[]; k: number }>)
  // Drawn before the worker reported any tick, with every actor placed…
  expect(first.ticks).toBe(0)
  expect(first.nodes).toHaveLength(ACTORS)
  const box = (await page.locator('canvas.graph-canvas').boundingBox())!
  const inside = (n: { x: number; y: number }) =>
    n.x >= box.x - 1 && n.x <= box.x + box.width + 1 && n.y >= box.y - 1 && n.y <= box.y + box.height + 1
  // …on the starting disc, fitted: all inside the canvas.
  expect(first.nodes.filter((n) => !inside(n))).toEqual([])
  // The layout answers and unfolds the disc; the view is fitted again to the laid-out positions.
  await expect
    .poll(async () => (await layoutStatus(page))?.ticks ?? 0, { timeout: 30_000 })
    .toBeGreaterThan(0)
  await expect.poll(async () => (await transform(page)).k, { timeout: 10_000 }).not.toBe(first.k)
  const after = await nodes(page)
  expect(after.filter((n) => !inside(n)).length).toBeLessThan(ACTORS / 2)
  expect(errors.page).toEqual([])
})
