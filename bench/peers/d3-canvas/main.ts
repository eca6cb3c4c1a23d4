/**
 * Peer (b): plain d3-force + canvas, written for speed: the bar for a CPU renderer.
 *
 * - The same forces and parameters as the app (link 70, charge −240 up to 600, gravity 0.06,
 *   collide r + 3), ticked by our own animation-frame loop: one tick then one draw per frame.
 * - Drawing: edges in one batched path per type × stance (9 strokes), nodes in one path, both
 *   culled to the viewport; labels for the 30 highest-degree actors in view.
 * - d3-zoom for wheel/drag pan-zoom, d3-drag for nodes (subject found with a quadtree).
 */
import { drag } from 'd3-drag'
import { quadtree, type Quadtree } from 'd3-quadtree'
import { pointer, select } from 'd3-selection'
import { zoom, zoomIdentity, type ZoomTransform } from 'd3-zoom'
import {
  afterFrame,
  fail,
  Filter,
  indexGraph,
  loadGraph,
  STANCE_DASH,
  STANCES,
  TYPE_COLORS,
  createPeerSimulation,
  type BenchHook,
  type SimLink,
  type SimNode,
} from '../common'

type Node = SimNode
type Link = SimLink

async function main() {
  const ix = indexGraph(await loadGraph())
  const filter = new Filter(ix)
  const host = document.getElementById('graph')!
  const canvas = document.createElement('canvas')
  host.append(canvas)
  const ctx = canvas.getContext('2d', { alpha: false })!
  let frame = 0
  let dirty = true
  const dpr = window.devicePixelRatio || 1
  let width = 0
  let height = 0
  const resize = () => {
    width = host.clientWidth
    height = host.clientHeight
    canvas.width = Math.round(width * dpr)
    canvas.height = Math.round(height * dpr)
    canvas.style.width = `${width}px`
    canvas.style.height = `${height}px`
    requestDraw()
  }

  const { nodes, link, sim } = createPeerSimulation(ix)
  let shown = filter.compute()
  let links: Link[] = []
  let shownNodes: Node[] = []

  let ticks = 0
  let layoutOn = true
  let dragging: Node | null = null
  let tree: Quadtree<Node> | null = null

  function apply(reheat: boolean) {
    shown = filter.compute()
    shownNodes = Array.from(shown.actors, (a) => nodes[a]!)
    links = Array.from(shown.relations, (r) => ({
      source: nodes[ix.src[r]!]!,
      target: nodes[ix.tgt[r]!]!,
      rel: r,
    }))
    sim.nodes(shownNodes)
    link.links(links)
    if (reheat) sim.alpha(Math.max(sim.alpha(), 0.25))
    tree = null
    requestDraw()
  }
  apply(false)

  const layoutRunning = () => layoutOn && (sim.alpha() >= sim.alphaMin() || dragging !== null)

  // Initial fit to the starting (phyllotaxis) positions.
  let transform: ZoomTransform = zoomIdentity
  /** Keep the whole graph in view while the first layout runs, until the user zooms or pans. */
  let autoFit = true
  const zoomer = zoom<HTMLCanvasElement, unknown>()
    .scaleExtent([0.01, 20])
    .on('zoom', (e: { transform: ZoomTransform; sourceEvent: Event | null }) => {
      transform = e.transform
      if (e.sourceEvent !== null) autoFit = false
      requestDraw()
    })

  function findNode(px: number, py: number): Node | undefined {
    tree ??= quadtree<Node>()
      .x((d) => d.x!)
      .y((d) => d.y!)
      .addAll(shownNodes)
    const [x, y] = transform.invert([px, py])
    const hit = tree.find(x, y, 30)
    if (hit === undefined) return undefined
    return Math.hypot(hit.x! - x, hit.y! - y) <= hit.r + 2 / transform.k ? hit : undefined
  }

  const dragger = drag<HTMLCanvasElement, unknown, Node>()
    .subject((e: { x: number; y: number }) => findNode(e.x, e.y) as Node)
    .on('start', (e: { subject: Node }) => {
      dragging = e.subject
      if (layoutOn) sim.alphaTarget(0.3).alpha(Math.max(sim.alpha(), 0.3))
    })
    .on('drag', (e: { subject: Node; sourceEvent: MouseEvent }) => {
      const [x, y] = transform.invert(pointer(e.sourceEvent, canvas))
      e.subject.fx = e.subject.x = x
      e.subject.fy = e.subject.y = y
      tree = null
      requestDraw()
    })
    .on('end', () => {
      dragging = null
      sim.alphaTarget(0)
      requestDraw()
    })
  const sel = select(canvas)
  sel.call(dragger).call(zoomer)

  function fit() {
    let bx0 = Infinity
    let by0 = Infinity
    let bx1 = -Infinity
    let by1 = -Infinity
    for (const d of shownNodes) {
      bx0 = Math.min(bx0, d.x! - d.r)
      by0 = Math.min(by0, d.y! - d.r)
      bx1 = Math.max(bx1, d.x! + d.r)
      by1 = Math.max(by1, d.y! + d.r)
    }
    if (!(bx0 < bx1)) return
    const k = Math.min(2, Math.min((width - 40) / (bx1 - bx0), (height - 40) / (by1 - by0)))
    sel.call(
      zoomer.transform,
      zoomIdentity.translate(width / 2 - ((bx0 + bx1) / 2) * k, height / 2 - ((by0 + by1) / 2) * k).scale(k),
    )
  }

  function requestDraw() {
    dirty = true
    if (frame === 0) frame = requestAnimationFrame(onFrame)
  }
  function onFrame() {
    frame = 0
    if (layoutRunning()) {
      sim.tick()
      ticks++
      tree = null
      dirty = true
      if (autoFit) fit()
    }
    if (dirty) {
      dirty = false
      draw()
    }
    if (layoutRunning()) requestDraw()
  }

  const labelOrder = Array.from(ix.graph.actors.keys()).sort((a, b) => ix.degree[b]! - ix.degree[a]!)

  function draw() {
    // Screen-space coordinates (the zoom applied here, not through the context's transform):
    // unit line widths and dash lengths keep the software rasteriser on its fast path.
    const { k, x: tx, y: ty } = transform
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, width, height)
    const m = 20
    ctx.lineWidth = 1
    ctx.globalAlpha = 0.7
    const types = ix.typeIds.length
    for (let t = 0; t < types; t++) {
      ctx.strokeStyle = TYPE_COLORS[ix.typeIds[t]!] ?? '#888'
      for (let s = 0; s < STANCES.length; s++) {
        ctx.beginPath()
        let any = false
        for (const l of links) {
          const r = l.rel
          if (ix.type[r] !== t || ix.stance[r] !== s) continue
          const a = l.source as Node
          const b = l.target as Node
          const ax = a.x! * k + tx
          const ay = a.y! * k + ty
          const bx = b.x! * k + tx
          const by = b.y! * k + ty
          if (
            (ax < -m && bx < -m) ||
            (ax > width + m && bx > width + m) ||
            (ay < -m && by < -m) ||
            (ay > height + m && by > height + m)
          )
            continue
          ctx.moveTo(ax, ay)
          ctx.lineTo(bx, by)
          any = true
        }
        if (!any) continue
        ctx.setLineDash(STANCE_DASH[STANCES[s]!])
        ctx.stroke()
      }
    }
    ctx.setLineDash([])
    ctx.globalAlpha = 1
    ctx.beginPath()
    for (const d of shownNodes) {
      const x = d.x! * k + tx
      const y = d.y! * k + ty
      const r = Math.max(1, d.r * k)
      if (x + r < 0 || x - r > width || y + r < 0 || y - r > height) continue
      ctx.moveTo(x + r, y)
      ctx.arc(x, y, r, 0, 2 * Math.PI)
    }
    ctx.fillStyle = '#fafafa'
    ctx.fill()
    ctx.strokeStyle = '#333'
    ctx.stroke()
    // Labels: the 30 highest-degree shown actors in view.
    ctx.fillStyle = '#222'
    ctx.font = '12px sans-serif'
    ctx.textAlign = 'center'
    let labelled = 0
    for (const a of labelOrder) {
      if (labelled >= 30) break
      if (shown.actorShown[a] !== 1) continue
      const d = nodes[a]!
      const sx = d.x! * k + tx
      const sy = d.y! * k + ty
      if (sx < 0 || sx > width || sy < 0 || sy > height) continue
      ctx.fillText(ix.graph.actors[a]!.label, sx, sy + d.r * k + 12)
      labelled++
    }
  }

  resize()
  window.addEventListener('resize', resize)
  fit()

  const firstFrame = (async () => {
    await afterFrame()
    return performance.now()
  })()

  const hook: BenchHook = {
    firstFrame,
    ticks: () => ticks,
    running: layoutRunning,
    stopLayout() {
      layoutOn = false
    },
    startLayout() {
      layoutOn = true
      sim.alpha(Math.max(sim.alpha(), 0.1))
      requestDraw()
    },
    nodeScreen(i) {
      if (shown.actorShown[i] !== 1) return null
      const d = nodes[i]!
      const rect = canvas.getBoundingClientRect()
      const [x, y] = transform.apply([d.x!, d.y!])
      return { x: rect.left + x, y: rect.top + y }
    },
    toggleType(id) {
      filter.toggle(id)
      apply(layoutOn)
      return afterFrame()
    },
    setYearFrom(year) {
      filter.from = year
      apply(layoutOn)
      return afterFrame()
    },
    info: () => ({ renderer: 'canvas 2d' }),
  }
  window.__bench = hook
}

main().catch(fail)
