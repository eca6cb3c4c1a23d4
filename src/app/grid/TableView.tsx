/**
 * "Table": the network as two grids, "Actors" and "Relations" (the ARIA grid pattern), one row per
 * actor or relation the filters show, or every row with "Show all rows". TanStack Table sorts and
 * filters, TanStack Virtual draws only the rows in view (80,000 relations scroll as 40 do). In Edit
 * mode cells edit in place (Enter or F2 starts, Escape cancels, Tab stores and moves on) and the
 * selection takes bulk actions; every write is a document operation, one undo step each. The row
 * selected last is the map's selection, and a selection on the map selects its row.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import {
  columnFilteringFeature,
  createFilteredRowModel,
  createSortedRowModel,
  filterFns,
  globalFilteringFeature,
  rowSortingFeature,
  sortFns,
  tableFeatures,
  useTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { Op } from '../../document/ops'
import { ACTOR_KINDS, STANCES } from '../../model/schema'
import { KIND_LABEL, STANCE_LABEL } from '../../model/words'
import { useExplorer, useExplorerContext, useView } from '../context'
import { problemText } from '../edit/fields'
import { useEditMode } from '../edit/useEditMode'
import { actorRows, cellOp, relationRows, type ActorRow, type CellKind, type RelationRow } from './rows'
import './grid.css'

type Tab = 'actors' | 'relations'
type Row = ActorRow | RelationRow
interface Col {
  readonly id: string
  readonly header: string
  readonly kind: CellKind
  readonly width: number
}

const ACTOR_COLS: readonly Col[] = [
  { id: 'label', header: 'Label', kind: 'text', width: 200 },
  { id: 'kind', header: 'Kind', kind: 'kind', width: 120 },
  { id: 'aliases', header: 'Aliases', kind: 'text', width: 200 },
  { id: 'description', header: 'Description', kind: 'text', width: 320 },
  { id: 'ties', header: 'Ties', kind: 'readonly', width: 70 },
  { id: 'id', header: 'Id', kind: 'readonly', width: 140 },
]
const RELATION_COLS: readonly Col[] = [
  { id: 'from', header: 'From', kind: 'readonly', width: 150 },
  { id: 'to', header: 'To', kind: 'readonly', width: 150 },
  { id: 'type', header: 'Type', kind: 'type', width: 120 },
  { id: 'stance', header: 'Stance', kind: 'stance', width: 110 },
  { id: 'start', header: 'Start year', kind: 'year', width: 90 },
  { id: 'end', header: 'End year', kind: 'year', width: 90 },
  { id: 'approximate', header: 'Approximate', kind: 'check', width: 105 },
  { id: 'directed', header: 'Directed', kind: 'check', width: 85 },
  { id: 'summary', header: 'Summary', kind: 'text', width: 300 },
  { id: 'quotes', header: 'Quotations', kind: 'readonly', width: 95 },
  { id: 'id', header: 'Id', kind: 'readonly', width: 120 },
]
const ROW_HEIGHT = 30
const NUMERIC = new Set(['start', 'end', 'ties', 'quotes'])

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns,
  filterFns,
})

const shown = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'Yes' : 'No') : String(v)

export function TableView({ onClose }: { onClose: () => void }) {
  const [tab, setTab] = useState<Tab>('relations')
  const id = useId()
  return (
    <section className="table-view" aria-label="Table">
      <div className="table-head">
        <div role="tablist" aria-label="Table of">
          {(['actors', 'relations'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`${id}-${t}`}
              aria-selected={tab === t}
              aria-controls={`${id}-panel`}
              tabIndex={tab === t ? 0 : -1}
              onClick={() => setTab(t)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
                  e.preventDefault()
                  const next = t === 'actors' ? 'relations' : 'actors'
                  setTab(next)
                  document.getElementById(`${id}-${next}`)?.focus()
                }
              }}
            >
              {t === 'actors' ? 'Actors' : 'Relations'}
            </button>
          ))}
        </div>
        <button type="button" className="table-close" onClick={onClose} aria-label="Close the table">
          ×
        </button>
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`} className="table-panel">
        <Grid key={tab} tab={tab} />
      </div>
    </section>
  )
}

function Grid({ tab }: { tab: Tab }) {
  const { index, store, editing } = useExplorerContext()
  const view = useView()
  const editOn = useEditMode()
  const [showAll, setShowAll] = useState(false)
  const [filter, setFilter] = useState('')
  const [sorting, setSorting] = useState<SortingState>([])
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set())
  const anchor = useRef<number>(-1)
  const [active, setActive] = useState<{ row: number; col: number }>({ row: 0, col: 0 })
  const [edit, setEdit] = useState<{ row: number; col: number; draft: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const focusCell = useRef(false)
  const scroll = useRef<HTMLDivElement>(null)
  const cols = tab === 'actors' ? ACTOR_COLS : RELATION_COLS
  const data = useMemo<Row[]>(
    () =>
      tab === 'actors'
        ? actorRows(index, showAll ? null : view.shownActors)
        : relationRows(index, showAll ? null : view.shownRelations),
    [tab, index, view, showAll],
  )
  const columns = useMemo<ColumnDef<typeof features, Row>[]>(
    () =>
      cols.map((c) => ({
        id: c.id,
        // Empty years are undefined, so they sort last in either direction.
        accessorFn: (r: Row) =>
          ((r as unknown as Record<string, unknown>)[c.id] ?? undefined) as
            string | number | boolean | undefined,
        header: c.header,
        sortUndefined: 'last',
        sortDescFirst: false,
        ...(c.kind === 'check' || (c.kind === 'readonly' && c.id !== 'id')
          ? { enableGlobalFilter: false }
          : {}),
      })),
    [cols],
  )
  const table = useTable({
    features,
    columns,
    data,
    state: { sorting, globalFilter: filter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    globalFilterFn: 'includesString',
    getRowId: (r: Row) => r.id,
  })
  const rows = table.getRowModel().rows
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroll.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  })

  // Rows that went (deleted, merged, filtered out of the network) leave the selection.
  useEffect(() => {
    setSelected((s) => {
      if (s.size === 0) return s
      const ids = new Set(data.map((r) => r.id))
      const kept = new Set([...s].filter((x) => ids.has(x)))
      return kept.size === s.size ? s : kept
    })
  }, [data])

  // The map's selection selects its row (and brings it into view).
  const mapSelection = useExplorer((s) => s.selection)
  const kind = tab === 'actors' ? 'actor' : 'relation'
  useEffect(() => {
    if (mapSelection === null || mapSelection.kind !== kind) return
    setSelected((s) => (s.has(mapSelection.id) ? s : new Set([mapSelection.id])))
    const i = rows.findIndex((r) => r.id === mapSelection.id)
    if (i >= 0) {
      anchor.current = i
      setActive((a) => ({ ...a, row: i }))
      virtualizer.scrollToIndex(i, { align: 'auto' })
    }
    // Only when the map's selection changes, not on every sort.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapSelection, kind])

  useLayoutEffect(() => {
    if (!focusCell.current) return
    focusCell.current = false
    scroll.current?.querySelector<HTMLElement>(`[data-cell="${active.row}:${active.col}"]`)?.focus()
  })

  const moveTo = (row: number, col: number) => {
    const r = Math.max(0, Math.min(rows.length - 1, row))
    const c = Math.max(0, Math.min(cols.length - 1, col))
    setActive({ row: r, col: c })
    virtualizer.scrollToIndex(r, { align: 'auto' })
    focusCell.current = true
  }

  const choose = (i: number, how: { shift: boolean; toggle: boolean }) => {
    const row = rows[i]
    if (row === undefined) return
    const next = new Set(how.toggle ? selected : [])
    if (how.shift && anchor.current >= 0) {
      const [a, b] = anchor.current < i ? [anchor.current, i] : [i, anchor.current]
      for (let k = a; k <= b; k++) next.add(rows[k]!.id)
    } else if (how.toggle && selected.has(row.id)) {
      next.delete(row.id)
    } else {
      next.add(row.id)
      anchor.current = i
    }
    setSelected(next)
    if (next.has(row.id)) store.getState().select({ kind, id: row.id })
  }

  const apply = (op: Op): string | null =>
    editing === undefined ? 'editing is not available' : problemText(editing.apply(op))

  const startEdit = (row: number, col: number) => {
    const c = cols[col]!
    if (!editOn || editing === undefined || c.kind === 'readonly') return
    const r = rows[row]?.original
    if (r === undefined) return
    const value = (r as unknown as Record<string, unknown>)[c.id]
    if (c.kind === 'check') {
      setError(storeCell(row, col, value !== true))
      return
    }
    setError(null)
    setEdit({ row, col, draft: shown(value === null ? '' : value).replace(/^(Yes|No)$/, '') })
  }

  const storeCell = (row: number, col: number, value: string | boolean): string | null => {
    const r = rows[row]?.original
    const c = cols[col]!
    if (r === undefined) return null
    const made = cellOp(index, tab, r.id, c.id, value)
    if (!made.ok) return `${c.header}: ${made.message}`
    const problem = apply(made.op)
    return problem === null ? null : `${c.header}: ${problem}`
  }

  const commit = (then: 'stay' | 'next' | 'prev') => {
    if (edit === null) return
    const problem = storeCell(edit.row, edit.col, edit.draft)
    if (problem !== null) {
      setError(problem)
      return
    }
    setError(null)
    setEdit(null)
    const step = then === 'next' ? 1 : then === 'prev' ? -1 : 0
    moveTo(edit.row, edit.col + step)
  }

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (edit !== null) return
    const { row, col } = active
    const page = Math.max(1, Math.floor((scroll.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1)
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(row + 1, col),
      ArrowUp: () => moveTo(row - 1, col),
      ArrowRight: () => moveTo(row, col + 1),
      ArrowLeft: () => moveTo(row, col - 1),
      PageDown: () => moveTo(row + page, col),
      PageUp: () => moveTo(row - page, col),
      Home: () => moveTo(e.ctrlKey || e.metaKey ? 0 : row, 0),
      End: () => moveTo(e.ctrlKey || e.metaKey ? rows.length - 1 : row, cols.length - 1),
      Enter: () => startEdit(row, col),
      F2: () => startEdit(row, col),
      ' ': () => choose(row, { shift: e.shiftKey, toggle: true }),
    }
    const f = keys[e.key]
    if (f === undefined) return
    e.preventDefault()
    f()
  }

  // The selection outlives a change of the text filter: bulk actions act on every selected row.
  const selectedIds = [...selected]
  const total = tab === 'actors' ? index.actorCount : index.relationCount
  const width = cols.reduce((s, c) => s + c.width, 0) + 36
  const template = `36px ${cols.map((c) => `${c.width}px`).join(' ')}`
  const sortOf = (cid: string) => {
    const s = sorting.find((x) => x.id === cid)
    return s === undefined ? 'none' : s.desc ? 'descending' : 'ascending'
  }

  return (
    <div className="grid-wrap">
      <div
        className="grid-tools"
        role="toolbar"
        aria-label={tab === 'actors' ? 'Actors table' : 'Relations table'}
      >
        <input
          type="search"
          aria-label="Filter rows"
          placeholder="Filter rows"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <label className="check">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show all
          rows
        </label>
        <button type="button" onClick={() => setSelected(new Set(rows.map((r) => r.id)))}>
          Select all shown
        </button>
        <span className="muted grid-count" aria-live="polite">
          {rows.length.toLocaleString('en')} of {total.toLocaleString('en')} {tab} ·{' '}
          {selectedIds.length.toLocaleString('en')} selected
        </span>
        {editOn && selectedIds.length > 0 ? (
          <BulkActions
            tab={tab}
            ids={selectedIds}
            apply={(op) => {
              const p = apply(op)
              setError(p)
              return p
            }}
            report={setError}
          />
        ) : null}
        {!editOn ? <span className="muted">Turn on Edit to change cells.</span> : null}
      </div>
      {error !== null ? (
        <p className="field-error grid-error" role="alert">
          {error}
        </p>
      ) : null}
      <div
        ref={scroll}
        className="grid-scroll"
        role="grid"
        aria-label={tab === 'actors' ? 'Actors' : 'Relations'}
        aria-rowcount={rows.length + 1}
        aria-colcount={cols.length + 1}
        aria-multiselectable="true"
        onKeyDown={onGridKey}
      >
        <div
          className="grid-row grid-header"
          role="row"
          aria-rowindex={1}
          style={{ gridTemplateColumns: template, width }}
        >
          <div role="columnheader" aria-colindex={1} className="grid-cell grid-select-col">
            <span className="visually-hidden">Selected</span>
          </div>
          {cols.map((c, ci) => {
            const col = table.getColumn(c.id)
            const s = sortOf(c.id)
            return (
              <div key={c.id} role="columnheader" aria-colindex={ci + 2} aria-sort={s} className="grid-cell">
                <button
                  type="button"
                  className="link sort"
                  onClick={(e) => col?.getToggleSortingHandler()?.(e)}
                >
                  {c.header}
                  <span aria-hidden="true">{s === 'ascending' ? ' ▲' : s === 'descending' ? ' ▼' : ''}</span>
                </button>
              </div>
            )
          })}
        </div>
        <div className="grid-body" style={{ height: virtualizer.getTotalSize(), width }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index]!
            const isSel = selected.has(row.id)
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={v.index + 2}
                aria-selected={isSel}
                className={`grid-row${isSel ? ' selected' : ''}`}
                style={{ transform: `translateY(${v.start}px)`, gridTemplateColumns: template }}
                onClick={(e) => {
                  choose(v.index, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey })
                  const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-cell]')
                  const col = cell ? Number(cell.dataset.cell!.split(':')[1]) : 0
                  setActive({ row: v.index, col })
                }}
              >
                <div role="gridcell" aria-colindex={1} className="grid-cell grid-select-col">
                  <span aria-hidden="true">{isSel ? '✓' : ''}</span>
                </div>
                {cols.map((c, ci) => {
                  const isActive = active.row === v.index && active.col === ci
                  const editing = edit !== null && edit.row === v.index && edit.col === ci
                  const value = row.getValue(c.id)
                  return (
                    <div
                      key={c.id}
                      role="gridcell"
                      aria-colindex={ci + 2}
                      data-cell={`${v.index}:${ci}`}
                      tabIndex={isActive ? 0 : -1}
                      aria-readonly={!editOn || c.kind === 'readonly' ? true : undefined}
                      className={`grid-cell${isActive ? ' active' : ''}${NUMERIC.has(c.id) ? ' num' : ''}`}
                      onDoubleClick={() => startEdit(v.index, ci)}
                      onFocus={() => {
                        if (!isActive) setActive({ row: v.index, col: ci })
                      }}
                    >
                      {editing ? (
                        <CellEditor
                          col={c}
                          label={`${c.header} of ${tab === 'actors' ? (row.original as ActorRow).label : `${(row.original as RelationRow).from} – ${(row.original as RelationRow).to}`}`}
                          draft={edit.draft}
                          setDraft={(draft) => setEdit({ ...edit, draft })}
                          onCommit={commit}
                          onCancel={() => {
                            setEdit(null)
                            setError(null)
                            moveTo(v.index, ci)
                          }}
                        />
                      ) : (
                        <span className="cell-text" title={shown(value)}>
                          {shown(value)}
                        </span>
                      )}
                    </div>
                  )
                })}
              </div>
            )
          })}
        </div>
        {rows.length === 0 ? (
          <p className="muted grid-empty">
            {filter !== ''
              ? 'No row matches the filter.'
              : showAll
                ? 'This network has none.'
                : 'The filters show none: try "Show all rows".'}
          </p>
        ) : null}
      </div>
    </div>
  )
}

function CellEditor({
  col,
  label,
  draft,
  setDraft,
  onCommit,
  onCancel,
}: {
  col: Col
  label: string
  draft: string
  setDraft: (d: string) => void
  onCommit: (then: 'stay' | 'next' | 'prev') => void
  onCancel: () => void
}) {
  const { index } = useExplorerContext()
  const ref = useRef<HTMLInputElement & HTMLSelectElement>(null)
  useEffect(() => {
    ref.current?.focus()
    if (ref.current instanceof HTMLInputElement) ref.current.select()
  }, [])
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation()
    if (e.key === 'Enter') {
      e.preventDefault()
      onCommit('stay')
    } else if (e.key === 'Escape') {
      e.preventDefault()
      onCancel()
    } else if (e.key === 'Tab') {
      e.preventDefault()
      onCommit(e.shiftKey ? 'prev' : 'next')
    }
  }
  const options =
    col.kind === 'kind'
      ? ACTOR_KINDS.map((k) => KIND_LABEL[k])
      : col.kind === 'stance'
        ? STANCES.map((s) => STANCE_LABEL[s])
        : col.kind === 'type'
          ? index.graph.relationTypes.map((t) => t.label)
          : null
  if (options !== null)
    return (
      <select
        ref={ref}
        aria-label={label}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => onCommit('stay')}
      >
        {options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    )
  return (
    <input
      ref={ref}
      aria-label={label}
      value={draft}
      inputMode={col.kind === 'year' ? 'numeric' : undefined}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => onCommit('stay')}
    />
  )
}

function BulkActions({
  tab,
  ids,
  apply,
  report,
}: {
  tab: Tab
  ids: readonly string[]
  apply: (op: Op) => string | null
  report: (message: string | null) => void
}) {
  const { index, editing } = useExplorerContext()
  const [years, setYears] = useState(false)
  const [start, setStart] = useState('')
  const [end, setEnd] = useState('')
  const [confirm, setConfirm] = useState(false)
  const n = ids.length
  if (tab === 'actors')
    return (
      <span className="bulk">
        <button type="button" disabled={n < 2} onClick={() => editing?.openDialog({ kind: 'merge', ids })}>
          Merge selected
        </button>
        {confirm ? (
          <>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirm(false)
                apply({ op: 'deleteActors', ids })
              }}
            >
              Delete {n} {n === 1 ? 'actor' : 'actors'} and their ties
            </button>
            <button type="button" onClick={() => setConfirm(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirm(true)}>
            Delete selected
          </button>
        )}
      </span>
    )
  const year = (t: string) =>
    t.trim() === '' ? undefined : /^-?\d+$/.test(t.trim()) ? Number(t.trim()) : NaN
  return (
    <span className="bulk">
      <select
        aria-label="Set type"
        value=""
        onChange={(e) => {
          if (e.target.value !== '') apply({ op: 'updateRelations', ids, patch: { type: e.target.value } })
        }}
      >
        <option value="">Set type…</option>
        {index.graph.relationTypes.map((t) => (
          <option key={t.id} value={t.id}>
            {t.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Set stance"
        value=""
        onChange={(e) => {
          const s = e.target.value as (typeof STANCES)[number] | ''
          if (s !== '') apply({ op: 'updateRelations', ids, patch: { stance: s } })
        }}
      >
        <option value="">Set stance…</option>
        {STANCES.map((s) => (
          <option key={s} value={s}>
            {STANCE_LABEL[s]}
          </option>
        ))}
      </select>
      <button type="button" aria-expanded={years} onClick={() => setYears((y) => !y)}>
        Set years
      </button>
      {years ? (
        <span className="bulk-years">
          <label>
            Start year{' '}
            <input value={start} inputMode="numeric" size={6} onChange={(e) => setStart(e.target.value)} />
          </label>
          <label>
            End year{' '}
            <input value={end} inputMode="numeric" size={6} onChange={(e) => setEnd(e.target.value)} />
          </label>
          <button
            type="button"
            onClick={() => {
              const s = year(start)
              const e = year(end)
              if (Number.isNaN(s) || Number.isNaN(e)) {
                report(`${Number.isNaN(s) ? 'Start year' : 'End year'} must be a whole number (a year)`)
                return
              }
              if (apply({ op: 'updateRelations', ids, patch: { start: s, end: e } }) === null) setYears(false)
            }}
          >
            Apply years
          </button>
        </span>
      ) : null}
      <button type="button" className="danger" onClick={() => apply({ op: 'deleteRelations', ids })}>
        Delete selected
      </button>
    </span>
  )
}
