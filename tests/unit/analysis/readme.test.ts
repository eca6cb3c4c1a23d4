/**
 * The README quotes the bundled network's balance for 2016 and 2021; this keeps the quote true when
 * the dataset changes. Census and ratios are recomputed here from the data file by enumeration;
 * the frustration index (proven against brute force in frustration.test.ts) by the app's search.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { balanceSteps } from '../../../src/analysis/balance'
import { runSteps } from '../../../src/analysis/frustration'
import { computeView, DEFAULT_FILTER } from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import { parseGraphText } from '../../../src/model/parse'

interface Rel {
  source: string
  target: string
  stance: string
  start?: number
  end?: number | null
}
const text = readFileSync('data/iran-azerbaijan.json', 'utf8')
const raw = JSON.parse(text) as { relations: Rel[] }
const readme = readFileSync('README.md', 'utf8')

function oracle(year: number) {
  const flags = new Map<string, Set<string>>()
  for (const r of raw.relations) {
    const active = r.start === undefined || (r.start <= year && (r.end ?? Infinity) >= year)
    if (!active || r.source === r.target) continue
    const k = [r.source, r.target].sort().join('|')
    flags.set(k, (flags.get(k) ?? new Set()).add(r.stance))
  }
  const sign = new Map<string, number>()
  let contested = 0
  let unsigned = 0
  for (const [k, s] of flags) {
    if (s.has('cooperative') && s.has('hostile')) contested++
    else if (s.has('cooperative')) sign.set(k, 1)
    else if (s.has('hostile')) sign.set(k, -1)
    else unsigned++
  }
  const actors = [...new Set([...sign.keys()].flatMap((k) => k.split('|')))].sort()
  const census = [0, 0, 0, 0]
  for (let i = 0; i < actors.length; i++)
    for (let j = i + 1; j < actors.length; j++)
      for (let k = j + 1; k < actors.length; k++) {
        const s = [
          [actors[i], actors[j]],
          [actors[i], actors[k]],
          [actors[j], actors[k]],
        ].map((p) => sign.get(p.join('|')))
        if (s.every((x) => x !== undefined)) census[s.filter((x) => x === -1).length]!++
      }
  const triangles = census.reduce((a, b) => a + b, 0)
  return { ties: sign.size, actors: actors.length, contested, unsigned, census, triangles }
}

describe('README: the bundled network in 2016 and 2021', () => {
  const parsed = parseGraphText(text)
  if (!parsed.ok) throw new Error('bundled dataset does not validate')
  const index = buildIndex(parsed.graph)
  it.each([2016, 2021])('quotes the measures of %i', (year) => {
    const o = oracle(year)
    const f = runSteps(
      balanceSteps(index, computeView(index, { ...DEFAULT_FILTER, yearWindow: [year, year] }).relationShown),
    ).frustration
    const ratio = (n: number) => (n / o.triangles).toFixed(3)
    const row = [
      `| ${year} `,
      `${o.ties} (${o.actors})`,
      `${o.contested} / ${o.unsigned}`,
      `${o.census.join(' / ')} (${o.triangles})`,
      ratio(o.census[0]! + o.census[2]!),
      ratio(o.triangles - o.census[1]!),
      f.exact ? `${f.value} (exact)` : `${f.lower}–${f.value}`,
    ]
    const line = readme.split('\n').find((l) => l.startsWith(`| ${year} `))
    expect(line?.split('|').map((c) => c.trim())).toEqual([
      '',
      ...row.map((c) => c.replace('|', '').trim()),
      '',
    ])
  })
})
