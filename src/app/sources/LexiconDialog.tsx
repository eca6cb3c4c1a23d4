/**
 * "Cue lexicon": the words the suggester reads a type and a stance from, editable. One field per
 * list (a word a line, or separated by commas), the two stance weights, and "Save", which checks
 * the whole lexicon (validateLexicon: every error names its list and word) before storing it in
 * this browser; the suggestions are then made again. "Restore the default" brings the documented
 * lexicon back.
 */
import { useEffect, useId, useState } from 'react'
import { DEFAULT_LEXICON, validateLexicon, type CueLexicon } from '../../evidence/cues'
import { Modal } from '../edit/NewDialogs'
import { loadLexicon, saveLexicon } from './lexiconStore'

const words = (s: string) =>
  s
    .split(/[\n,]+/)
    .map((w) => w.trim())
    .filter((w) => w !== '')
const show = (list: readonly string[]) => list.join('\n')

interface Fields {
  type: Record<string, string>
  cooperative: string
  hostile: string
  negation: string
  contrast: string
  wCoop: string
  wHost: string
}

const fieldsOf = (l: CueLexicon): Fields => ({
  type: Object.fromEntries(Object.entries(l.type).map(([k, v]) => [k, show(v)])),
  cooperative: show(l.stance.cooperative),
  hostile: show(l.stance.hostile),
  negation: show(l.negation),
  contrast: show(l.contrast),
  wCoop: String(l.weights.cooperative),
  wHost: String(l.weights.hostile),
})

export function LexiconDialog({
  types,
  onClose,
}: {
  /** The network's relation types: id and label. */
  types: readonly { id: string; label: string }[]
  onClose: () => void
}) {
  const id = useId()
  const [f, setF] = useState<Fields | null>(null)
  const [errors, setErrors] = useState<string[]>([])
  useEffect(() => {
    let live = true
    void loadLexicon().then((l) => live && setF(fieldsOf(l)))
    return () => {
      live = false
    }
  }, [])
  if (f === null)
    return (
      <Modal title="Cue lexicon" onClose={onClose}>
        <p role="status">Loading the lexicon…</p>
      </Modal>
    )
  const typeIds = [...new Set([...types.map((t) => t.id), ...Object.keys(f.type)])]
  const labelOf = (t: string) => types.find((x) => x.id === t)?.label ?? t
  const area = (key: string, label: string, value: string, set: (v: string) => void, hint?: string) => (
    <p className="lexicon-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {hint !== undefined ? (
        <span className="muted" id={`${id}-${key}-hint`}>
          {hint}
        </span>
      ) : null}
      <textarea
        id={`${id}-${key}`}
        rows={4}
        value={value}
        spellCheck={false}
        {...(hint !== undefined ? { 'aria-describedby': `${id}-${key}-hint` } : {})}
        onChange={(e) => set(e.target.value)}
      />
    </p>
  )
  const save = async () => {
    const candidate = {
      type: Object.fromEntries(typeIds.map((t) => [t, words(f.type[t] ?? '')])),
      stance: { cooperative: words(f.cooperative), hostile: words(f.hostile) },
      negation: words(f.negation),
      contrast: words(f.contrast),
      weights: { cooperative: Number(f.wCoop), hostile: Number(f.wHost) },
    }
    const v = validateLexicon(candidate)
    if (!v.ok) return setErrors(v.errors)
    setErrors([])
    await saveLexicon(v.lexicon)
    onClose()
  }
  return (
    <Modal title="Cue lexicon" onClose={onClose} className="lexicon-dialog">
      <p className="muted">
        Cue words are stems: a word counts when it starts with one (“accus” matches “accused”). One a line, or
        separated by commas; lower case. A negation among the three words before a stance cue turns it around;
        after a contrast word the sentence’s cues count twice; a capitalised word inside a sentence is a name,
        never a cue.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <fieldset>
          <legend>Type cues</legend>
          {typeIds.map((t) =>
            area(`type-${t}`, `${labelOf(t)} cues`, f.type[t] ?? '', (v) =>
              setF({ ...f, type: { ...f.type, [t]: v } }),
            ),
          )}
        </fieldset>
        <fieldset>
          <legend>Stance cues</legend>
          {area('cooperative', 'Cooperative cues', f.cooperative, (v) => setF({ ...f, cooperative: v }))}
          {area('hostile', 'Hostile cues', f.hostile, (v) => setF({ ...f, hostile: v }))}
          {area('negation', 'Negation words', f.negation, (v) => setF({ ...f, negation: v }), 'Whole words.')}
          {area('contrast', 'Contrast words', f.contrast, (v) => setF({ ...f, contrast: v }), 'Whole words.')}
          <p className="lexicon-weights">
            <label>
              Cooperative weight{' '}
              <input
                type="number"
                min={0.1}
                max={10}
                step={0.1}
                value={f.wCoop}
                onChange={(e) => setF({ ...f, wCoop: e.target.value })}
              />
            </label>{' '}
            <label>
              Hostile weight{' '}
              <input
                type="number"
                min={0.1}
                max={10}
                step={0.1}
                value={f.wHost}
                onChange={(e) => setF({ ...f, wHost: e.target.value })}
              />
            </label>
          </p>
        </fieldset>
        {errors.length > 0 ? (
          <div role="alert" className="lexicon-errors">
            <p>The lexicon was not saved:</p>
            <ul>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="dialog-buttons">
          <button type="submit">Save</button>{' '}
          <button
            type="button"
            onClick={() => {
              setF(fieldsOf(DEFAULT_LEXICON))
              setErrors([])
              void saveLexicon(null)
            }}
          >
            Restore the default
          </button>{' '}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </p>
      </form>
    </Modal>
  )
}
