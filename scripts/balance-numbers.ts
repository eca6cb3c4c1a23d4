/**
 * Prints the balance measures of a graph file for single years (the README quotes these for the
 * bundled dataset):  npx tsx scripts/balance-numbers.ts data/iran-azerbaijan.json 2016 2021
 */
import { readFileSync } from 'node:fs'
import { balanceSteps } from '../src/analysis/balance'
import { compareYears } from '../src/analysis/compare'
import { runSteps } from '../src/analysis/frustration'
import { computeView, DEFAULT_FILTER } from '../src/model/filter'
import { buildIndex } from '../src/model/graphIndex'
import { parseGraphText } from '../src/model/parse'

const [file, ...years] = process.argv.slice(2)
if (file === undefined || years.length === 0) {
  console.error('usage: tsx scripts/balance-numbers.ts <graph.json> <year> [year…]')
  process.exit(2)
}
const parsed = parseGraphText(readFileSync(file, 'utf8'))
if (!parsed.ok) {
  console.error(`${file}: ${parsed.errors[0]?.path}: ${parsed.errors[0]?.message}`)
  process.exit(1)
}
const index = buildIndex(parsed.graph)
for (const y of years.map(Number)) {
  const shown = computeView(index, { ...DEFAULT_FILTER, yearWindow: [y, y] }).relationShown
  const b = runSteps(balanceSteps(index, shown))
  console.log(
    JSON.stringify({
      year: y,
      signedTies: b.signedTies,
      signedActors: b.signedActors,
      contested: b.contested,
      unsigned: b.unsigned,
      triangles: b.triangles,
      census: b.census,
      strong: b.strong,
      weak: b.weak,
      frustration: b.frustration,
      camps: b.camps,
      frustratedTies: b.frustratedTies,
    }),
  )
}
if (years.length === 2) {
  const c = compareYears(index, DEFAULT_FILTER, Number(years[0]), Number(years[1]))
  console.log(
    JSON.stringify({
      compare: years,
      formed: c.formed.length,
      ended: c.ended.length,
      changed: c.changed.length,
      flipped: c.ties.filter((t) => t.flipped).length,
      unchanged: c.unchanged.length,
    }),
  )
}
