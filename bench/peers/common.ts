/**
 * What every peer page shares: the graph file (format v1, read with fetch from `?graph=`), the
 * filter rule of the app (a relation is shown when its type is enabled and its years overlap the
 * window; undated relations always; actors shown when they have a shown relation), and the
 * `window.__bench` hook the harness drives.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type ForceLink,
  type Simulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force'

export type Stance = 'cooperative' | 'hostile' | 'neutral'

export interface FileRelation {
  id: string
  source: string
  target: string
  type: string
  stance: Stance
  start?: number
  end?: number | null
}

export interface FileGraph {
  title: string
  relationTypes?: { id: string; label: string; color: string }[]
  actors: { id: string; label: string; kind: string }[]
  relations: FileRelation[]
}

/** The hook every page exposes (the app's own adapter gives the same shape). */
export interface BenchHook {
  /** performance.now() when the first frame with the graph drawn was done. */
  firstFrame: Promise<number>
  ticks(): number
  running(): boolean
  stopLayout(): void
  startLayout(): void
  /** Actor i (index in the file's actors) in page viewport CSS px, or null when not shown. */
  nodeScreen(i: number): { x: number; y: number } | null
  /** Each resolves once the frame showing the change has been drawn. */
  toggleType(id: string): Promise<void>
  setYearFrom(year: number): Promise<void>
  info(): Record<string, unknown>
}

declare global {
  interface Window {
    __bench?: BenchHook
  }
}

export const TYPE_COLORS: Record<string, string> = {
  military: '#D55E00',
  economic: '#0072B2',
  diplomatic: '#009E73',
}
export const STANCES: readonly Stance[] = ['cooperative', 'hostile', 'neutral']
export const STANCE_DASH: Record<Stance, number[]> = {
  cooperative: [],
  hostile: [7, 4],
  neutral: [1.5, 3.5],
}

export async function loadGraph(): Promise<FileGraph> {
  const param = new URLSearchParams(location.search).get('graph')
  if (param === null) throw new Error('no ?graph= given')
  const res = await fetch(new URL(param, document.baseURI))
  if (!res.ok) throw new Error(`fetch ${param}: ${res.status}`)
  return (await res.json()) as FileGraph
}

/** Resolves after the next frame's main-thread work (rAF callbacks, style, layout, paint). */
export function afterFrame(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel()
      ch.port1.onmessage = () => resolve()
      ch.port2.postMessage(0)
    }),
  )
}

/** Arrays indexed like the file: endpoints, type and stance codes, years. */
export interface Indexed {
  graph: FileGraph
  typeIds: string[]
  src: Uint32Array
  tgt: Uint32Array
  type: Uint8Array
  stance: Uint8Array
  /** start year, or NaN when undated */
  start: Float64Array
  /** end year, Infinity when ongoing */
  end: Float64Array
  minYear: number
  maxYear: number
  degree: Uint32Array
}

export function indexGraph(graph: FileGraph): Indexed {
  const typeIds = (graph.relationTypes ?? []).map((t) => t.id)
  if (typeIds.length === 0) typeIds.push('military', 'economic', 'diplomatic')
  const actorIndex = new Map(graph.actors.map((a, i) => [a.id, i]))
  const m = graph.relations.length
  const ix: Indexed = {
    graph,
    typeIds,
    src: new Uint32Array(m),
    tgt: new Uint32Array(m),
    type: new Uint8Array(m),
    stance: new Uint8Array(m),
    start: new Float64Array(m),
    end: new Float64Array(m),
    minYear: Infinity,
    maxYear: -Infinity,
    degree: new Uint32Array(graph.actors.length),
  }
  graph.relations.forEach((r, i) => {
    const s = actorIndex.get(r.source)!
    const t = actorIndex.get(r.target)!
    ix.src[i] = s
    ix.tgt[i] = t
    ix.type[i] = Math.max(0, typeIds.indexOf(r.type))
    ix.stance[i] = Math.max(0, STANCES.indexOf(r.stance))
    ix.start[i] = r.start ?? NaN
    ix.end[i] = r.start === undefined ? NaN : (r.end ?? Infinity)
    if (r.start !== undefined) {
      ix.minYear = Math.min(ix.minYear, r.start)
      ix.maxYear = Math.max(ix.maxYear, r.end ?? r.start)
    }
    ix.degree[s]!++
    ix.degree[t]!++
  })
  return ix
}

/** The app's filter rule, for the types enabled and a "from" year (the "to" year stays at the end). */
export class Filter {
  readonly hidden = new Set<number>()
  from: number
  constructor(readonly ix: Indexed) {
    this.from = ix.minYear
  }
  /** Which relations and actors are shown now. */
  compute(): { relations: Uint32Array; actors: Uint32Array; actorShown: Uint8Array } {
    const { ix } = this
    const rel: number[] = []
    const actorShown = new Uint8Array(ix.graph.actors.length)
    for (let i = 0; i < ix.src.length; i++) {
      if (this.hidden.has(ix.type[i]!)) continue
      const s = ix.start[i]!
      if (!Number.isNaN(s) && ix.end[i]! < this.from) continue
      rel.push(i)
      actorShown[ix.src[i]!] = 1
      actorShown[ix.tgt[i]!] = 1
    }
    const actors: number[] = []
    for (let a = 0; a < actorShown.length; a++) if (actorShown[a] === 1) actors.push(a)
    return { relations: Uint32Array.from(rel), actors: Uint32Array.from(actors), actorShown }
  }
  toggle(typeId: string): void {
    const t = this.ix.typeIds.indexOf(typeId)
    if (t < 0) return
    if (this.hidden.has(t)) this.hidden.delete(t)
    else this.hidden.add(t)
  }
}

/** Shows an error on the page and in the console (the harness reports it). */
export function fail(e: unknown): void {
  console.error(e)
  document.body.textContent = `Failed: ${e instanceof Error ? e.message : String(e)}`
}

export interface SimNode extends SimulationNodeDatum {
  i: number
  r: number
}
export interface SimLink extends SimulationLinkDatum<SimNode> {
  rel: number
}

/**
 * The d3 peers' simulation: the app's forces and parameters (link 70, charge −240 up to 600,
 * gravity 0.06, collide r + 3), one node per actor sized as the app sizes them. Not started.
 */
export function createPeerSimulation(ix: Indexed): {
  nodes: SimNode[]
  link: ForceLink<SimNode, SimLink>
  sim: Simulation<SimNode, SimLink>
} {
  const nodes: SimNode[] = Array.from(ix.graph.actors, (_, i) => ({
    i,
    r: 5 + 2.4 * Math.sqrt(ix.degree[i]!),
  }))
  const link = forceLink<SimNode, SimLink>([]).distance(70)
  const sim = forceSimulation<SimNode, SimLink>([])
    .alphaMin(0.002)
    .force('link', link)
    .force('charge', forceManyBody<SimNode>().strength(-240).distanceMax(600))
    .force('x', forceX<SimNode>(0).strength(0.06))
    .force('y', forceY<SimNode>(0).strength(0.06))
    .force(
      'collide',
      forceCollide<SimNode>((d) => d.r + 3),
    )
    .stop()
  return { nodes, link, sim }
}
