/**
 * Working together, live: "Share live…" and its dialog, joining from a link, the connection
 * status, "People here", and each person's selected actor outlined in their colour on the map.
 * The session behind it is session/live.ts; the server is server/.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { useStore } from 'zustand'
import { parseLinkHash, type LiveLink } from '../../collab/protocol'
import { DEFAULT_SERVER, rememberedName, type Live, type LiveStatus } from '../../session/live'
import { useExplorerContext } from '../context'
import { Modal } from '../edit/NewDialogs'
import './live.css'

const STATUS_TEXT: Record<Exclude<LiveStatus, 'off'>, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  offline: 'Offline — your changes will be sent when the server is back',
  refused: 'Not connected',
}

export { useViewOnly } from './viewOnly'

function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState(false)
  return (
    <div className="field live-link">
      <label htmlFor={id}>{label}</label>
      <div className="live-link-row">
        <input id={id} ref={input} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          aria-label={`Copy ${label.toLowerCase()}`}
          onClick={async () => {
            input.current?.select()
            try {
              await navigator.clipboard.writeText(value)
              setCopied(true)
            } catch {
              // No clipboard permission: the link is selected for Ctrl+C.
              setCopied(false)
            }
          }}
        >
          Copy
        </button>
      </div>
      {copied ? <span className="field-hint">Copied.</span> : null}
    </div>
  )
}

export function ShareDialog({ live, onClose }: { live: Live; onClose: () => void }) {
  const s = useStore(live.state)
  const [server, setServer] = useState(s.server ?? DEFAULT_SERVER)
  const [name, setName] = useState(s.name || rememberedName())
  const serverId = useId()
  const nameId = useId()
  const sharing = s.status !== 'off' && s.status !== 'refused'
  const editor = live.linkOf('editor')
  const viewer = live.linkOf('viewer')
  return (
    <Modal title="Share live" onClose={onClose} className="live-dialog">
      {!sharing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            live.start(server.trim(), name)
          }}
        >
          <p className="field-hint">
            Everyone with a link edits (or watches) this network with you, live, through a collab server your
            team runs (npm run collab). The server can read the network: this is not end-to-end encryption.
          </p>
          <div className="field">
            <label htmlFor={serverId}>Server address</label>
            <input
              id={serverId}
              value={server}
              onChange={(e) => setServer(e.target.value)}
              spellCheck={false}
            />
          </div>
          <div className="field">
            <label htmlFor={nameId}>Your name</label>
            <input
              id={nameId}
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="nickname"
            />
          </div>
          {s.error !== null ? (
            <p className="field-error" role="alert">
              {s.error}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit">Start sharing</button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div>
          <LiveStatusLine />
          {editor === null && viewer === null ? (
            <p className="muted">Making the room…</p>
          ) : (
            <>
              {editor !== null ? <CopyField label="Editor link" value={editor} /> : null}
              {viewer !== null ? <CopyField label="Viewer link" value={viewer} /> : null}
              <p className="field-hint">
                Anyone with the editor link can change this network; the viewer link only shows it. Keep the
                editor link to come back to this room later. The secret is in the part after #, which browsers
                never send to a web server.
              </p>
            </>
          )}
          {s.error !== null ? (
            <p className="field-error" role="alert">
              {s.error}
            </p>
          ) : null}
          <div className="form-actions">
            {s.role === 'editor' ? (
              <button type="button" onClick={() => live.renewLinks()}>
                New links
              </button>
            ) : null}
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      )}
    </Modal>
  )
}

/** Opening a live link: asks for "Your name" (remembered), then joins. */
export function JoinFromLink() {
  const { live } = useExplorerContext()
  const [link, setLink] = useState<LiveLink | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [name, setName] = useState(rememberedName)
  const id = useId()
  useEffect(() => {
    const read = () => {
      try {
        setLink(parseLinkHash(window.location.hash))
        setProblem(null)
      } catch (e) {
        setProblem((e as Error).message)
      }
    }
    read()
    window.addEventListener('hashchange', read)
    return () => window.removeEventListener('hashchange', read)
  }, [])
  if (live === undefined) return null
  if (problem !== null)
    return (
      <Modal title="Join a live map" onClose={() => setProblem(null)}>
        <p role="alert">{problem}</p>
        <div className="form-actions">
          <button type="button" onClick={() => setProblem(null)}>
            Close
          </button>
        </div>
      </Modal>
    )
  if (link === null) return null
  return (
    <Modal title="Join a live map" onClose={() => setLink(null)}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim() === '') return
          const l = link
          setLink(null)
          void live.join(l, name)
        }}
      >
        <p>
          You are joining a network shared live through <code>{link.server}</code>.
        </p>
        <div className="field">
          <label htmlFor={id}>Your name</label>
          <input
            id={id}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="nickname"
            required
          />
        </div>
        <div className="form-actions">
          <button type="submit">Join</button>
          <button type="button" onClick={() => setLink(null)}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  )
}

