import { useState } from 'react'
import { useStore } from 'zustand'
import { problemLine } from '../io/loadGraph'
import type { Problem } from '../model/types'
import type { Session } from '../session/session'

const SHOWN = 100

const STAGE: Record<string, string> = {
  reading: 'Reading',
  parsing: 'Parsing',
  validating: 'Checking',
  done: 'Done',
}

export function reportText(name: string, errors: readonly Problem[], warnings: readonly Problem[]): string {
  return [
    `Could not open ${name}: ${errors.length} problem${errors.length === 1 ? '' : 's'}`,
    ...errors.map(problemLine),
    ...(warnings.length > 0 ? ['', `Warnings (${warnings.length}):`, ...warnings.map(problemLine)] : []),
  ].join('\n')
}

/** What the user must know about opening and keeping datasets: progress, problems, assumptions. */
export function Notices({ session }: { session: Session }) {
  const importing = useStore(session.state, (s) => s.importing)
  const report = useStore(session.state, (s) => s.report)
  const notes = useStore(session.state, (s) => s.notes)
  const storageError = useStore(session.state, (s) => s.storageError)
  const [copied, setCopied] = useState<string | null>(null)
  if (importing === null && report === null && notes === null && storageError === null) return null
  return (
    <div className="notices">
      {importing !== null ? (
        <div className="notice notice-progress">
          <label>
            {STAGE[importing.progress.stage] ?? 'Opening'} {importing.name}…{' '}
            {importing.progress.rows !== undefined
              ? `${importing.progress.rows.toLocaleString('en')} rows read `
              : null}
            <progress max={1} value={importing.progress.fraction} aria-label={`Opening ${importing.name}`} />
          </label>
        </div>
      ) : null}
      {report !== null ? (
        <div className="notice notice-error" role="alert">
          <h2>
            Could not open {report.name}: {report.errors.length} problem
            {report.errors.length === 1 ? '' : 's'}
          </h2>
          <p>The network on screen has not changed.</p>
          <ol className="problems">
            {report.errors.slice(0, SHOWN).map((p, i) => (
              <li key={i}>
                {p.path === '(file)' ? null : (
                  <>
                    <code>{p.path}</code>:{' '}
                  </>
                )}
                {p.message}
              </li>
            ))}
          </ol>
          {report.errors.length > SHOWN ? <p>and {report.errors.length - SHOWN} more</p> : null}
          <div className="notice-actions">
            <button
              type="button"
              onClick={() => {
                const text = reportText(report.name, report.errors, report.warnings)
                navigator.clipboard.writeText(text).then(
                  () => setCopied('The full report is on the clipboard.'),
                  () => setCopied('The clipboard is not available here; select the list above to copy it.'),
                )
              }}
            >
              Copy full report
            </button>
            <button type="button" onClick={() => (setCopied(null), session.dismissReport())}>
              Dismiss
            </button>
            {copied !== null ? <span role="status">{copied}</span> : null}
          </div>
        </div>
      ) : null}
      {notes !== null ? (
        <div className="notice notice-info" role="status">
          <h2>Opened {notes.name}. What was assumed:</h2>
          <ul>
            {notes.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
          <button type="button" onClick={() => session.dismissNotes()}>
            Dismiss
          </button>
        </div>
      ) : null}
      {storageError !== null ? (
        <div className="notice notice-warning" role="alert">
          <p>Could not keep your work in this browser: {storageError}.</p>
          <button type="button" onClick={() => session.dismissStorageError()}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  )
}
