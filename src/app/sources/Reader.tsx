/**
 * The reader: a source's whole text beside the map, every quoted passage marked, the one asked for
 * current (`aria-current`) and scrolled into view. The text is rendered as text (React escapes it):
 * a source never runs script or loads anything.
 *
 * Every text segment carries its offset in the source's text (`data-start`), so a selection maps
 * straight back to offsets (and so to an anchor), and an offset (a find, a mark) to the DOM.
 */
import { loadLexicon } from './lexiconStore'
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type Ref,
} from 'react'
import { makeAnchor, snapToWords, type Anchor } from '../../evidence/anchor'
import { blockSegments, textBlocks, type Block, type Segment } from '../../evidence/blocks'
import { guessRelation } from '../../evidence/guess'
import { pageAt } from '../../io/sourceFiles'
import type { Graph, Source } from '../../model/types'
import { STANCE_LABEL } from '../../model/words'
import { useExplorer, useExplorerContext } from '../context'
import { citationText } from '../format'
import { useEditMode } from '../edit/useEditMode'
import { useEvidenceReport } from './useEvidence'
import { useSourcesUi } from './ui'
import { Suggestions } from './Suggestions'
import { Coverage } from './Coverage'

interface Mark {
  readonly start: number
  readonly end: number
  readonly relation: string
  readonly index: number
  readonly tie: string
}

/** "Iran – Azerbaijan: Military, hostile" */
export function tieName(g: Graph, relationId: string): string {
  const r = g.relations.find((x) => x.id === relationId)
  if (r === undefined) return relationId
  const label = (id: string) => g.actors.find((a) => a.id === id)?.label ?? id
  const type = g.relationTypes.find((t) => t.id === r.type)?.label ?? r.type
  return `${label(r.source)} ${r.directed ? '→' : '–'} ${label(r.target)}: ${type}, ${STANCE_LABEL[r.stance].toLowerCase()}`
}

/** The text offset of a DOM point inside the reader's text, or null when it lies outside. */
function offsetOf(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null
  if (node.nodeType === Node.TEXT_NODE) {
    const el = node.parentElement?.closest<HTMLElement>('[data-start]')
    return el ? Number(el.dataset.start) + offset : null
  }
  // An element boundary: the segment after it, or the end of the one before.
  const el = node as Element
  const after = el.childNodes[offset] as Element | undefined
  const seg = (n: Element | undefined) =>
    n instanceof HTMLElement
      ? n.matches('[data-start]')
        ? n
        : n.querySelector<HTMLElement>('[data-start]')
      : null
  const a = seg(after)
  if (a) return Number(a.dataset.start)
  const all = el.querySelectorAll<HTMLElement>('[data-start]')
  const last = all[all.length - 1]
  return last ? Number(last.dataset.start) + (last.textContent?.length ?? 0) : null
}

/** The DOM point of a text offset: the segment holding it and the offset in its text node. */
function pointOf(root: HTMLElement, starts: readonly number[], offset: number): [Node, number] | null {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  const el = root.querySelector<HTMLElement>(`[data-start="${starts[lo]}"]`)
  const t = el?.firstChild
  if (!el || !t) return null
  return [t, Math.min(offset - starts[lo]!, t.textContent?.length ?? 0)]
}

export function Reader() {
  const target = useSourcesUi((s) => s.reader)
  const { index } = useExplorerContext()
  if (target === null) return null
  const source = index.graph.sources.find((s) => s.id === target.source)
  if (source === undefined) return null
  return <ReaderView key={source.id} source={source} />
}

