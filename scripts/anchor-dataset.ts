/**
 * `npx tsx scripts/anchor-dataset.ts [file.json]`: embeds each source's text from data/sources/
 * (`<source id>.txt`) into the graph file and gives every quotation of those sources its anchor.
 * A quote's words are never changed: a quote that is not verbatim, or that occurs more than once
 * without an anchor saying which, stops the script with its path.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { locate, occurrences } from '../src/evidence/anchor'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const file = process.argv[2] ?? join(root, 'data', 'iran-azerbaijan.json')
const doc = JSON.parse(readFileSync(file, 'utf8')) as {
  sources: { id: string; text?: string }[]
  relations: { id: string; evidence?: { source: string; quote: string; anchor?: unknown }[] }[]
}
const texts = new Map<string, string>()
for (const s of doc.sources) {
  const path = join(root, 'data', 'sources', `${s.id}.txt`)
  if (existsSync(path)) {
    s.text = readFileSync(path, 'utf8')
    texts.set(s.id, s.text)
  }
}
let anchored = 0
const problems: string[] = []
doc.relations.forEach((r, i) =>
  r.evidence?.forEach((e, j) => {
    const text = texts.get(e.source)
    if (text === undefined) return
    const at = `relations[${i}].evidence[${j}]`
    const n = occurrences(text, e.quote).length
    if (n === 0) return void problems.push(`${at}: the quote is not verbatim in ${e.source}`)
    if (n > 1 && e.anchor === undefined)
      return void problems.push(`${at}: the quote occurs ${n} times in ${e.source}; anchor it by hand`)
    const found = locate(text, e.quote, e.anchor as never)
    if (found.state !== 'exact' && found.state !== 'moved') return void problems.push(`${at}: ${found.state}`)
    const { anchor: _old, ...rest } = e
    Object.assign(e, rest, { anchor: found.anchor })
    anchored++
  }),
)
if (problems.length > 0) {
  for (const p of problems) console.error(p)
  process.exit(1)
}
writeFileSync(file, JSON.stringify(doc, null, 2) + '\n')
console.log(`${file}: ${texts.size} source texts embedded, ${anchored} quotations anchored`)
