/**
 * `npm run validate -- <file…>`: validates graph files with the app's own validator and, for
 * sources with a text (the source's own `text`, else data/sources/<source id>.txt), checks that
 * every quotation is verbatim and that its anchor, when it has one, points at it.
 * Exit status: 0 valid, 1 invalid, 2 unreadable.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkQuotes } from '../src/model/evidence'
import { checkEvidence } from '../src/evidence/check'
import { parseGraphText } from '../src/model/parse'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const files = process.argv.slice(2)
if (files.length === 0) {
  console.error('usage: npm run validate -- <graph.json> [more.json …]')
  process.exit(2)
}

let worst = 0
for (const file of files) {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (e) {
    console.error(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`)
    worst = Math.max(worst, 2)
    continue
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    console.error(`${file}: (file): the file is not UTF-8 text`)
    worst = Math.max(worst, 1)
    continue
  }
  const result = parseGraphText(text)
  for (const w of result.warnings) console.log(`${file}: warning: ${w.path}: ${w.message}`)
  if (!result.ok) {
    for (const e of result.errors) console.log(`${file}: ${e.path}: ${e.message}`)
    console.log(`${file}: invalid (${result.errors.length} problem${result.errors.length === 1 ? '' : 's'})`)
    worst = Math.max(worst, 1)
    continue
  }
  const texts = new Map<string, string>()
  for (const s of result.graph.sources) {
    const path = join(root, 'data', 'sources', `${s.id}.txt`)
    if (s.text !== undefined) texts.set(s.id, s.text)
    else if (existsSync(path)) texts.set(s.id, readFileSync(path, 'utf8'))
  }
  // A quote found verbatim but away from its anchor is a stale anchor: said, not fatal (the app repairs it).
  const report = checkEvidence(result.graph, texts)
  for (const q of report.quotes) {
    if (q.state !== 'moved') continue
    const i = result.graph.relations.findIndex((r) => r.id === q.relation)
    console.log(
      `${file}: warning: relations[${i}].evidence[${q.index}].anchor: the quote is at ${q.anchor!.start}, not at ${q.from}`,
    )
  }
  const quoteProblems = checkQuotes(result.graph, texts)
  for (const e of quoteProblems) console.log(`${file}: ${e.path}: ${e.message}`)
  if (quoteProblems.length > 0) {
    console.log(
      `${file}: invalid (${quoteProblems.length} quotation${quoteProblems.length === 1 ? '' : 's'} not verbatim)`,
    )
    worst = Math.max(worst, 1)
    continue
  }
  const g = result.graph
  const checked = [...texts.keys()].length
  console.log(
    `${file}: valid — ${g.actors.length} actors, ${g.relations.length} relations, ${g.sources.length} sources` +
      (checked > 0 ? `; quotations checked against ${checked} source text${checked === 1 ? '' : 's'}` : ''),
  )
}
process.exit(worst)
