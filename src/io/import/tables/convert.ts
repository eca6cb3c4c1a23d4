/**
 * A mapped table → format v1: read (./read.ts), each row's values by the mapping's rules, aggregated
 * into ties (./aggregate.ts), then the ties into a graph through the importer core (../draft.ts).
 * The second half, `graphFromTies`, is shared with the command-line route, whose ties come from
 * DuckDB instead (scripts/aggregate.ts).
 *
 * Over 300 lines because the import notes — every count and guess, said once — are written here,
 * beside the two halves whose numbers they report.
 */
import type { Problem } from '../../../model/types'
import { Draft, listOf, plural, titleFromFileName } from '../draft'
import type { ConvertResult, ProgressCallback } from '../types'
import { createAggregator, type Tie } from './aggregate'
import { CODE_LIST_LABELS, codeName } from './codes'
import { PRESET_LABELS, ROLE_LABELS, ROLES, type Role, type TableMapping } from './mapping'
import { readRawTable, repairNotes, type RawTable } from './read'
import { applyStanceRule, applyTypeRule } from './rules'
import { present, yearsOfCell } from './values'

/** Errors past this many are counted, not listed (a broken million-row file must not flood the page). */
const MAX_ERRORS = 1000

export interface RowStats {
  rowsRead: number
  withoutSource: number
  withoutTarget: number
  /** Rows whose source and target are the same actor (a group fighting within itself): no tie. */
  sameActor: number
  undated: number
  typeDefaulted: number
  stanceDefaulted: number
  weightMissing: number
  unknownTypeValues: Set<string>
  unknownStanceValues: Set<string>
}

export interface TiesResult {
  readonly ties: Tie[]
  readonly stats: RowStats
  readonly errors: Problem[]
  readonly raw: Omit<RawTable, 'rows'>
}

/** The row's mapped cells as text, the quotation of a row whose table has no quote column. */
export function rowText(names: readonly string[], cells: readonly string[], used: readonly number[]): string {
  return used
    .filter((i) => (cells[i] ?? '').trim() !== '')
    .map((i) => `${names[i]}: ${cells[i]!.trim()}`)
    .join('; ')
}