function ReaderView({ source }: { source: Source }) {
  const { index, store, editing } = useExplorerContext()
  const target = useSourcesUi((s) => s.reader)!
  const close = useSourcesUi((s) => s.closeReader)
  const report = useEvidenceReport()
  const selection = useExplorer((s) => s.selection)
  const editMode = useEditMode()
  const text = source.text ?? ''
  const blocks = useMemo(() => textBlocks(text), [text])
  const marks = useMemo<Mark[]>(() => {
    const out: Mark[] = []
    for (const q of report?.quotes ?? []) {
      if (q.source !== source.id || q.anchor === undefined) continue
      if (q.state !== 'exact' && q.state !== 'moved') continue
      out.push({ ...q.anchor, relation: q.relation, index: q.index, tie: tieName(index.graph, q.relation) })
    }
    return out.sort((a, b) => a.start - b.start || a.end - b.end)
  }, [report, source.id, index.graph])
  const segments = useMemo(() => blockSegments(blocks, marks), [blocks, marks])
  const starts = useMemo(() => segments.flat().map((s) => s.start), [segments])
  const asked = marks.findIndex((m) => m.relation === target.relation && m.index === target.index)
  const [active, setActive] = useState(asked)
  const [said, setSaid] = useState('')
  const [query, setQuery] = useState('')
  const [picked, setPicked] = useState<{ start: number; end: number } | null>(null)
  const [suggesting, setSuggesting] = useState(false)
  const [rejections, setRejections] = useState(0)
  const findFrom = useRef(0)
  const body = useRef<HTMLDivElement>(null)
  const region = useRef<HTMLElement>(null)
  const askedCheck = report?.quotes.find((q) => q.relation === target.relation && q.index === target.index)

  // A new request (a "Show in source" click) makes its passage current and scrolls to it.
  const [seen, setSeen] = useState(target.nonce)
  if (seen !== target.nonce) {
    setSeen(target.nonce)
    setActive(asked)
  }
  useLayoutEffect(() => {
    if (asked < 0) {
      region.current?.querySelector<HTMLElement>('h2')?.focus()
      return
    }
    const el = body.current?.querySelector<HTMLElement>(`mark[data-mark~="${asked}"]`)
    el?.scrollIntoView?.({ block: 'center' })
    el?.focus({ preventScroll: true })
  }, [target.nonce, asked])

  // Remember the latest selection made inside the text (a click on a button leaves it in place).
  useEffect(() => {
    const onChange = () => {
      const root = body.current
      const sel = window.getSelection()
      if (!root || !sel || sel.rangeCount === 0) return
      const r = sel.getRangeAt(0)
      if (!root.contains(r.commonAncestorContainer)) return
      if (r.collapsed) return setPicked(null)
      const a = offsetOf(root, r.startContainer, r.startOffset)
      const b = offsetOf(root, r.endContainer, r.endOffset)
      if (a === null || b === null || b <= a) return setPicked(null)
      setPicked(snapToWords(text, a, b))
    }
    document.addEventListener('selectionchange', onChange)
    return () => document.removeEventListener('selectionchange', onChange)
  }, [text])

  const goTo = (k: number) => {
    if (marks.length === 0) return
    const n = (k + marks.length) % marks.length
    setActive(n)
    const el = body.current?.querySelector<HTMLElement>(`mark[data-mark~="${n}"]`)
    el?.scrollIntoView?.({ block: 'center' })
    el?.focus({ preventScroll: true })
    setSaid(`Quotation ${n + 1} of ${marks.length}: ${marks[n]!.tie}`)
  }

  /** Selects text[from, to) in the reader and scrolls it into view. */
  const selectRange = (from: number, to: number) => {
    const root = body.current
    const a = root ? pointOf(root, starts, from) : null
    const b = root ? pointOf(root, starts, to) : null
    if (!a || !b) return
    const range = document.createRange()
    range.setStart(a[0], a[1])
    range.setEnd(b[0], b[1])
    const sel = window.getSelection()
    sel?.removeAllRanges()
    sel?.addRange(range)
    ;(a[0].parentElement as HTMLElement | null)?.scrollIntoView?.({ block: 'center' })
  }

  const find = (backwards = false) => {
    const q = query.trim().toLowerCase()
    if (q === '') return
    const hay = text.toLowerCase()
    let at = backwards
      ? hay.lastIndexOf(q, Math.max(0, findFrom.current - q.length - 1))
      : hay.indexOf(q, findFrom.current)
    if (at === -1) at = backwards ? hay.lastIndexOf(q) : hay.indexOf(q)
    if (at === -1) return setSaid(`No match for “${query.trim()}” in this source.`)
    let count = 0
    let nth = 0
    for (let i = hay.indexOf(q); i !== -1; i = hay.indexOf(q, i + 1)) {
      count++
      if (i === at) nth = count
    }
    findFrom.current = at + q.length
    selectRange(at, at + q.length)
    setSaid(`Match ${nth} of ${count} for “${query.trim()}”.`)
  }

  const quote = () => {
    if (picked === null || editing === undefined) return
    // Quoting is editing: Edit mode comes on, so the step shows with its Undo.
    if (!editing.state.getState().editing) editing.setEditing(true)
    // A PDF's pages are separated by form feeds: a quote records the page it starts on.
    const evidence: { source: string; quote: string; anchor: Anchor; page?: number } = {
      source: source.id,
      quote: text.slice(picked.start, picked.end),
      anchor: makeAnchor(text, picked.start, picked.end),
      ...(text.includes('\f') ? { page: pageAt(text, picked.start) } : {}),
    }
    if (selection?.kind === 'relation' && index.relationIndex.has(selection.id)) {
      const r = editing.apply({ op: 'addEvidence', relation: selection.id, evidence })
      setSaid(r.ok ? `Quoted as evidence on ${tieName(index.graph, selection.id)}.` : r.problems[0]!.message)
      return
    }
    // The guess reads the user's cue lexicon (kept in this browser; the default until edited).
    void loadLexicon().then((lexicon) => {
      const guess = guessRelation(index.graph, evidence.quote, source, lexicon)
      editing.openDialog({ kind: 'newRelation', ...guess, evidence })
    })
  }

  const activate = useCallback(
    (m: number, relation: string) => {
      setActive(m)
      store.getState().select({ kind: 'relation', id: relation })
    },
    [store],
  )
  const current = active >= 0 ? marks[active] : undefined
  return (
    <section className="reader" aria-label={`Source: ${source.title}`} ref={region}>
      <header className="reader-head">
        <h2 tabIndex={-1}>Source: {source.title}</h2>
        <button type="button" className="close" aria-label="Close source" onClick={close}>
          ×
        </button>
        <p className="meta">{citationText(source)}</p>
        {askedCheck !== undefined && askedCheck.state === 'review' ? (
          <p className="reader-warning" role="note">
            This quotation needs review: the text has only an approximate match, “
            {text.slice(askedCheck.nearest!.start, askedCheck.nearest!.end)}”.
          </p>
        ) : askedCheck !== undefined && askedCheck.state === 'notFound' ? (
          <p className="reader-warning" role="note">
            This quotation was not found in the text.
          </p>
        ) : null}
        <div className="reader-tools">
          <form
            role="search"
            onSubmit={(e) => {
              e.preventDefault()
              find()
            }}
          >
            <label>
              <span className="visually-hidden">Find in source</span>
              <input
                type="search"
                placeholder="Find in source"
                aria-label="Find in source"
                value={query}
                onChange={(e) => {
                  setQuery(e.target.value)
                  findFrom.current = 0
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && e.shiftKey) {
                    e.preventDefault()
                    find(true)
                  }
                }}
              />
            </label>{' '}
            <button type="submit">Find</button>
          </form>
          <button
            type="button"
            onClick={() => goTo(active < 0 ? marks.length - 1 : active - 1)}
            disabled={marks.length === 0}
          >
            Previous quotation
          </button>
          <button type="button" onClick={() => goTo(active + 1)} disabled={marks.length === 0}>
            Next quotation
          </button>
          {editing !== undefined ? (
            <button type="button" aria-pressed={suggesting} onClick={() => setSuggesting((v) => !v)}>
              Suggest ties
            </button>
          ) : null}
          {editing !== undefined ? (
            <button
              type="button"
              disabled={picked === null}
              title={editMode ? undefined : 'Turns Edit mode on: quoting is an edit'}
              onClick={quote}
            >
              Quote as evidence
            </button>
          ) : null}
        </div>
        <p className="reader-status" role="status">
          {said}
        </p>
      </header>
      {suggesting ? (
        <div className="reader-suggestions">
          <Suggestions
            source={source}
            onFocusSentence={(x) => selectRange(x.start, x.end)}
            onRejected={() => setRejections((v) => v + 1)}
          />
        </div>
      ) : null}
      <div className="reader-body">
        <TextBody
          ref={body}
          text={text}
          blocks={blocks}
          segments={segments}
          marks={marks}
          active={active}
          onActivate={activate}
        />
        <Coverage sourceId={source.id} text={text} marks={marks} version={rejections} />
      </div>
      <div hidden>
        {marks.map((m, k) => (
          <span key={k} id={`reader-tie-${k}`}>
            Quoted for {m.tie}
          </span>
        ))}
      </div>
      {current !== undefined ? <p className="visually-hidden">Current quotation: {current.tie}</p> : null}
    </section>
  )
}

