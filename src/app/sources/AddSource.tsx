/**
 * "Add source": a document's text, pasted or read from a file (.txt, .md, .html, .pdf), with its
 * metadata prefilled where the file has some, added to the network as one undoable operation.
 * The preview shows the text as text; nothing in it runs or loads.
 */
import { useId, useState } from 'react'
import type { Source } from '../../model/types'
import {
  lengthProblem,
  readSourceFile,
  SourceReadError,
  type ReadSource,
  type SourceMeta,
} from '../../io/sourceFiles'
import { useExplorerContext } from '../context'
import { Modal, idFrom } from '../edit/NewDialogs'
import { FieldError } from '../edit/fields'
import { useSourcesUi } from './ui'

const FIELDS = [
  ['title', 'Title'],
  ['author', 'Author'],
  ['publisher', 'Publisher'],
  ['published', 'Published'],
  ['url', 'URL'],
  ['asOf', 'Describes year'],
] as const

type Form = Record<(typeof FIELDS)[number][0], string>

const fromMeta = (m: SourceMeta): Form => ({
  title: m.title ?? '',
  author: m.author ?? '',
  publisher: m.publisher ?? '',
  published: m.published ?? '',
  url: m.url ?? '',
  asOf: m.asOf !== undefined ? String(m.asOf) : '',
})

export function AddSourceDialog() {
  const open = useSourcesUi((s) => s.add)
  const set = useSourcesUi((s) => s.set)
  if (!open) return null
  return <AddSourceForm onClose={() => set({ add: false })} />
}

function AddSourceForm({ onClose }: { onClose: () => void }) {
  const { index, editing } = useExplorerContext()
  const openReader = useSourcesUi((s) => s.openReader)
  const id = useId()
  const [mode, setMode] = useState<'paste' | 'file'>('paste')
  const [pasted, setPasted] = useState('')
  const [read, setRead] = useState<ReadSource | null>(null)
  const [whole, setWhole] = useState(false)
  const [form, setForm] = useState<Form>(fromMeta({}))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const text = mode === 'paste' ? pasted : read === null ? '' : whole && read.whole ? read.whole : read.text

  const onFile = async (file: File | undefined) => {
    if (file === undefined) return
    setError(null)
    setRead(null)
    setBusy(true)
    try {
      const r = await readSourceFile(file, () => import('./pdf').then((m) => m.loadPdfLib()))
      setRead(r)
      setWhole(false)
      setForm((f) => {
        const m = fromMeta(r.meta)
        return Object.fromEntries(FIELDS.map(([k]) => [k, f[k] || m[k] || ''])) as Form
      })
    } catch (e) {
      setError(
        e instanceof SourceReadError ? e.message : `This file could not be read: ${(e as Error).message}`,
      )
    } finally {
      setBusy(false)
    }
  }

  const add = () => {
    if (editing === undefined) return
    if (text.trim() === '') return setError('There is no text: paste some, or open a file.')
    const long = lengthProblem(text)
    if (long !== null) return setError(long)
    if (form.title.trim() === '') return setError('Give the source a title.')
    const asOf = form.asOf.trim()
    if (asOf !== '' && !/^-?\d{1,4}$/.test(asOf))
      return setError('Describes year must be a whole year, such as 2023.')
    const net = editing.net()
    const sid = idFrom(form.title, {
      has: (x) => index.graph.sources.some((s) => s.id === x) || net?.sources.has(x) === true,
    })
    const source: Source = {
      id: sid,
      title: form.title.trim(),
      ...(form.author.trim() ? { author: form.author.trim() } : {}),
      ...(form.publisher.trim() ? { publisher: form.publisher.trim() } : {}),
      ...(form.published.trim() ? { published: form.published.trim() } : {}),
      ...(form.url.trim() ? { url: form.url.trim() } : {}),
      ...(asOf !== '' ? { asOf: Number(asOf) } : {}),
      text,
    }
    const r = editing.apply({ op: 'addSource', source })
    if (!r.ok) return setError(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '))
    onClose()
    openReader({ source: sid })
  }

  return (
    <Modal title="Add source" onClose={onClose} className="add-source">
      <form
        className="edit-form"
        onSubmit={(e) => {
          e.preventDefault()
          add()
        }}
      >
        <fieldset>
          <legend>Text</legend>
          <label className="check">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'paste'}
              onChange={() => setMode('paste')}
            />
            Paste text
          </label>
          <label className="check">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'file'}
              onChange={() => setMode('file')}
            />
            Open file…
          </label>
        </fieldset>
        {mode === 'paste' ? (
          <div className="field">
            <label htmlFor={`${id}-text`}>Text to add</label>
            <textarea
              id={`${id}-text`}
              rows={8}
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              onPaste={(e) => {
                const t = e.clipboardData.getData('text')
                const long = lengthProblem(pasted + t)
                if (long !== null) {
                  e.preventDefault()
                  setError(long)
                }
              }}
            />
          </div>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-file`}>File (.txt, .md, .html, .pdf; at most 20 MB)</label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf"
              onChange={(e) => void onFile(e.target.files?.[0])}
            />
            {busy ? <p role="status">Reading the file…</p> : null}
            {read?.note !== undefined ? <p role="status">{read.note}</p> : null}
            {read?.whole !== undefined && read.whole !== read.text ? (
              <label className="check">
                <input type="checkbox" checked={whole} onChange={(e) => setWhole(e.target.checked)} />
                Use the whole page’s text instead of the extracted article
              </label>
            ) : null}
            {read !== null ? (
              <div className="source-preview" aria-label="Preview of the text" role="region" tabIndex={0}>
                {text
                  .slice(0, 4000)
                  .split(/\n\s*\n/)
                  .map((p, i) => (
                    <p key={i}>{p}</p>
                  ))}
                {text.length > 4000 ? (
                  <p className="muted">… {(text.length - 4000).toLocaleString('en')} more characters</p>
                ) : null}
              </div>
            ) : null}
          </div>
        )}
        {FIELDS.map(([k, label]) => (
          <div className="field" key={k}>
            <label htmlFor={`${id}-${k}`}>{label}</label>
            <input
              id={`${id}-${k}`}
              value={form[k]}
              inputMode={k === 'asOf' ? 'numeric' : undefined}
              placeholder={k === 'published' ? 'YYYY, YYYY-MM or YYYY-MM-DD' : undefined}
              onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))}
            />
          </div>
        ))}
        <FieldError id={`${id}-error`} error={error} />
        <p className="form-actions">
          <button type="submit" disabled={busy}>
            Add
          </button>{' '}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </p>
      </form>
    </Modal>
  )
}
