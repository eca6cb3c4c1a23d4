/**
 * Peer (d): sigma.js (WebGL) on a graphology graph, laid out by graphology's ForceAtlas2 in a Web
 * Worker (inferred settings). Filters use sigma's reducers (hidden nodes and edges), the idiomatic
 * way; ForceAtlas2 keeps laying out the whole graph. Node drag as in sigma's own example. Sigma
 * draws no dashes: stance is not shown. ForceAtlas2 has no cooling: it runs until stopped.
 */
import Graph from 'graphology'
import FA2Layout from 'graphology-layout-forceatlas2/worker'
import { inferSettings } from 'graphology-layout-forceatlas2'
import Sigma from 'sigma'
import { fail, Filter, indexGraph, loadGraph, TYPE_COLORS, type BenchHook } from '../common'

/** The WebGL renderer string, e.g. "… SwiftShader …" when rendering in software. */
function webglRenderer(): string {
  const gl =
    document.createElement('canvas').getContext('webgl2') ??
    document.createElement('canvas').getContext('webgl')
  if (gl === null) return 'no WebGL'
  const ext = gl.getExtension('WEBGL_debug_renderer_info')
  return String(ext === null ? gl.getParameter(gl.RENDERER) : gl.getParameter(ext.UNMASKED_RENDERER_WEBGL))
}

async function main() {
  const ix = indexGraph(await loadGraph())
  const filter = new Filter(ix)
  const host = document.getElementById('graph')!
  const graph = new Graph({ multi: true, type: 'undirected', allowSelfLoops: false })
  const n = ix.graph.actors.length
  // Initial positions: a phyllotaxis spiral, as d3-force starts from.
  ix.graph.actors.forEach((a, i) => {
    const r = 10 * Math.sqrt(0.5 + i)
    const t = i * Math.PI * (3 - Math.sqrt(5))
    graph.addNode(String(i), {
      label: a.label,
      x: r * Math.cos(t),
      y: r * Math.sin(t),
      size: 2 + Math.sqrt(ix.degree[i]!) * 0.8,
      color: '#555',
    })
  })
  for (let r = 0; r < ix.src.length; r++) {
    graph.addEdgeWithKey(String(r), String(ix.src[r]!), String(ix.tgt[r]!), {
      color: TYPE_COLORS[ix.typeIds[ix.type[r]!]!] ?? '#888',
      size: 1,
    })
  }

  let shown = filter.compute()
  const relShown = new Uint8Array(ix.src.length)
  const markRelations = () => {
    relShown.fill(0)
    for (const r of shown.relations) relShown[r] = 1
  }
  markRelations()

  let ticks = 0
  graph.on('eachNodeAttributesUpdated', () => {
    ticks++
  })

  const renderer = new Sigma(graph, host, {
    nodeReducer: (node, data) => (shown.actorShown[Number(node)] === 1 ? data : { ...data, hidden: true }),
    edgeReducer: (edge, data) => (relShown[Number(edge)] === 1 ? data : { ...data, hidden: true }),
  })

  let resolveFirst: (t: number) => void = () => {}
  const firstFrame = new Promise<number>((r) => (resolveFirst = r))
  const onFirst = () => {
    renderer.off('afterRender', onFirst)
    requestAnimationFrame(() => {
      const ch = new MessageChannel()
      ch.port1.onmessage = () => resolveFirst(performance.now())
      ch.port2.postMessage(0)
    })
  }
  renderer.on('afterRender', onFirst)

  // Node drag, as in sigma's example; the output reducer keeps the dragged node where the pointer
  // is while ForceAtlas2 runs (the supervisor writes reduced positions back to the worker).
  let dragged: string | null = null
  let dragPos = { x: 0, y: 0 }
  const layout = new FA2Layout(graph, {
    settings: inferSettings(graph),
    outputReducer: (key, attr) => (key === dragged ? { ...attr, x: dragPos.x, y: dragPos.y } : attr),
  })
  layout.start()
  renderer.on('downNode', (e) => {
    dragged = e.node
    dragPos = {
      x: graph.getNodeAttribute(e.node, 'x') as number,
      y: graph.getNodeAttribute(e.node, 'y') as number,
    }
    if (!renderer.getCustomBBox()) renderer.setCustomBBox(renderer.getBBox())
  })
  renderer.on('moveBody', (e) => {
    if (dragged === null) return
    const p = renderer.viewportToGraph(e.event)
    dragPos = p
    graph.setNodeAttribute(dragged, 'x', p.x)
    graph.setNodeAttribute(dragged, 'y', p.y)
    e.preventSigmaDefault()
    e.event.original.preventDefault()
    e.event.original.stopPropagation()
  })
  const up = () => {
    dragged = null
  }
  renderer.on('upNode', up)
  renderer.on('upStage', up)

  const change = () =>
    new Promise<void>((resolve) => {
      shown = filter.compute()
      markRelations()
      renderer.refresh()
      requestAnimationFrame(() => {
        const ch = new MessageChannel()
        ch.port1.onmessage = () => resolve()
        ch.port2.postMessage(0)
      })
    })

  const gl = webglRenderer()
  const hook: BenchHook = {
    firstFrame,
    ticks: () => ticks,
    running: () => layout.isRunning(),
    stopLayout: () => layout.stop(),
    startLayout: () => layout.start(),
    nodeScreen(i) {
      if (i >= n || shown.actorShown[i] !== 1) return null
      const a = graph.getNodeAttributes(String(i))
      const p = renderer.graphToViewport({ x: a.x as number, y: a.y as number })
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
    info: () => ({
      renderer: 'WebGL (sigma)',
      webgl: gl,
      softwareRendering: /SwiftShader|llvmpipe|software/i.test(gl),
    }),
  }
  window.__bench = hook
}

main().catch(fail)