export function tiesFromText(
  text: string,
  mapping: TableMapping,
  onRows?: (rows: number, fraction: number) => void,
): TiesResult {
  const agg = createAggregator()
  const errors: Problem[] = []
  let more = 0
  const problem = (p: Problem) => {
    if (errors.length < MAX_ERRORS) errors.push(p)
    else more++
  }
  const stats: RowStats = {
    rowsRead: 0,
    withoutSource: 0,
    withoutTarget: 0,
    sameActor: 0,
    undated: 0,
    typeDefaulted: 0,
    stanceDefaulted: 0,
    weightMissing: 0,
    unknownTypeValues: new Set(),
    unknownStanceValues: new Set(),
  }
  const raw = readRawTable(text, {
    ...(mapping.header !== undefined ? { header: mapping.header } : {}),
    ...(mapping.columnNames ? { columnNames: mapping.columnNames } : {}),
    ...(onRows ? { onRows } : {}),
    rowHandler: (names) => {
      const index: Partial<Record<Role, number>> = {}
      for (const role of ROLES) {
        const c = mapping.roles[role]
        if (c === undefined || c === '') continue
        const i = names.indexOf(c)
        if (i >= 0) index[role] = i
      }
      for (const p of mappingColumnProblems(mapping, names)) problem(p)
      if (errors.length > 0) return () => {}
      const used = ROLES.map((r) => index[r]).filter((i): i is number => i !== undefined)
      const usedUnique = [...new Set(used)]
      const col = (role: Role) => (index[role] === undefined ? undefined : names[index[role]!])
      const at = (n: number, role: Role) => `row ${n}, column "${col(role)}"`
      // Rule outcomes per distinct cell value: event tables repeat a few values a million times.
      const memo = <T>(f: (v: string | undefined) => T) => {
        const seen = new Map<string | undefined, T>()
        return (v: string | undefined): T => {
          let r = seen.get(v)
          if (r === undefined && !seen.has(v)) seen.set(v, (r = f(v)))
          return r as T
        }
      }
      const typeOf = memo((v) => applyTypeRule(mapping.typeRule, v, mapping.defaultType))
      const stanceOf = memo((v) => applyStanceRule(mapping.stanceRule, v, mapping.defaultStance))
      const get = (cells: readonly string[], role: Role) =>
        index[role] === undefined ? undefined : present(cells[index[role]!])
      const evidence = (n: number, cells: readonly string[]) => {
        const url = get(cells, 'sourceUrl')
        const sourceName = get(cells, 'sourceName')
        return {
          n,
          quote: get(cells, 'quote') ?? rowText(names, cells, usedUnique),
          ...(url !== undefined ? { url } : {}),
          ...(sourceName !== undefined ? { sourceName } : {}),
        }
      }
      return (n, cells) => {
        stats.rowsRead++
        const cell = (role: Role) => get(cells, role)
        let source = cell('source')
        let target = cell('target')
        if (source === undefined) {
          stats.withoutSource++
          return
        }
        if (target === undefined) {
          stats.withoutTarget++
          return
        }
        if (target === source) {
          stats.sameActor++
          return
        }
        let first: number | undefined
        let last: number | undefined
        if (index.date !== undefined) {
          const y = yearsOfCell(cells[index.date])
          if (y === 'bad') {
            problem({
              path: at(n, 'date'),
              message: `"${cells[index.date]!.trim()}" is not a date ${DATE_FORMS}`,
            })
            return
          }
          if (y !== undefined) ({ first, last } = y)
        } else {
          const s = index.startYear === undefined ? undefined : yearsOfCell(cells[index.startYear])
          const e = index.endYear === undefined ? undefined : yearsOfCell(cells[index.endYear])
          if (s === 'bad' || e === 'bad') {
            const role = s === 'bad' ? 'startYear' : 'endYear'
            problem({
              path: at(n, role),
              message: `"${cells[index[role]!]!.trim()}" is not a year or date ${DATE_FORMS}`,
            })
            return
          }
          if (s !== undefined) {
            first = s.first
            last = e?.last ?? s.last
          } else if (e !== undefined) {
            first = e.first
            last = e.last
          }
        }
        if (first === undefined) stats.undated++
        let weight = 1
        if (index.weight !== undefined) {
          const w = cell('weight')
          if (w === undefined) {
            weight = 0
            stats.weightMissing++
          } else {
            weight = Number(w)
            if (!Number.isFinite(weight)) {
              problem({ path: at(n, 'weight'), message: `"${w}" is not a number` })
              return
            }
          }
        }
        const t = typeOf(cell('type'))
        if (t.defaulted) stats.typeDefaulted++
        if (t.unknown !== undefined && stats.unknownTypeValues.size < 50)
          stats.unknownTypeValues.add(t.unknown)
        const s = stanceOf(cell('stance'))
        if (s.defaulted) stats.stanceDefaulted++
        if (s.unknown !== undefined && stats.unknownStanceValues.size < 50)
          stats.unknownStanceValues.add(s.unknown)
        if (mapping.bothDirectionsOneTie && target < source) [source, target] = [target, source]
        agg.addRow(
          n,
          source,
          target,
          t.value,
          s.value,
          first,
          first === undefined ? undefined : (last ?? first),
          weight,
          cells,
          evidence,
        )
      }
    },
  })
  for (const e of raw.errors) problem(e)
  if (more > 0) errors.push({ path: '(file)', message: `and ${more} more problems` })
  const { rows: _rows, ...meta } = raw
  return { ties: errors.length > 0 ? [] : agg.ties(), stats, errors, raw: meta }
}

const DATE_FORMS =
  '(expected a year or a date such as 2016, 20160514, 2018-06-01, 28 December 2022 or 9-May-20; lists as "1979; 1980")'

/** Words for the mapping, for the import notes: "Source ← Supplier, Target ← Recipient, …". */
export function describeMapping(m: TableMapping): string {
  const roles = ROLES.filter((r) => m.roles[r] !== undefined)
    .map((r) => `${ROLE_LABELS[r].replace(/ column$/, '')} ← "${m.roles[r]}"`)
    .join(', ')
  const rules = `type ${m.typeRule === 'fixed' ? `"${m.defaultType}" for every row` : `by the ${m.typeRule} rule (else "${m.defaultType}")`}, stance ${m.stanceRule === 'fixed' ? `${m.defaultStance} for every row` : `by the ${m.stanceRule} rule (else ${m.defaultStance})`}`
  const options = [
    m.directed && !m.bothDirectionsOneTie ? 'directed' : 'undirected',
    ...(m.bothDirectionsOneTie ? ['both directions are one tie'] : []),
    ...(m.codes !== 'none' ? [`codes read as ${CODE_LIST_LABELS[m.codes]}`] : []),
  ].join(', ')
  return `Columns mapped${m.preset ? ` (preset ${PRESET_LABELS[m.preset]})` : ''}: ${roles}; ${rules}; ${options}`
}

