/**
 * Relation types in Edit mode: rename, recolour, add (the next colour of a colour-blind-safe
 * palette by default) and delete — refused, with the reason, while relations still use the type.
 */
import { useId, useState } from 'react'
import { colourAllocator } from '../../io/import/colors'
import { useExplorerContext } from '../context'
import { FieldError, InlineText, problemText } from './fields'
import { idFrom } from './NewDialogs'

export function TypesEditor() {
  const { index, editing } = useExplorerContext()
  const id = useId()
  const types = index.graph.relationTypes
  const used = new Map<string, number>()
  for (let r = 0; r < index.relationCount; r++) {
    const t = types[index.type[r]!]!.id
    used.set(t, (used.get(t) ?? 0) + 1)
  }
  const nextColour = () => colourAllocator(types.map((t) => t.color))()
  const [label, setLabel] = useState('')
  const [colour, setColour] = useState(nextColour)
  const [error, setError] = useState<string | null>(null)
  const [rowError, setRowError] = useState<{ id: string; message: string } | null>(null)
  const apply = editing!.apply
  return (
    <section className="types-editor" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Relation types</h2>
      <ul>
        {types.map((t) => {
          const n = used.get(t.id) ?? 0
          return (
            <li key={t.id}>
              <input
                type="color"
                aria-label={`Colour of ${t.label}`}
                value={
                  t.color.length === 4 ? `#${[...t.color.slice(1)].map((c) => c + c).join('')}` : t.color
                }
                onChange={(e) => {
                  const why = problemText(
                    apply({ op: 'updateType', id: t.id, patch: { color: e.target.value.toUpperCase() } }),
                  )
                  setRowError(why === null ? null : { id: t.id, message: why })
                }}
              />
              <InlineText
                label={`Label of ${t.label}`}
                value={t.label}
                onCommit={(v) =>
                  problemText(apply({ op: 'updateType', id: t.id, patch: { label: v.trim() } }))
                }
              />
              <button
                type="button"
                className="link small"
                aria-describedby={n > 0 ? `${id}-${t.id}-used` : undefined}
                onClick={() => {
                  const why = problemText(apply({ op: 'deleteType', id: t.id }))
                  setRowError(why === null ? null : { id: t.id, message: why })
                }}
              >
                Delete type {t.label}
              </button>
              <span id={`${id}-${t.id}-used`} className="field-hint">
                {n === 0 ? 'unused' : `${n} ${n === 1 ? 'relation' : 'relations'}`}
              </span>
              {rowError?.id === t.id ? (
                <FieldError id={`${id}-${t.id}-err`} error={rowError.message} />
              ) : null}
            </li>
          )
        })}
      </ul>
      <form
        className="add-type"
        aria-label="Add type"
        onSubmit={(e) => {
          e.preventDefault()
          const typeId = idFrom(label, { has: (x) => index.typeIndex.has(x) })
          const why = problemText(
            apply({ op: 'addType', type: { id: typeId, label: label.trim(), color: colour.toUpperCase() } }),
          )
          setError(why)
          if (why === null) {
            setLabel('')
            setColour(colourAllocator([...types.map((t) => t.color), colour])())
          }
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-label`}>New type</label>
          <input id={`${id}-label`} value={label} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div className="field field-check">
          <input
            id={`${id}-colour`}
            type="color"
            value={colour}
            onChange={(e) => setColour(e.target.value)}
          />
          <label htmlFor={`${id}-colour`}>Colour</label>
        </div>
        <FieldError id={`${id}-err`} error={error} />
        <button type="submit">Add type</button>
      </form>
    </section>
  )
}
