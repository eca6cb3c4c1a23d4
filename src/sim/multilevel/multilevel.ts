/**
 * The multilevel layout (issue 23), as sfdp and OpenOrd do it:
 *
 * 1. Coarsen the graph level by level (coarsen.ts) until it has about `coarsest` nodes.
 * 2. Lay out the coarsest level fully, from d3's phyllotaxis disc (alpha 1 down to alphaMin).
 * 3. For each finer level: place every node near its coarse node (prolong.ts) and refine with a
 *    few ticks at a lower, decreasing alpha; the finest level needs only `finestTicks`.
 *
 * It runs in slices (step), so the worker stays responsive and can show each level as it comes.
 * Everything random comes from one seeded generator, in one order: the same graph and seed give
 * the same positions, however the work is sliced.
 */
import { lcg } from '../forceLayout'
import { buildHierarchy, type Hierarchy } from './coarsen'
import type { WeightedGraph } from './graph'
import { createLevelSim, type ForceParams, type LevelSim } from './levelSim'
import { prolong } from './prolong'

export interface MultilevelSchedule {
  /** Coarsening stops at this many nodes. */
  readonly coarsest: number
  readonly coarsestTicks: number
  readonly levelTicks: number
  readonly levelAlpha: readonly [number, number]
  readonly finestTicks: number
  readonly finestAlpha: readonly [number, number]
  /** Disc radius of a prolonged group of mass 1, as a share of the link distance. */
  readonly spread: number
}

export const MULTILEVEL_SCHEDULE: MultilevelSchedule = {
  coarsest: 1500,
  coarsestTicks: 300,
  levelTicks: 40,
  levelAlpha: [0.3, 0.02],
  finestTicks: 30,
  finestAlpha: [0.2, 0.005],
  spread: 0.25,
}

export interface MultilevelLayout {
  readonly hierarchy: Hierarchy
  /** The level being laid out (levels.length − 1 is the coarsest, 0 the graph itself). */
  readonly level: number
  /** Ticks run so far, over all levels. */
  readonly ticks: number
  readonly done: boolean
  /** Positions of the current level's nodes (moved in place by its ticks; new arrays each level). */
  readonly x: Float64Array
  readonly y: Float64Array
  /** Runs ticks for about `budgetMs` (at least one). True while work remains. */
  step(budgetMs: number): boolean
  /** Runs until the coarsest level is laid out (or `maxMs` passes). */
  finishCoarsest(maxMs: number): void
  /** The positions of the finest level's nodes now; before the finest level, their group's place. */
  read(x: Float64Array, y: Float64Array): void
}

const INITIAL_RADIUS = 10
const INITIAL_ANGLE = Math.PI * (3 - Math.sqrt(5))

export function createMultilevelLayout(
  g: WeightedGraph,
  params: ForceParams,
  seed = 1,
  schedule: MultilevelSchedule = MULTILEVEL_SCHEDULE,
  now: () => number = () => performance.now(),
): MultilevelLayout {
  const random = lcg(seed)
  const hierarchy = buildHierarchy(g, random, schedule.coarsest)
  const { levels, parents } = hierarchy
  let level = levels.length - 1
  const top = levels[level]!
  let x: Float64Array = new Float64Array(top.n)
  let y: Float64Array = new Float64Array(top.n)
  for (let i = 0; i < top.n; i++) {
    const r = INITIAL_RADIUS * Math.sqrt(0.5 + i)
    x[i] = r * Math.cos(i * INITIAL_ANGLE)
    y[i] = r * Math.sin(i * INITIAL_ANGLE)
  }
  let sim: LevelSim = createLevelSim(top, x, y, params, random)
  let levelTick = 0
  let ticks = 0
  let done = false

  const plan = (l: number): { count: number; from: number; to: number } =>
    l === levels.length - 1
      ? { count: schedule.coarsestTicks, from: 1, to: 0.002 }
      : l === 0
        ? { count: schedule.finestTicks, from: schedule.finestAlpha[0], to: schedule.finestAlpha[1] }
        : { count: schedule.levelTicks, from: schedule.levelAlpha[0], to: schedule.levelAlpha[1] }

  const tickOnce = () => {
    const { count, from, to } = plan(level)
    const alpha = count <= 1 ? from : from * Math.pow(to / from, levelTick / (count - 1))
    sim.tick(alpha)
    ticks++
    levelTick++
    if (levelTick < count) return
    if (level === 0) {
      done = true
      return
    }
    // Down one level: the coarse positions seed the finer ones.
    const coarse = levels[level]!
    level--
    const fine = levels[level]!
    const p = prolong(parents[level]!, x, y, coarse.mass, schedule.spread * params.linkDistance, random)
    x = p.x
    y = p.y
    sim = createLevelSim(fine, x, y, params, random)
    levelTick = 0
  }

  const layout: MultilevelLayout = {
    hierarchy,
    get level() {
      return level
    },
    get ticks() {
      return ticks
    },
    get done() {
      return done
    },
    get x() {
      return x
    },
    get y() {
      return y
    },
    step(budgetMs) {
      const t0 = now()
      while (!done) {
        tickOnce()
        if (now() - t0 >= budgetMs) break
      }
      return !done
    },
    finishCoarsest(maxMs) {
      const t0 = now()
      const top = levels.length - 1
      while (!done && level === top && now() - t0 < maxMs) tickOnce()
    },
    read(outX, outY) {
      if (level === 0) {
        outX.set(x)
        outY.set(y)
        return
      }
      // Each actor at its group's place on the current level, spread a little so groups show size.
      const spread = schedule.spread * params.linkDistance
      const cur = levels[level]!
      for (let i = 0; i < g.n; i++) {
        let a = i
        for (let l = 0; l < level; l++) a = parents[l]![a]!
        const h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) >>> 0
        const r = spread * Math.sqrt((cur.mass[a]! * (h & 0xffff)) / 0xffff)
        const angle = ((h >>> 16) / 0xffff) * 2 * Math.PI
        outX[i] = x[a]! + r * Math.cos(angle)
        outY[i] = y[a]! + r * Math.sin(angle)
      }
    },
  }
  return layout
}