/**
 * The text itself, memoised: typing in "Find in source", a selection or a message never re-renders
 * a long text; only a change of the current mark does.
 */
const TextBody = memo(function TextBody({
  ref,
  text,
  blocks,
  segments,
  marks,
  active,
  onActivate,
}: {
  ref: Ref<HTMLDivElement>
  text: string
  blocks: readonly Block[]
  segments: readonly (readonly Segment[])[]
  marks: readonly Mark[]
  active: number
  onActivate: (m: number, relation: string) => void
}) {
  return (
    <div className="reader-text" ref={ref}>
      {blocks.map((b, i) => {
        const parts: ReactNode[] = segments[i]!.map((s) => {
          const piece = text.slice(s.start, s.end)
          if (s.marks.length === 0)
            return (
              <span key={s.start} data-start={s.start}>
                {piece}
              </span>
            )
          const isCurrent = s.marks.includes(active)
          const m = isCurrent ? active : s.marks[0]!
          const first = marks[m]!.start === s.start || b.start === s.start
          return (
            <mark
              key={s.start}
              data-start={s.start}
              data-mark={s.marks.join(' ')}
              data-tie={marks[m]!.tie}
              title={marks[m]!.tie}
              aria-describedby={`reader-tie-${m}`}
              aria-current={isCurrent ? 'true' : undefined}
              className={isCurrent ? 'current' : undefined}
              tabIndex={first ? 0 : -1}
              onClick={() => onActivate(m, marks[m]!.relation)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault()
                  onActivate(m, marks[m]!.relation)
                }
              }}
            >
              {piece}
            </mark>
          )
        })
        return b.kind === 'h' ? <h3 key={b.start}>{parts}</h3> : <p key={b.start}>{parts}</p>
      })}
    </div>
  )
})