function LiveStatusLine() {
  const { live } = useExplorerContext()
  const status = useStore(live!.state, (s) => s.status)
  const role = useStore(live!.state, (s) => s.role)
  if (status === 'off') return null
  return (
    <p className={`live-status live-${status}`} role="status">
      <span className="live-dot" aria-hidden="true" />
      {STATUS_TEXT[status]}
      {role === 'viewer' ? <span className="live-viewonly"> · View only</span> : null}
    </p>
  )
}

/** The connection status, "View only" for viewers, "People here" and any refusal. */
export function LiveBar() {
  const { live } = useExplorerContext()
  const status = useStore(live!.state, (s) => s.status)
  const people = useStore(live!.state, (s) => s.people)
  const error = useStore(live!.state, (s) => s.error)
  const headingId = useId()
  if (status === 'off') return null
  return (
    <div className="live-bar">
      <LiveStatusLine />
      {error !== null ? (
        <p className="live-error" role="alert">
          {error}
        </p>
      ) : null}
      <section className="people" aria-labelledby={headingId}>
        <h2 id={headingId}>People here</h2>
        <ul>
          {people.map((p) => (
            <li key={p.clientId}>
              <span className="person-swatch" style={{ background: p.color }} aria-hidden="true" />
              {p.name}
              {p.self ? ' (you)' : ''}
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}

/** Each other person's selected actor, outlined in their colour over the map. */
export function PeerOutlines() {
  const { live, engine } = useExplorerContext()
  const people = useStore(live!.state, (s) => s.people)
  const box = useRef<HTMLDivElement>(null)
  const others = people.filter((p) => !p.self && p.selected !== null)
  useEffect(() => {
    if (others.length === 0) return
    let frame = 0
    const draw = () => {
      frame = requestAnimationFrame(draw)
      const el = box.current
      const e = engine.get()
      if (el === null || e === null) return
      // Rings show only over the map itself (an actor scrolled out of it has none).
      const area = document.querySelector('.graph-area')?.getBoundingClientRect()
      const at = new Map(e.nodes().map((n) => [n.id, n]))
      for (const ring of Array.from(el.children) as HTMLElement[]) {
        const n = at.get(ring.dataset.actor ?? '')
        const inside =
          n !== undefined &&
          area !== undefined &&
          n.x >= area.left &&
          n.x <= area.right &&
          n.y >= area.top &&
          n.y <= area.bottom
        ring.style.display = inside ? '' : 'none'
        if (inside) ring.style.transform = `translate(${n.x}px, ${n.y}px)`
      }
    }
    draw()
    return () => cancelAnimationFrame(frame)
  }, [others.length, engine])
  return (
    <div ref={box} className="peer-outlines" aria-hidden="true">
      {others.map((p) => (
        <div
          key={p.clientId}
          className="peer-ring"
          data-actor={p.selected!}
          data-person={p.name}
          style={{ borderColor: p.color }}
        >
          <span style={{ background: p.color }}>{p.name}</span>
        </div>
      ))}
    </div>
  )
}

/** The room's log: who made each change, and when (newest last). */
export function LiveHistory() {
  const { live } = useExplorerContext()
  const log = useStore(live!.state, (s) => s.log)
  const status = useStore(live!.state, (s) => s.status)
  if (status === 'off') return null
  const time = (t: number) =>
    new Date(t).toLocaleString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
  return (
    <section className="live-history" aria-label="Changes in this room">
      <h3>Changes in this room</h3>
      {log.length === 0 ? (
        <p className="muted">No changes yet.</p>
      ) : (
        <ol>
          {log.slice(-200).map((e, i) => (
            <li key={i}>
              <time dateTime={new Date(e.time).toISOString()}>{time(e.time)}</time>{' '}
              <span className="person-swatch" style={{ background: e.color }} aria-hidden="true" />
              <strong>{e.who}</strong>: {e.label}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
