/**
 * Peer (a): force-graph with its defaults (its own d3-force setup, canvas renderer, node drag,
 * zoom and pan, 15 s cooldown). Only the data is given: actors as nodes, shown relations as links.
 * Filters replace the graph data (the library's documented way to change it), keeping node objects
 * so positions survive.
 */
import ForceGraph from 'force-graph'
import { fail, Filter, indexGraph, loadGraph, type BenchHook } from '../common'

interface Node {
  id: number
  x?: number
  y?: number
}
interface Link {
  source: number | Node
  target: number | Node
  rel: number
}

async function main() {
  const ix = indexGraph(await loadGraph())
  const filter = new Filter(ix)
  const host = document.getElementById('graph')!
  const nodes: Node[] = Array.from(ix.graph.actors, (_, i) => ({ id: i }))
  let shown = filter.compute()
  let current: { nodes: Node[]; links: Link[] } = { nodes: [], links: [] }
  const data = () => {
    shown = filter.compute()
    current = {
      nodes: Array.from(shown.actors, (a) => nodes[a]!),
      links: Array.from(shown.relations, (r) => ({ source: ix.src[r]!, target: ix.tgt[r]!, rel: r })),
    }
    return current
  }

  let ticks = 0
  let engineRunning = true
  let layoutOn = true
  let resolveFirst: (t: number) => void = () => {}
  const firstFrame = new Promise<number>((r) => (resolveFirst = r))
  let firstDrawn = false
  /** Resolved on the first frame drawn once the library has taken in `current` (its update is debounced). */
  let pending: { links: Link[]; resolve: () => void } | null = null

  const fg = new ForceGraph<Node, Link>(host)
    .width(host.clientWidth)
    .height(host.clientHeight)
    .nodeLabel((n) => ix.graph.actors[n.id]!.label)
    .onEngineTick(() => {
      ticks++
      engineRunning = true
    })
    .onEngineStop(() => {
      engineRunning = false
    })
    .onRenderFramePost(() => {
      if (!firstDrawn && current.nodes.length > 0) {
        firstDrawn = true
        const ch = new MessageChannel()
        ch.port1.onmessage = () => resolveFirst(performance.now())
        ch.port2.postMessage(0)
      }
      const linkForce = fg.d3Force('link') as unknown as { links(): Link[] } | undefined
      if (pending !== null && linkForce?.links() === pending.links) {
        const done = pending.resolve
        pending = null
        const ch = new MessageChannel()
        ch.port1.onmessage = () => done()
        ch.port2.postMessage(0)
      }
    })
    .graphData(data())

  const change = () =>
    new Promise<void>((resolve) => {
      fg.graphData(data())
      if (!layoutOn) fg.cooldownTicks(0)
      pending = { links: current.links, resolve }
    })

  const hook: BenchHook = {
    firstFrame,
    ticks: () => ticks,
    running: () => layoutOn && engineRunning,
    stopLayout() {
      layoutOn = false
      fg.cooldownTicks(0)
    },
    startLayout() {
      layoutOn = true
      engineRunning = true
      fg.cooldownTicks(Infinity)
      fg.d3ReheatSimulation()
    },
    nodeScreen(i) {
      const d = nodes[i]!
      if (shown.actorShown[i] !== 1 || d.x === undefined || d.y === undefined) return null
      const p = fg.graph2ScreenCoords(d.x, d.y)
      const rect = host.getBoundingClientRect()
      return { x: rect.left + p.x, y: rect.top + p.y }
    },
    toggleType(id) {
      filter.toggle(id)
      return change()
    },
    setYearFrom(year) {
      filter.from = year
      return change()
    },
    info: () => ({ renderer: 'canvas 2d (force-graph)' }),
  }
  window.__bench = hook
}

main().catch(fail)
