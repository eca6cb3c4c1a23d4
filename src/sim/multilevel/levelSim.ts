/**
 * The force simulation of one level, on typed arrays: d3-force's link, many-body and x/y forces
 * with the app's parameters, generalised to weighted nodes and edges. On the finest level (every
 * mass and weight 1) each tick does what a d3 tick of forceLayout.ts's large mode does.
 *
 * - Link: as d3's forceLink with one iteration; strength w / min(W_s, W_t) where W is the weighted
 *   degree (d3: 1 / min(degree)), capped at 1; rest length linkDistance · (√m_s + √m_t) / 2, so
 *   two groups rest about as far apart as their members would.
 * - Many-body: Barnes–Hut (manyBody.ts) where a node repels with its mass.
 * - Gravity: toward the origin, per node, as forceX/forceY.
 * No allocation per tick.
 */
import { createBarnesHut } from '../manyBody'
import type { WeightedGraph } from './graph'

export interface ForceParams {
  readonly linkDistance: number
  readonly charge: number
  readonly gravity: number
  readonly theta: number
  /** d3's velocityDecay (velocities are multiplied by 1 − this each tick). */
  readonly velocityDecay: number
}

export interface LevelSim {
  readonly x: Float64Array
  readonly y: Float64Array
  tick(alpha: number): void
}

export function createLevelSim(
  g: WeightedGraph,
  x: Float64Array,
  y: Float64Array,
  p: ForceParams,
  random: () => number,
): LevelSim {
  const { n, src, tgt, weight, mass } = g
  const m = src.length
  const vx = new Float64Array(n)
  const vy = new Float64Array(n)
  const degree = new Float64Array(n)
  for (let e = 0; e < m; e++) {
    degree[src[e]!]! += weight[e]!
    degree[tgt[e]!]! += weight[e]!
  }
  const strength = new Float64Array(m)
  const bias = new Float64Array(m)
  const rest = new Float64Array(m)
  for (let e = 0; e < m; e++) {
    const s = src[e]!
    const t = tgt[e]!
    strength[e] = Math.min(1, weight[e]! / Math.min(degree[s]!, degree[t]!))
    bias[e] = degree[s]! / (degree[s]! + degree[t]!)
    rest[e] = (p.linkDistance * (Math.sqrt(mass[s]!) + Math.sqrt(mass[t]!))) / 2
  }
  const unitMass = mass.every((v) => v === 1)
  const kernel = createBarnesHut(p.theta)
  const keep = 1 - p.velocityDecay

  return {
    x,
    y,
    tick(alpha) {
      for (let e = 0; e < m; e++) {
        const s = src[e]!
        const t = tgt[e]!
        let dx = x[t]! + vx[t]! - x[s]! - vx[s]!
        let dy = y[t]! + vy[t]! - y[s]! - vy[s]!
        if (dx === 0) dx = (random() - 0.5) * 1e-6
        if (dy === 0) dy = (random() - 0.5) * 1e-6
        let l = Math.sqrt(dx * dx + dy * dy)
        l = ((l - rest[e]!) / l) * alpha * strength[e]!
        dx *= l
        dy *= l
        const b = bias[e]!
        vx[t]! -= dx * b
        vy[t]! -= dy * b
        vx[s]! += dx * (1 - b)
        vy[s]! += dy * (1 - b)
      }
      kernel.apply(n, x, y, unitMass ? null : mass, p.charge * alpha, vx, vy, random)
      const g = p.gravity * alpha
      for (let i = 0; i < n; i++) {
        vx[i]! -= x[i]! * g
        vy[i]! -= y[i]! * g
        x[i]! += vx[i]! *= keep
        y[i]! += vy[i]! *= keep
      }
    },
  }
}
