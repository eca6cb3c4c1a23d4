/**
 * Event rows → ties. All rows of the same (pair, type, stance) become one tie per run of consecutive
 * years: each row covers its years (first to last), the runs are the unions of those spans, and a
 * year without any row splits a run. Rows without a year make one undated tie per (pair, type,
 * stance). A tie's weight is its number of rows, or the sum of a weight column; its evidence is its
 * first 5 rows in file order, and the rest are counted.
 *
 * Streaming: rows are added one at a time and only numbers are kept per row; the text of a row is
 * kept only while it can still be among the first 5 of its run (the first 5 per group and first year).
 * The same statement as one SQL query is in ./sql.ts; tests check that both give the same ties.
 */
export const EVIDENCE_ROWS = 5

export interface EventRow {
  /** Spreadsheet row number in the file. */
  readonly n: number
  readonly source: string
  readonly target: string
  readonly type: string
  readonly stance: string
  /** First and last year the row covers; both undefined when undated. */
  readonly first?: number
  readonly last?: number
  /** The weight column's value (1 when weights are row counts). */
  readonly weight: number
  readonly quote: string
  readonly url?: string
  readonly sourceName?: string
}

export interface EvidenceRow {
  readonly n: number
  readonly quote: string
  readonly url?: string
  readonly sourceName?: string
}

export interface Tie {
  readonly source: string
  readonly target: string
  readonly type: string
  readonly stance: string
  readonly start?: number
  readonly end?: number
  readonly rows: number
  readonly weight: number
  readonly evidence: readonly EvidenceRow[]
}

interface Group {
  readonly source: string
  readonly target: string
  readonly type: string
  readonly stance: string
  /** Per row: first, last, n, weight (flat). */
  readonly spans: number[]
  undatedRows: number
  undatedWeight: number
  readonly undatedEvidence: EvidenceRow[]
  /** First year → the first rows starting that year (at most EVIDENCE_ROWS). */
  readonly evidenceByYear: Map<number, EvidenceRow[]>
}

export interface Aggregator {
  add(row: EventRow): void
  /**
   * The same as `add`, without a row object: the evidence is made only if the row can still be among
   * the first 5 of its run (a million rows make a million objects otherwise).
   */
  addRow(
    n: number,
    source: string,
    target: string,
    type: string,
    stance: string,
    first: number | undefined,
    last: number | undefined,
    weight: number,
    cells: readonly string[],
    evidence: (n: number, cells: readonly string[]) => EvidenceRow,
  ): void
  /** Ties sorted by source, target, type, stance, start (undated first). */
  ties(): Tie[]
  readonly rowCount: number
}

export function createAggregator(): Aggregator {
  const groups = new Map<string, Map<string, Map<string, Map<string, Group>>>>()
  const all: Group[] = []
  let rowCount = 0
  return {
    get rowCount() {
      return rowCount
    },
    add(row) {
      this.addRow(
        row.n,
        row.source,
        row.target,
        row.type,
        row.stance,
        row.first,
        row.last,
        row.weight,
        [],
        () => ({
          n: row.n,
          quote: row.quote,
          ...(row.url !== undefined ? { url: row.url } : {}),
          ...(row.sourceName !== undefined ? { sourceName: row.sourceName } : {}),
        }),
      )
    },
    addRow(n, source, target, type, stance, rowFirst, rowLast, weight, cells, evidence) {
      rowCount++
      // Nested maps: four lookups and no key string per row.
      let byTarget = groups.get(source)
      if (!byTarget) groups.set(source, (byTarget = new Map()))
      let byType = byTarget.get(target)
      if (!byType) byTarget.set(target, (byType = new Map()))
      let byStance = byType.get(type)
      if (!byStance) byType.set(type, (byStance = new Map()))
      let g = byStance.get(stance)
      if (!g) {
        g = {
          source,
          target,
          type,
          stance,
          spans: [],
          undatedRows: 0,
          undatedWeight: 0,
          undatedEvidence: [],
          evidenceByYear: new Map(),
        }
        byStance.set(stance, g)
        all.push(g)
      }
      if (rowFirst === undefined || rowLast === undefined) {
        g.undatedRows++
        g.undatedWeight += weight
        // Rows arrive in file order, so the first ones seen are the first in the file.
        if (g.undatedEvidence.length < EVIDENCE_ROWS) g.undatedEvidence.push(evidence(n, cells))
        return
      }
      const first = rowFirst < rowLast ? rowFirst : rowLast
      const last = rowFirst < rowLast ? rowLast : rowFirst
      g.spans.push(first, last, n, weight)
      let list = g.evidenceByYear.get(first)
      if (!list) g.evidenceByYear.set(first, (list = []))
      if (list.length < EVIDENCE_ROWS) list.push(evidence(n, cells))
    },
    ties() {
      const out: Tie[] = []
      for (const g of all) {
        const base = { source: g.source, target: g.target, type: g.type, stance: g.stance }
        if (g.undatedRows > 0) {
          out.push({ ...base, rows: g.undatedRows, weight: g.undatedWeight, evidence: g.undatedEvidence })
        }
        const count = g.spans.length / 4
        if (count === 0) continue
        const order = Array.from({ length: count }, (_, i) => i)
        order.sort((a, b) => g.spans[a * 4]! - g.spans[b * 4]! || g.spans[a * 4 + 2]! - g.spans[b * 4 + 2]!)
        let run: { start: number; end: number; rows: number; weight: number; years: Set<number> } | null =
          null
        const close = () => {
          if (!run) return
          const candidates: EvidenceRow[] = []
          for (const y of run.years) candidates.push(...(g.evidenceByYear.get(y) ?? []))
          candidates.sort((a, b) => a.n - b.n)
          out.push({
            ...base,
            start: run.start,
            end: run.end,
            rows: run.rows,
            weight: run.weight,
            evidence: candidates.slice(0, EVIDENCE_ROWS),
          })
        }
        for (const i of order) {
          const first = g.spans[i * 4]!
          const last = g.spans[i * 4 + 1]!
          const weight = g.spans[i * 4 + 3]!
          // A row starting more than one year after the run's end leaves a year without rows: a new run.
          if (run === null || first > run.end + 1) {
            close()
            run = { start: first, end: last, rows: 0, weight: 0, years: new Set() }
          }
          run.end = Math.max(run.end, last)
          run.rows++
          run.weight += weight
          run.years.add(first)
        }
        close()
      }
      out.sort(compareTies)
      return out
    },
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export function compareTies(a: Tie, b: Tie): number {
  return (
    cmp(a.source, b.source) ||
    cmp(a.target, b.target) ||
    cmp(a.type, b.type) ||
    cmp(a.stance, b.stance) ||
    (a.start ?? -Infinity) - (b.start ?? -Infinity)
  )
}
