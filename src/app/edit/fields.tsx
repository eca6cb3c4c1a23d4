/**
 * Fields edited in place: a change applies on Enter or when the field loses focus (no Save
 * button), Escape puts the stored value back, and a value the operation refuses stays in the field
 * with the reason beside it, nothing stored. Pastes larger than a field takes are refused before
 * they reach the page.
 */
import { useEffect, useId, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react'
import { MAX_FIELD_CHARS } from '../../document/validate'

/** Applies a value: null when stored, else the reason it was refused. */
export type Commit<T> = (value: T) => string | null

export function refusePaste(e: ClipboardEvent, setError: (m: string) => void) {
  const text = e.clipboardData.getData('text')
  if (text.length > MAX_FIELD_CHARS) {
    e.preventDefault()
    setError(
      `That paste is ${text.length.toLocaleString('en')} characters long; a field takes at most ${MAX_FIELD_CHARS.toLocaleString('en')}.`,
    )
  }
}

export function FieldError({ id, error }: { id: string; error: string | null }) {
  return error === null ? null : (
    <span id={id} className="field-error" role="alert">
      {error}
    </span>
  )
}

export function InlineText({
  label,
  value,
  onCommit,
  multiline = false,
  numeric = false,
  placeholder,
  hint,
}: {
  label: string
  value: string
  onCommit: Commit<string>
  multiline?: boolean
  /** A year: digits and a leading minus; empty is allowed. */
  numeric?: boolean
  placeholder?: string
  hint?: string
}) {
  const [draft, setDraft] = useState(value)
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  const stored = useRef(value)
  useEffect(() => {
    // Another edit (undo, another tab) changed the stored value: show it, unless mid-typing.
    if (stored.current !== value) {
      stored.current = value
      setDraft(value)
      setError(null)
    }
  }, [value])
  const commit = () => {
    if (draft === value) {
      setError(null)
      return
    }
    const why = onCommit(draft)
    setError(why)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      setDraft(value)
      setError(null)
    } else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      commit()
    }
  }
  const common = {
    id,
    value: draft,
    placeholder,
    'aria-invalid': error !== null ? true : undefined,
    'aria-describedby': error !== null ? `${id}-error` : hint !== undefined ? `${id}-hint` : undefined,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown,
    onPaste: (e: ClipboardEvent) => refusePaste(e, setError),
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input type="text" inputMode={numeric ? 'numeric' : undefined} {...common} />
      )}
      {hint !== undefined && error === null ? (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  )
}

export function InlineSelect<T extends string>({
  label,
  value,
  options,
  onCommit,
}: {
  label: string
  value: T
  options: readonly { readonly value: T; readonly label: string }[]
  onCommit: Commit<T>
}) {
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error !== null ? true : undefined}
        aria-describedby={error !== null ? `${id}-error` : undefined}
        onChange={(e) => setError(onCommit(e.target.value as T))}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  )
}

export function InlineCheck({
  label,
  checked,
  onCommit,
  disabled,
}: {
  label: string
  checked: boolean
  onCommit: Commit<boolean>
  disabled?: boolean
}) {
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  return (
    <div className="field field-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={error !== null ? `${id}-error` : undefined}
        onChange={(e) => setError(onCommit(e.target.checked))}
      />
      <label htmlFor={id}>{label}</label>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  )
}

/** A year typed in a field: empty is undefined; otherwise a whole number, or the reason it is not. */
export function parseYear(
  text: string,
  what: string,
): { ok: true; value: number | undefined } | { ok: false; message: string } {
  const t = text.trim()
  if (t === '') return { ok: true, value: undefined }
  if (!/^-?\d+$/.test(t)) return { ok: false, message: `${what} must be a whole number (a year)` }
  return { ok: true, value: Number(t) }
}

/** The first problem of an operation's result as a sentence, or null when it was applied. */
export function problemText(
  r: { ok: true } | { ok: false; problems: readonly { message: string }[] },
): string | null {
  return r.ok ? null : (r.problems[0]?.message ?? 'refused')
}