export interface TieContext {
  readonly fileName: string
  readonly mapping: TableMapping
  /** Notes that come first (encoding, guesses, the mapping). */
  readonly notes: readonly string[]
  readonly stats?: RowStats
  readonly onProgress?: ProgressCallback
  /** Code → name, when the mapping's codes come from a second table. */
  readonly codeTable?: ReadonlyMap<string, string>
}

const yearsText = (t: Tie) =>
  t.start === undefined ? 'undated' : t.start === t.end ? String(t.start) : `${t.start}–${t.end}`

/** Ties → a format v1 graph: actors named through the code list, one relation per tie. */
export function graphFromTies(ties: readonly Tie[], ctx: TieContext): ConvertResult {
  const { mapping, stats } = ctx
  const draft = new Draft(ctx.onProgress)
  draft.title = titleFromFileName(ctx.fileName)
  draft.notes.push(...ctx.notes)
  draft.notes.push(`A table has no title; the file name "${draft.title as string}" is used`)
  const unknownCodes = new Set<string>()
  const seen = new Set<string>()
  const directed = mapping.directed && !mapping.bothDirectionsOneTie
  for (const t of ties) {
    for (const id of [t.source, t.target]) {
      if (seen.has(id)) continue
      seen.add(id)
      const name = mapping.codes === 'none' ? undefined : codeName(mapping.codes, id, ctx.codeTable)
      if (mapping.codes !== 'none' && name === undefined) unknownCodes.add(id)
      draft.addActor(
        { id, label: name ?? id, kind: name !== undefined ? 'state' : undefined },
        () => `actor "${id}"`,
      )
    }
  }
  const sourceTitle = titleFromFileName(ctx.fileName)
  let rowsInTies = 0
  let weightSum = 0
  for (const t of ties) {
    rowsInTies += t.rows
    weightSum += t.weight
    const more = t.rows - t.evidence.length
    const evidence = t.evidence.map((e) =>
      draft.evidence(
        {
          quote: e.quote,
          note: `row ${e.n} of ${ctx.fileName}`,
          title: e.sourceName ?? (e.url === undefined ? sourceTitle : undefined),
          url: e.url,
        },
        () => `row ${e.n}`,
      ),
    )
    const arrow = directed ? '→' : '–'
    const counted = `${plural(t.rows, 'row')}${more > 0 ? `; ${t.evidence.length} kept as evidence and ${plural(more, 'more row')}` : ''}`
    draft.addRelation(
      {
        idBase: `${t.type}-${t.source}-${t.target}-${t.start ?? 'undated'}`
          .toLowerCase()
          .replace(/[^a-z0-9-]+/g, '-'),
        source: t.source,
        target: t.target,
        type: t.type,
        stance: t.stance,
        summary: `${draft.labelOf(t.source)} ${arrow} ${draft.labelOf(t.target)}, ${yearsText(t)}: ${counted}`,
        directed,
        start: t.start,
        end: t.end,
        evidence,
        extra: { weight: t.weight },
      },
      (rest) =>
        `relation of ${t.source} and ${t.target} (${t.type}, ${t.stance}, ${yearsText(t)})${rest.length > 0 ? `.${rest.join('.')}` : ''}`,
    )
  }
  const n = stats?.rowsRead
  if (n !== undefined) draft.notes.push(`${plural(n, 'row was', 'rows were')} read`)
  if (stats && stats.withoutTarget + stats.withoutSource > 0) {
    draft.notes.push(
      `${plural(stats.withoutTarget + stats.withoutSource, 'row has', 'rows have')} no ${stats.withoutSource === 0 ? 'target' : stats.withoutTarget === 0 ? 'source' : 'source or target'} (${stats.withoutSource} without a source, ${stats.withoutTarget} without a target); they are counted here and make no tie`,
    )
  }
  if (stats && stats.sameActor > 0) {
    draft.notes.push(
      `${plural(stats.sameActor, 'row names', 'rows name')} the same actor as source and target; they are counted here and make no tie`,
    )
  }
  draft.notes.push(
    `${plural(rowsInTies, 'row')} became ${plural(ties.length, 'relation')}: one per pair, type and stance and run of consecutive years; ${mapping.roles.weight ? `the weight is the sum of "${mapping.roles.weight}" (${weightSum})` : 'the weight is the number of rows'}; up to 5 rows per relation are kept as evidence`,
  )
  if (stats && stats.undated > 0)
    draft.notes.push(`${plural(stats.undated, 'row has', 'rows have')} no year; they make undated relations`)
  if (stats && stats.weightMissing > 0)
    draft.notes.push(`${plural(stats.weightMissing, 'row has', 'rows have')} no weight; counted as 0`)
  if (stats && stats.typeDefaulted > 0 && mapping.typeRule !== 'fixed')
    draft.notes.push(
      `The type rule gave no type for ${plural(stats.typeDefaulted, 'row')}; "${mapping.defaultType}" was used`,
    )
  if (stats && stats.unknownTypeValues.size > 0)
    draft.notes.push(
      `Type values the ${mapping.typeRule} rule does not know: ${listOf(
        [...stats.unknownTypeValues].map((v) => `"${v}"`),
        10,
      )}`,
    )
  if (stats && stats.stanceDefaulted > 0 && mapping.stanceRule !== 'fixed')
    draft.notes.push(
      `The stance rule gave no stance for ${plural(stats.stanceDefaulted, 'row')}; ${mapping.defaultStance} was used`,
    )
  if (stats && stats.unknownStanceValues.size > 0)
    draft.notes.push(
      `Stance values the ${mapping.stanceRule} rule does not know: ${listOf(
        [...stats.unknownStanceValues].map((v) => `"${v}"`),
        10,
      )}`,
    )
  if (unknownCodes.size > 0) {
    draft.notes.push(
      `${plural(unknownCodes.size, 'code is', 'codes are')} not in the ${CODE_LIST_LABELS[mapping.codes]} list and kept as written: ${listOf([...unknownCodes].sort(), 20)}`,
    )
  }
  return draft.finish()
}

