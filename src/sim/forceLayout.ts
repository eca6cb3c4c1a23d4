/**
 * Layout on d3-force, ticked by the caller (the engine's animation frame), never by d3's own timer.
 * d3 mutates the node objects it is given, so it gets SimNode objects owned here, never model data.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force'
import type { Layout, LayoutStatus } from './layout'
import { forceManyBodyFast } from './manyBody'
import { graphOf } from './multilevel/graph'
import { createMultilevelLayout, type MultilevelLayout } from './multilevel/multilevel'

interface SimNode extends SimulationNodeDatum {
  readonly actor: number
  r: number
}
type SimLink = SimulationLinkDatum<SimNode>

/** Force parameters as data, so the engine and any settings panel read the same numbers. */
export const FORCE_PARAMETERS = {
  linkDistance: 70,
  charge: -240,
  chargeDistanceMax: 600,
  gravity: 0.06,
  collidePadding: 3,
  /** Alpha after a filter or year change: enough to settle, too little to scramble the map. */
  gentleReheat: 0.25,
  dragAlphaTarget: 0.3,
  alphaMin: 0.002,
  /**
   * Above this many active actors the layout trades exactness for speed: many-body on flat arrays
   * (manyBody.ts) with Barnes–Hut theta 1 and no distanceMax (d3's distanceMax makes it slower,
   * not faster: far cells that fail the theta test are still descended into), and no collision
   * force (a quadtree per tick for little visible gain at that density). Links: one iteration.
   */
  largeAbove: 1500,
  largeTheta: 1,
  /**
   * Above this many actors the first layout is multilevel (multilevel/): coarsened, laid out
   * coarse, then refined level by level, in seconds where d3's 300 ticks would take minutes. d3
   * takes over, settled, for everything after (filters, drags, edits). Below it d3 alone does at
   * least as well by the quality measure (bench/README.md), and the bundled dataset keeps its look.
   */
  multilevelAbove: 5000,
  /** The first report waits at most this long for the coarsest level, so the view fits its extent. */
  multilevelWarmUpMs: 3000,
} as const

