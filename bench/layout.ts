/**
 * The layout alone, in node, on the benchmark graphs: the multilevel layout's time and quality
 * (median relation length / median random-pair distance, lower is better), beside d3-force after a
 * number of ticks (forceLayout.ts, the app's forces) when asked.
 *
 *   npx tsx bench/layout.ts 50k 100k          # multilevel only
 *   D3_TICKS=300 npx tsx bench/layout.ts 20k  # and d3-force after 300 ticks
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FORCE_PARAMETERS, createForceLayout } from '../src/sim/forceLayout'
import { graphOf } from '../src/sim/multilevel/graph'
import { createMultilevelLayout } from '../src/sim/multilevel/multilevel'
import { layoutQuality } from '../src/sim/multilevel/quality'

/** bench/graphs/, where bench/generate.mjs writes (node bench/generate.mjs 50k 100k). */
const GRAPH_DIR = join(dirname(fileURLToPath(import.meta.url)), 'graphs')

interface FileGraph {
  actors: { id: string }[]
  relations: { source: string; target: string }[]
}

export function loadLinks(size: string): { n: number; src: Uint32Array; tgt: Uint32Array } {
  const g = JSON.parse(readFileSync(join(GRAPH_DIR, `${size}.json`), 'utf8')) as FileGraph
  const index = new Map(g.actors.map((a, i) => [a.id, i]))
  const src = Uint32Array.from(g.relations, (r) => index.get(r.source)!)
  const tgt = Uint32Array.from(g.relations, (r) => index.get(r.target)!)
  return { n: g.actors.length, src, tgt }
}

const P = FORCE_PARAMETERS
const params = {
  linkDistance: P.linkDistance,
  charge: P.charge,
  gravity: P.gravity,
  theta: P.largeTheta,
  velocityDecay: 0.4,
}

for (const size of process.argv.slice(2)) {
  const { n, src, tgt } = loadLinks(size)
  const t0 = performance.now()
  const ml = createMultilevelLayout(graphOf(n, src, tgt), params, 1)
  const t1 = performance.now()
  const perLevel: string[] = []
  let level = ml.level
  let tl = performance.now()
  while (ml.step(50)) {
    if (ml.level !== level) {
      perLevel.push(`L${level}(${ml.hierarchy.levels[level]!.n}): ${(performance.now() - tl).toFixed(0)} ms`)
      level = ml.level
      tl = performance.now()
    }
  }
  perLevel.push(`L0(${n}): ${(performance.now() - tl).toFixed(0)} ms`)
  const t2 = performance.now()
  const x = new Float64Array(n)
  const y = new Float64Array(n)
  ml.read(x, y)
  const xy = new Float64Array(2 * n)
  for (let i = 0; i < n; i++) {
    xy[2 * i] = x[i]!
    xy[2 * i + 1] = y[i]!
  }
  console.log(
    `${size}: multilevel ${ml.hierarchy.levels.length} levels, coarsening ${(t1 - t0).toFixed(0)} ms, ` +
      `layout ${(t2 - t1).toFixed(0)} ms, ${ml.ticks} ticks, quality ${layoutQuality(xy, src, tgt).toFixed(4)}`,
  )
  console.log('  ' + perLevel.join(', '))
  const d3Ticks = Number(process.env.D3_TICKS ?? 0)
  if (d3Ticks > 0) {
    const f = createForceLayout(n, 1)
    f.setActive(
      Uint32Array.from({ length: n }, (_, i) => i),
      { src, tgt },
      new Float32Array(n).fill(5),
    )
    const s0 = performance.now()
    for (let k = 0; k < d3Ticks; k++) f.step(0)
    const ticks = f.status().ticks
    console.log(
      `${size}: d3-force ${ticks} ticks in ${(performance.now() - s0).toFixed(0)} ms, ` +
        `quality ${layoutQuality(f.positions, src, tgt).toFixed(4)}`,
    )
  }
}
