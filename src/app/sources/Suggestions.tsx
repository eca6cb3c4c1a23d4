/**
 * "Suggestions": the ties suggested from the source in the reader, grouped by sentence, reviewed
 * like an annotator's queue from the keyboard: Up and Down move, Enter accepts, Delete or
 * Backspace rejects, E edits (the "New relation" form, prefilled). Accepting writes the relation
 * with the sentence anchored as its quotation (and a proposed new actor with it) as one undo
 * step; a rejection is remembered for the source and never offered again. Suggestions stay apart
 * from the network until accepted, so they never enter an export.
 */
import { useEffect, useRef, useState } from 'react'
import { makeAnchor } from '../../evidence/anchor'
import { aliasOffers, suggestionKey, type AliasOffer, type Suggestion } from '../../evidence/suggest'
import { planAddGraph } from '../../document/addGraph'
import type { Relation, Source } from '../../model/types'
import { STANCE_LABEL } from '../../model/words'
import { useExplorerContext } from '../context'
import { idFrom } from '../edit/NewDialogs'
import { LexiconDialog } from './LexiconDialog'
import { onLexiconChange } from './lexiconStore'
import { reject, suggestFor } from './suggestClient'

export function Suggestions({
  source,
  onFocusSentence,
  onRejected,
}: {
  source: Source
  onFocusSentence: (s: Suggestion) => void
  onRejected?: () => void
}) {
  const { index, editing } = useExplorerContext()
  const [list, setList] = useState<Suggestion[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [said, setSaid] = useState('')
  const [at, setAt] = useState(0)
  const [lexicon, setLexicon] = useState(false)
  const [lexVersion, setLexVersion] = useState(0)
  const box = useRef<HTMLUListElement>(null)
  const graph = index.graph
  const net = () => editing?.net() ?? null
  useEffect(
    () =>
      onLexiconChange(() => {
        setList(null)
        setLexVersion((v) => v + 1)
      }),
    [],
  )
  useEffect(() => {
    let live = true
    suggestFor(graph, source.id, net()).then(
      (s) => live && setList(s),
      (e: Error) => live && setError(e.message),
    )
    return () => {
      live = false
    }
    // Suggestions are made once per opening (and again when the lexicon changes); accepting one
    // changes the graph but not the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source.id, lexVersion])
  const label = (id: string | null, name: string) =>
    id === null ? `${name} (new actor)` : (graph.actors.find((a) => a.id === id)?.label ?? id)
  const typeLabel = (t: string) => graph.relationTypes.find((x) => x.id === t)?.label ?? t
  const text = source.text ?? ''

  const drop = (s: Suggestion) => setList((l) => (l ?? []).filter((x) => x !== s))
  const focusAt = (k: number) => {
    const items = box.current?.querySelectorAll<HTMLElement>('[role="option"]')
    const el = items?.[Math.max(0, Math.min(k, (items?.length ?? 1) - 1))]
    el?.focus()
  }

  const accept = (s: Suggestion) => {
    if (editing === undefined) return
    if (!editing.state.getState().editing) editing.setEditing(true)
    const net = editing.net()
    const evidence = { source: source.id, quote: s.quote, anchor: makeAnchor(text, s.start, s.end) }
    const names = `${label(s.source, s.sourceText)} – ${label(s.target, s.targetText)}`
    const summary = `${s.sourceText} and ${s.targetText}: ${typeLabel(s.type).toLowerCase()}, ${s.stance} (suggested from “${source.title}”; ${s.reason}).`
    const relation = (from: string, to: string, id: string): Relation => ({
      id,
      source: from,
      target: to,
      type: s.type,
      stance: s.stance,
      ...(s.year !== null ? { start: s.year } : {}),
      ...(s.approximate && s.year !== null ? { approximate: true } : {}),
      summary,
      evidence: [evidence],
    })
    const taken = { has: (x: string) => index.relationIndex.has(x) || net?.relations.has(x) === true }
    let r
    if (s.source !== null && s.target !== null) {
      r = editing.apply({
        op: 'addRelation',
        relation: relation(s.source, s.target, idFrom(`${s.source} ${s.target} ${s.type}`, taken)),
      })
    } else if (net !== null) {
      // A proposed actor comes with its relation in one transaction: one undo step.
      const newId = (name: string) => `new-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
      const from = s.source ?? newId(s.sourceText)
      const to = s.target ?? newId(s.targetText)
      const actors = [
        ...graph.actors.filter((a) => a.id === s.source || a.id === s.target),
        ...(s.source === null ? [{ id: from, label: s.sourceText, kind: 'other' as const }] : []),
        ...(s.target === null ? [{ id: to, label: s.targetText, kind: 'other' as const }] : []),
      ]
      const mini = {
        schemaVersion: 1 as const,
        title: names,
        relationTypes: graph.relationTypes.filter((t) => t.id === s.type),
        sources: [source],
        actors,
        relations: [relation(from, to, `${from}-${to}-${s.type}`)],
      }
      r = editing.apply({ op: 'addGraph', plan: planAddGraph(net, mini, `the suggestion ${names}`) })
    } else return setSaid('Turn Edit mode on to accept a suggestion.')
    if (!r.ok) return setSaid(r.problems.map((p) => p.message).join('; '))
    drop(s)
    setSaid(`Accepted: ${names}.`)
  }

  const rejectOne = (s: Suggestion) => {
    reject(source.id, s, net())
    drop(s)
    onRejected?.()
    setSaid(
      `Rejected: ${label(s.source, s.sourceText)} – ${label(s.target, s.targetText)}; it will not be offered again.`,
    )
  }

  const addAlias = (o: AliasOffer) => {
    if (editing === undefined) return
    if (!editing.state.getState().editing) editing.setEditing(true)
    const actor = editing.graph().actors.find((a) => a.id === o.actor)
    if (actor === undefined) return setSaid(`${o.label} is no longer in the network.`)
    const r = editing.apply({
      op: 'updateActor',
      id: o.actor,
      patch: { aliases: [...(actor.aliases ?? []), o.alias] },
    })
    if (!r.ok) return setSaid(r.problems.map((p) => p.message).join('; '))
    setSaid(`Added “${o.alias}” as an alias of ${o.label}.`)
  }

  const edit = (s: Suggestion) => {
    if (editing === undefined) return
    editing.openDialog({
      kind: 'newRelation',
      ...(s.source !== null ? { from: s.source } : {}),
      ...(s.target !== null ? { to: s.target } : {}),
      type: s.type,
      stance: s.stance,
      ...(s.year !== null ? { start: s.year } : {}),
      approximate: s.approximate,
      evidence: { source: source.id, quote: s.quote, anchor: makeAnchor(text, s.start, s.end) },
    })
  }

  const lexiconButton = (
    <>
      <button type="button" className="lexicon-open" onClick={() => setLexicon(true)}>
        Cue lexicon
      </button>
      {lexicon ? <LexiconDialog types={graph.relationTypes} onClose={() => setLexicon(false)} /> : null}
    </>
  )
  if (error !== null) return <p role="alert">Suggestions could not be made: {error}</p>
  if (list === null)
    return (
      <p className="muted" role="status">
        Reading the document for ties…
      </p>
    )
  const current = list[at]
  const actorsNow = editing?.graph().actors ?? graph.actors
  const offers = current !== undefined ? aliasOffers(actorsNow, current) : []
  const groups: Suggestion[][] = []
  for (const s of list) {
    const last = groups.at(-1)
    if (last !== undefined && last[0]!.start === s.start) last.push(s)
    else groups.push([s])
  }
  let k = -1
  return (
    <section className="suggestions" aria-label="Suggestions">
      <h3>
        Suggestions <span className="count">{list.length}</span>
      </h3>
      <p className="muted">Up and Down move, Enter accepts, Delete rejects, E edits. {lexiconButton}</p>
      <p className="reader-status" role="status">
        {said}
      </p>
      {list.length === 0 ? <p className="muted">No tie to suggest in this text.</p> : null}
      {list.length > 0 ? (
        <p className="suggestion-actions">
          <button type="button" onClick={() => list[at] && accept(list[at]!)}>
            Accept
          </button>{' '}
          <button type="button" onClick={() => list[at] && rejectOne(list[at]!)}>
            Reject
          </button>{' '}
          <button type="button" onClick={() => list[at] && edit(list[at]!)}>
            Edit
          </button>
          {offers.map((o) => (
            <button key={`${o.actor}:${o.alias}`} type="button" onClick={() => addAlias(o)}>
              Add '{o.alias}' as an alias of {o.label}
            </button>
          ))}
        </p>
      ) : null}
      <ul
        ref={box}
        role="listbox"
        aria-label="Suggested ties"
        className="suggestion-list"
        onKeyDown={(e) => {
          const items = [...(box.current?.querySelectorAll<HTMLElement>('[role="option"]') ?? [])]
          const i = items.indexOf(document.activeElement as HTMLElement)
          if (i < 0) return
          const s = list.find((x) => suggestionKey(x) === items[i]!.dataset.key)
          if (s === undefined) return
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault()
            const n = i + (e.key === 'ArrowDown' ? 1 : -1)
            setAt(Math.max(0, Math.min(n, items.length - 1)))
            focusAt(n)
          } else if (e.key === 'Enter') {
            e.preventDefault()
            accept(s)
            requestAnimationFrame(() => focusAt(i))
          } else if (e.key === 'Delete' || e.key === 'Backspace') {
            e.preventDefault()
            rejectOne(s)
            requestAnimationFrame(() => focusAt(i))
          } else if (e.key === 'e' || e.key === 'E') {
            e.preventDefault()
            edit(s)
          }
        }}
      >
        {groups.map((g) => (
          <li key={g[0]!.start} role="group" aria-label={`Sentence: ${g[0]!.quote.slice(0, 80)}`}>
            <p className="suggestion-sentence" aria-hidden="true">
              “{g[0]!.quote.length > 140 ? `${g[0]!.quote.slice(0, 139)}…` : g[0]!.quote}”
            </p>
            <ul role="presentation">
              {g.map((s) => {
                k++
                const mine = k
                return (
                  <li
                    key={suggestionKey(s)}
                    role="option"
                    aria-selected={at === mine}
                    tabIndex={at === mine ? 0 : -1}
                    data-key={suggestionKey(s)}
                    onFocus={() => {
                      setAt(mine)
                      onFocusSentence(s)
                    }}
                    onClick={() => setAt(mine)}
                  >
                    <strong>
                      {label(s.source, s.sourceText)} – {label(s.target, s.targetText)}
                    </strong>
                    : {typeLabel(s.type)}, {STANCE_LABEL[s.stance].toLowerCase()}
                    {s.year !== null ? `, ${s.approximate ? 'c. ' : ''}${s.year}` : ''}
                    <span className="muted"> — {s.reason}</span>
                  </li>
                )
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  )
}