/** A seeded linear congruential generator (parameters from Numerical Recipes), as d3-force uses. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0
  return () => (s = (1664525 * s + 1013904223) >>> 0) / 4294967296
}

export function createForceLayout(actorCount: number, seed = 1): Layout {
  const positions = new Float32Array(actorCount * 2).fill(NaN)
  const pinned = new Uint8Array(actorCount)
  const nodes: SimNode[] = Array.from({ length: actorCount }, (_, actor) => ({ actor, r: 5 }))
  let active: SimNode[] = []
  let running = true
  let ticks = 0
  let dragging = false
  /** Actors held still by place() until the layout comes to rest. */
  let held: number[] = []
  const P = FORCE_PARAMETERS
  /** The first layout of a large graph while it runs; null once d3 has it. */
  let ml: MultilevelLayout | null = null
  let mlX = new Float64Array(0)
  let mlY = new Float64Array(0)
  let mlTicksFrom = 0
  const releaseHeld = () => {
    for (const a of held) {
      if (pinned[a] === 1) continue
      nodes[a]!.fx = null
      nodes[a]!.fy = null
    }
    held = []
  }

  const link = forceLink<SimNode, SimLink>([]).distance(P.linkDistance)
  const sim: Simulation<SimNode, SimLink> = forceSimulation<SimNode, SimLink>([])
    .randomSource(lcg(seed))
    .alphaMin(P.alphaMin)
    .force('link', link)
    .force('charge', forceManyBody<SimNode>().strength(P.charge).distanceMax(P.chargeDistanceMax))
    .force('x', forceX<SimNode>(0).strength(P.gravity))
    .force('y', forceY<SimNode>(0).strength(P.gravity))
    .stop()

  const publish = () => {
    for (const d of active) {
      positions[2 * d.actor] = d.x!
      positions[2 * d.actor + 1] = d.y!
    }
  }

  const startMultilevel = (links: { readonly src: Uint32Array; readonly tgt: Uint32Array }) => {
    const local = new Int32Array(actorCount).fill(-1)
    active.forEach((d, i) => (local[d.actor] = i))
    const src = new Uint32Array(links.src.length)
    const tgt = new Uint32Array(links.src.length)
    for (let e = 0; e < links.src.length; e++) {
      src[e] = local[links.src[e]!]!
      tgt[e] = local[links.tgt[e]!]!
    }
    const params = {
      linkDistance: P.linkDistance,
      charge: P.charge,
      gravity: P.gravity,
      theta: P.largeTheta,
      velocityDecay: sim.velocityDecay(),
    }
    ml = createMultilevelLayout(graphOf(active.length, src, tgt), params, seed)
    mlX = new Float64Array(active.length)
    mlY = new Float64Array(active.length)
    mlTicksFrom = ticks
  }
  /** The multilevel layout's positions into the d3 nodes (at rest) and the published array. */
  const takeMultilevel = () => {
    if (ml === null) return
    ml.read(mlX, mlY)
    active.forEach((d, i) => {
      d.x = mlX[i]!
      d.y = mlY[i]!
      d.vx = 0
      d.vy = 0
    })
    ticks = mlTicksFrom + ml.ticks
  }
  /** Hands over to d3 where the multilevel layout is: settled when it finished, else warm. */
  const endMultilevel = (alpha: number) => {
    if (ml === null) return
    takeMultilevel()
    ml = null
    sim.alpha(alpha)
  }

  /** A node coming back starts near the last shown neighbour it has, or where it was last. */
  const placeNewcomer = (d: SimNode, neighbours: Map<number, number[]>) => {
    if (d.x !== undefined && !Number.isNaN(d.x)) return
    for (const other of neighbours.get(d.actor) ?? []) {
      const o = nodes[other]!
      if (o.x !== undefined && !Number.isNaN(o.x)) {
        const a = sim.randomSource()() * Math.PI * 2
        d.x = o.x + Math.cos(a) * P.linkDistance * 0.5
        d.y = o.y! + Math.sin(a) * P.linkDistance * 0.5
        return
      }
    }
  }

  const layout: Layout = {
    positions,
    pinned,
    setActive(actors, links, radius, reheat = true) {
      const first = active.length === 0 && ticks === 0
      endMultilevel(0.1)
      active = Array.from(actors, (a) => nodes[a]!)
      for (const d of active) d.r = radius[d.actor] ?? 5
      const neighbours = new Map<number, number[]>()
      const simLinks: SimLink[] = []
      for (let i = 0; i < links.src.length; i++) {
        const s = links.src[i]!
        const t = links.tgt[i]!
        simLinks.push({ source: nodes[s]!, target: nodes[t]! })
        if (!first) {
          ;(neighbours.get(s) ?? neighbours.set(s, []).get(s)!).push(t)
          ;(neighbours.get(t) ?? neighbours.set(t, []).get(t)!).push(s)
        }
      }
      if (!first) for (const d of active) placeNewcomer(d, neighbours)
      const large = active.length > P.largeAbove
      sim.force(
        'charge',
        large
          ? forceManyBodyFast<SimNode>(P.charge, P.largeTheta)
          : forceManyBody<SimNode>().strength(P.charge).distanceMax(P.chargeDistanceMax),
      )
      sim.nodes(active) // d3 assigns phyllotaxis positions only to nodes without one
      link.links(simLinks)
      sim.force('collide', large ? null : forceCollide<SimNode>((d) => d.r + P.collidePadding))
      if (!first && reheat) sim.alpha(Math.max(sim.alpha(), P.gentleReheat))
      if (first && active.length > P.multilevelAbove) startMultilevel(links)
      publish()
    },
    step(budgetMs) {
      if (!running || active.length === 0) return false
      if (ml !== null) {
        ml.step(budgetMs * 0.5)
        if (ml.done) endMultilevel(0)
        else takeMultilevel()
        publish()
        return true
      }
      if (sim.alpha() < sim.alphaMin() && !dragging) {
        if (held.length > 0) releaseHeld()
        return false
      }
      const t0 = performance.now()
      do {
        sim.tick()
        ticks++
      } while (performance.now() - t0 < budgetMs * 0.5 && sim.alpha() >= sim.alphaMin())
      publish()
      return true
    },
    warmUp(ms) {
      // A multilevel layout first shows its coarsest level, which has about the final extent.
      if (ml !== null) ml.finishCoarsest(P.multilevelWarmUpMs)
      const t0 = performance.now()
      while (performance.now() - t0 < ms && layout.step(20)) {
        /* keep stepping */
      }
    },
    ready: () => true,
    onUpdate() {
      /* positions only change in step() */
    },
    start() {
      running = true
    },
    stop() {
      running = false
    },
    reheat(alpha = P.gentleReheat) {
      endMultilevel(alpha)
      releaseHeld()
      sim.alpha(Math.max(sim.alpha(), alpha))
    },
    place(at, moving, alpha) {
      endMultilevel(alpha)
      releaseHeld()
      for (let a = 0; a < actorCount; a++) {
        const x = at[2 * a]!
        const y = at[2 * a + 1]!
        if (Number.isNaN(x + y)) continue
        const d = nodes[a]!
        d.x = x
        d.y = y
        d.vx = 0
        d.vy = 0
        positions[2 * a] = x
        positions[2 * a + 1] = y
        if (moving !== null && moving[a] !== 1 && pinned[a] !== 1) {
          d.fx = x
          d.fy = y
          held.push(a)
        }
      }
      // Not a fresh simulation any more: setActive places newcomers and keeps everyone else.
      ticks = Math.max(ticks, 1)
      sim.alpha(alpha)
    },
    pin(actor, x, y) {
      endMultilevel(0.1)
      const d = nodes[actor]!
      d.fx = d.x = x
      d.fy = d.y = y
      pinned[actor] = 1
      positions[2 * actor] = x
      positions[2 * actor + 1] = y
    },
    release(actor) {
      const d = nodes[actor]!
      d.fx = null
      d.fy = null
      pinned[actor] = 0
      sim.alpha(Math.max(sim.alpha(), 0.1))
    },
    setDragging(on) {
      if (on) endMultilevel(P.dragAlphaTarget)
      if (on) releaseHeld()
      dragging = on
      sim.alphaTarget(on ? P.dragAlphaTarget : 0)
      if (on) sim.alpha(Math.max(sim.alpha(), P.dragAlphaTarget))
    },
    reset() {
      ml = null
      for (const d of nodes) {
        d.x = d.y = d.vx = d.vy = undefined
        d.fx = d.fy = null
      }
      pinned.fill(0)
      positions.fill(NaN)
      sim.randomSource(lcg(seed))
      sim.nodes(active)
      sim.alpha(1)
      ticks = 0
      if (active.length > P.multilevelAbove) startMultilevel(linksOf(link.links()))
      publish()
    },
    status(): LayoutStatus {
      const settling = ml !== null || sim.alpha() >= sim.alphaMin() || dragging
      return { running: running && settling, alpha: ml !== null ? 1 : sim.alpha(), ticks }
    },
    destroy() {
      sim.stop()
      ml = null
      active = []
    },
  }
  return layout
}

function linksOf(links: SimLink[]): { src: Uint32Array; tgt: Uint32Array } {
  return {
    src: Uint32Array.from(links, (l) => (l.source as SimNode).actor),
    tgt: Uint32Array.from(links, (l) => (l.target as SimNode).actor),
  }
}