export interface TableImportOptions {
  readonly fileName: string
  readonly mapping: TableMapping
  /** Notes from decoding ("Read as Windows-1252"). */
  readonly notes?: readonly string[]
  readonly onProgress?: ProgressCallback
  readonly codeTable?: ReadonlyMap<string, string>
}

/** Text of a table + a mapping → format v1 graph, or every problem with its row and column. */
export function convertTable(text: string, opts: TableImportOptions): ConvertResult {
  const { mapping, onProgress } = opts
  const r = tiesFromText(text, mapping, (rows, fraction) =>
    onProgress?.({ stage: 'parsing', fraction, rows }),
  )
  const notes = [
    ...(opts.notes ?? []),
    ...r.raw.guesses,
    ...repairNotes(r.raw.repairs),
    describeMapping(mapping),
    ...(mapping.remembered ? ['This mapping was remembered from the last table with the same header'] : []),
  ]
  if (r.errors.length > 0) return { ok: false, errors: r.errors, warnings: [], notes }
  return graphFromTies(r.ties, {
    ...(opts.codeTable ? { codeTable: opts.codeTable } : {}),
    fileName: opts.fileName,
    mapping,
    notes,
    stats: r.stats,
    ...(onProgress ? { onProgress } : {}),
  })
}

/**
 * What is wrong with a mapping for a table with these column names: roles naming no column, and a
 * Source or Target not chosen. The browser and `npm run aggregate` report the same sentences.
 */
export function mappingColumnProblems(mapping: TableMapping, names: readonly string[]): Problem[] {
  const out: Problem[] = []
  for (const role of ROLES) {
    const c = mapping.roles[role]
    if (c === undefined || c === '' || names.includes(c)) continue
    out.push({
      path: '(file)',
      message: `the ${ROLE_LABELS[role]} "${c}" is not a column of this table (the columns are: ${listOf(
        names.map((n) => `"${n}"`),
        12,
      )})`,
    })
  }
  for (const role of ['source', 'target'] as const) {
    if (mapping.roles[role] === undefined)
      out.push({ path: '(file)', message: `no ${ROLE_LABELS[role]} was chosen` })
  }
  return out
}
