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
      publish()
    },
    step(budgetMs) {
      if (!running || active.length === 0) return false
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
      releaseHeld()
      sim.alpha(Math.max(sim.alpha(), alpha))
    },
    place(at, moving, alpha) {
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
      if (on) releaseHeld()
      dragging = on
      sim.alphaTarget(on ? P.dragAlphaTarget : 0)
      if (on) sim.alpha(Math.max(sim.alpha(), P.dragAlphaTarget))
    },
    reset() {
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
      publish()
    },
    status(): LayoutStatus {
      return { running: running && (sim.alpha() >= sim.alphaMin() || dragging), alpha: sim.alpha(), ticks }
    },
    destroy() {
      sim.stop()
      active = []
    },
  }
  return layout
}
