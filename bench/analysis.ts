/**
 * Analysis rows of `npm run bench` (issue 14): the triangle census, the frustration index
 * (heuristic bounds on the whole graph; exact on a 30-actor connected part) and the per-year
 * balance series, timed in node on the benchmark graphs (the same code the analysis worker runs).
 *
 *   npx tsx bench/analysis.ts 1k 5k 20k
 *
 * Prints a Markdown table (median of a few runs, milliseconds) and writes it to
 * bench/results/analysis-latest.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { balanceSteps } from '../src/analysis/balance'
import { triangleCensus } from '../src/analysis/census'
import { frustration, runSteps } from '../src/analysis/frustration'
import { seriesSteps } from '../src/analysis/series'
import { signedNetwork } from '../src/analysis/signed'
import { computeView, DEFAULT_FILTER } from '../src/model/filter'
import { buildIndex } from '../src/model/graphIndex'
import { validateGraph } from '../src/model/parse'
import type { Graph } from '../src/model/types'
// @ts-expect-error: a plain ES module without types
import { generateGraph, SIZES } from './generate.mjs'

const BENCH = dirname(fileURLToPath(import.meta.url))
const sizes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['1k', '5k', '20k']
const RUNS = 5

function time<T>(fn: () => T, runs = RUNS): { ms: number; value: T } {
  const times: number[] = []
  let value!: T
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    value = fn()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return { ms: times[Math.floor(times.length / 2)]!, value }
}

/** The relations among the first 30 actors reached breadth-first from the best-connected one. */
function connectedPart(graph: Graph, size: number): Uint8Array {
  const index = buildIndex(graph)
  const net = signedNetwork(index, new Uint8Array(index.relationCount).fill(1))
  let hub = 0
  for (let v = 0; v < net.actors.length; v++)
    if (net.adjStart[v + 1]! - net.adjStart[v]! > net.adjStart[hub + 1]! - net.adjStart[hub]!) hub = v
  const seen = new Set([hub])
  const queue = [hub]
  for (let h = 0; h < queue.length && seen.size < size; h++)
    for (let p = net.adjStart[queue[h]!]!; p < net.adjStart[queue[h]! + 1]! && seen.size < size; p++) {
      const w = net.adjNbr[p]!
      if (!seen.has(w)) {
        seen.add(w)
        queue.push(w)
      }
    }
  const members = new Set([...seen].map((v) => net.actors[v]!))
  const shown = new Uint8Array(index.relationCount)
  for (let i = 0; i < index.relationCount; i++)
    if (members.has(index.src[i]!) && members.has(index.tgt[i]!)) shown[i] = 1
  return shown
}

/** A dense random signed graph on 30 actors (every pair tied with probability 1/2): a hard case. */
function dense30(): Graph {
  let seed = 7
  const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32
  const actors = Array.from({ length: 30 }, (_, i) => ({
    id: `d${i}`,
    label: `D${i}`,
    kind: 'state' as const,
  }))
  const relations = []
  for (let i = 0; i < 30; i++)
    for (let j = i + 1; j < 30; j++)
      if (rand() < 0.5)
        relations.push({
          id: `d${i}-${j}`,
          source: `d${i}`,
          target: `d${j}`,
          type: 'military',
          stance: rand() < 0.5 ? ('hostile' as const) : ('cooperative' as const),
          summary: 'x',
        })
  const g = validateGraph({ schemaVersion: 1, title: 'dense 30', sources: [], actors, relations })
  if (!g.ok) throw new Error('dense30 does not validate')
  return g.graph
}

const rows: [string, ...string[]][] = []
const cols: string[] = []
const put = (label: string, i: number, cell: string) => {
  let row = rows.find((r) => r[0] === label)
  if (row === undefined) {
    row = [label]
    rows.push(row)
  }
  row[i + 1] = cell
}

sizes.forEach((size, i) => {
  const spec = (SIZES as Record<string, { actors: number; relations: number }>)[size]
  if (spec === undefined) throw new Error(`unknown size ${size}`)
  cols.push(`${size} (${spec.actors.toLocaleString('en')} / ${spec.relations.toLocaleString('en')})`)
  const parsed = validateGraph(generateGraph(size))
  if (!parsed.ok) throw new Error(`the ${size} graph does not validate: ${parsed.errors[0]?.message}`)
  const graph: Graph = parsed.graph
  const index = buildIndex(graph)
  const all = computeView(index, DEFAULT_FILTER).relationShown
  const census = time(() => triangleCensus(signedNetwork(index, all)))
  const net = signedNetwork(index, all)
  put('signed ties (all years shown)', i, net.eu.length.toLocaleString('en'))
  put('census: signed network + triangles, ms', i, census.ms.toFixed(1))
  put('triangles', i, census.value.triangles.toLocaleString('en'))
  const heur = time(() => frustration(net, { heuristicOnly: true }), 3)
  put('frustration, heuristic upper + lower bound, ms', i, heur.ms.toFixed(0))
  put(
    'frustration range found',
    i,
    `${heur.value.lower.toLocaleString('en')}–${heur.value.value.toLocaleString('en')}`,
  )
  const part = connectedPart(graph, 30)
  const partNet = signedNetwork(index, part)
  const exact = time(() => frustration(partNet))
  put('frustration, exact, 30 connected actors, ms', i, exact.ms.toFixed(1))
  put(
    'exact index of that part (exact?)',
    i,
    `${exact.value.value} (${exact.value.exact ? 'yes' : 'no'}), ${partNet.eu.length} ties`,
  )
  const d = buildIndex(dense30())
  const dNet = signedNetwork(d, new Uint8Array(d.relationCount).fill(1))
  const dense = time(() => frustration(dNet))
  put('frustration, exact, 30 actors, dense random (same graph each column), ms', i, dense.ms.toFixed(1))
  put(
    'its index (exact?)',
    i,
    `${dense.value.value} (${dense.value.exact ? 'yes' : 'no'}), ${dNet.eu.length} ties`,
  )
  const whole = time(() => runSteps(balanceSteps(index, all)), 3)
  put('whole balance panel (census + frustration + camps), ms', i, whole.ms.toFixed(0))
  const series = time(() => runSteps(seriesSteps(index, DEFAULT_FILTER)), 3)
  put(`per-year series (${series.value.length} years), ms`, i, series.ms.toFixed(0))
  // The longest single step of the series: the worker reads new requests between steps.
  let longest = 0
  const steps = seriesSteps(index, DEFAULT_FILTER)
  for (;;) {
    const t = performance.now()
    const r = steps.next()
    longest = Math.max(longest, performance.now() - t)
    if (r.done === true) break
  }
  put('series: longest step between yields, ms', i, longest.toFixed(1))
})

const head = ['figure', ...cols]
const table = [
  `| ${head.join(' | ')} |`,
  `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
  ...rows.map((r) => `| ${head.map((_, i) => r[i] ?? 'n/a').join(' | ')} |`),
].join('\n')
console.log(`\n### Analysis (node ${process.version}, median of ${RUNS} runs unless noted)\n\n${table}\n`)
mkdirSync(join(BENCH, 'results'), { recursive: true })
writeFileSync(join(BENCH, 'results', 'analysis-latest.md'), `${table}\n`)
