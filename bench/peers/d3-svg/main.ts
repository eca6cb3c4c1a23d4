/**
 * Peer (c): d3-force + SVG in the classic style of the d3 gallery: one <line> per relation and one
 * <circle> per actor, positions written as attributes on every tick of d3's own timer, d3-zoom on
 * a <g>, d3-drag on the circles. The same forces as the app; stance as stroke-dasharray.
 */
import { drag } from 'd3-drag'
import { select } from 'd3-selection'
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
  const width = host.clientWidth
  const height = host.clientHeight
  const svg = select(host).append('svg').attr('width', width).attr('height', height)
  const g = svg.append('g')
  const linkLayer = g.append('g').attr('stroke-width', 1.2)
  const nodeLayer = g.append('g').attr('fill', '#fafafa').attr('stroke', '#333')

  const { nodes, link, sim } = createPeerSimulation(ix)
  let shown = filter.compute()
  let ticks = 0
  let layoutOn = true

  sim.on('tick', () => {
    ticks++
    ticked()
    if (autoFit) fit()
  })

  let lineSel = linkLayer.selectAll<SVGLineElement, Link>('line')
  let circleSel = nodeLayer.selectAll<SVGCircleElement, Node>('circle')

  const dragger = drag<SVGCircleElement, Node>()
    .on('start', (e: { active: number }, d) => {
      if (!e.active && layoutOn) sim.alphaTarget(0.3).restart()
      d.fx = d.x
      d.fy = d.y
    })
    .on('drag', (e: { x: number; y: number }, d) => {
      d.fx = e.x
      d.fy = e.y
      if (!layoutOn) {
        d.x = e.x
        d.y = e.y
        ticked()
      }
    })
    .on('end', (e: { active: number }) => {
      if (!e.active) sim.alphaTarget(0)
    })

  function apply(reheat: boolean) {
    shown = filter.compute()
    const shownNodes = Array.from(shown.actors, (a) => nodes[a]!)
    const links: Link[] = Array.from(shown.relations, (r) => ({
      source: nodes[ix.src[r]!]!,
      target: nodes[ix.tgt[r]!]!,
      rel: r,
    }))
    sim.nodes(shownNodes)
    link.links(links)
    lineSel = lineSel
      .data(links, (l) => l.rel)
      .join('line')
      .attr('stroke', (l) => TYPE_COLORS[ix.typeIds[ix.type[l.rel]!]!] ?? '#888')
      .attr('stroke-dasharray', (l) => STANCE_DASH[STANCES[ix.stance[l.rel]!]!].join(' ') || null)
    circleSel = circleSel
      .data(shownNodes, (d) => d.i)
      .join((enter) => enter.append('circle').call(dragger))
      .attr('r', (d) => d.r)
    circleSel.selectAll('title').remove()
    circleSel.append('title').text((d) => ix.graph.actors[d.i]!.label)
    ticked()
    if (reheat) sim.alpha(Math.max(sim.alpha(), 0.25)).restart()
  }

  function ticked() {
    lineSel
      .attr('x1', (l) => (l.source as Node).x!)
      .attr('y1', (l) => (l.source as Node).y!)
      .attr('x2', (l) => (l.target as Node).x!)
      .attr('y2', (l) => (l.target as Node).y!)
    circleSel.attr('cx', (d) => d.x!).attr('cy', (d) => d.y!)
  }

  let transform: ZoomTransform = zoomIdentity
  /** Keep the whole graph in view while the first layout runs, until the user zooms or pans. */
  let autoFit = true
  function fit() {
    let bx0 = Infinity
    let by0 = Infinity
    let bx1 = -Infinity
    let by1 = -Infinity
    for (const a of shown.actors) {
      const d = nodes[a]!
      bx0 = Math.min(bx0, d.x! - d.r)
      by0 = Math.min(by0, d.y! - d.r)
      bx1 = Math.max(bx1, d.x! + d.r)
      by1 = Math.max(by1, d.y! + d.r)
    }
    if (!(bx0 < bx1)) return
    const k = Math.min(2, Math.min((width - 40) / (bx1 - bx0), (height - 40) / (by1 - by0)))
    svg.call(
      zoomer.transform,
      zoomIdentity.translate(width / 2 - ((bx0 + bx1) / 2) * k, height / 2 - ((by0 + by1) / 2) * k).scale(k),
    )
  }
  const zoomer = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.01, 20])
    .on('zoom', (e: { transform: ZoomTransform; sourceEvent: Event | null }) => {
      transform = e.transform
      if (e.sourceEvent !== null) autoFit = false
      g.attr('transform', e.transform.toString())
    })
  svg.call(zoomer)

  apply(false)
  fit()
  // The shared simulation comes stopped; this peer runs it on d3's own timer, as the gallery does.
  sim.restart()

  const firstFrame = (async () => {
    await afterFrame()
    return performance.now()
  })()

  const hook: BenchHook = {
    firstFrame,
    ticks: () => ticks,
    running: () => layoutOn && sim.alpha() >= sim.alphaMin(),
    stopLayout() {
      layoutOn = false
      sim.stop()
    },
    startLayout() {
      layoutOn = true
      sim.alpha(Math.max(sim.alpha(), 0.1)).restart()
    },
    nodeScreen(i) {
      if (shown.actorShown[i] !== 1) return null
      const d = nodes[i]!
      const rect = svg.node()!.getBoundingClientRect()
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
    info: () => ({ renderer: 'svg' }),
  }
  window.__bench = hook
}

main().catch(fail)
