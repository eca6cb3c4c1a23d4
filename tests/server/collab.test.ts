// @vitest-environment node
/**
 * The collab server with raw clients (the provider library, and bare WebSockets for what a
 * modified client would send): roles, secrets, rotation, origins, limits, malformed data and
 * persistence. Each test makes its own room; the limits tests start servers of their own.
 */
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import {
  connect,
  makeRoom,
  msg,
  newRoom,
  ORIGIN,
  raw,
  sleep,
  start,
  tempDir,
  typeOf,
  until,
  type Client,
  type Running,
} from './helpers'

describe('collab server', { timeout: 30_000 }, () => {
  const tmp = tempDir('collab-test-')
  let s: Running
  const clients: Client[] = []
  const track = (c: Client) => (clients.push(c), c)

  beforeAll(async () => {
    s = await start(tmp.dir)
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await s?.server.close()
    tmp.remove()
  })

  it('makes a room and hands its maker two different secrets of at least 128 bits, stored only as hashes', async () => {
    const { room, maker, links } = await makeRoom(s.url)
    track(maker)
    expect(links.editor).not.toBe(links.viewer)
    for (const secret of [links.editor, links.viewer]) {
      expect(secret).toMatch(/^[A-Za-z0-9_-]+$/)
      expect(secret.length * 6).toBeGreaterThanOrEqual(128)
    }
    // The maker is an editor.
    expect(maker.messages).toContainEqual({ type: 'role', role: 'editor' })
    // What is on disk: the hashes, never the secrets.
    await sleep(100)
    const files = readdirSync(tmp.dir).filter((f) => f.startsWith('secrets.sqlite'))
    const disk = Buffer.concat(files.map((f) => readFileSync(path.join(tmp.dir, f)))).toString('latin1')
    expect(disk).toContain(createHash('sha256').update(links.editor).digest('hex'))
    expect(disk).not.toContain(links.editor)
    expect(disk).not.toContain(links.viewer)
    // A second "create" of the same room is refused.
    const again = track(connect(s.url, room, 'create'))
    await until('refusal', () => again.denied.length > 0)
    expect(again.denied[0]).toBe('the room already exists')
  })

  it('lets editors write and keeps viewers read-only on the server: their writes reach no one', async () => {
    const { room, maker, links } = await makeRoom(s.url)
    track(maker)
    maker.doc.getMap('meta').set('title', 'Desk map')
    const editor = track(connect(s.url, room, links.editor))
    const viewer = track(connect(s.url, room, links.viewer))
    await until('both synced', () => editor.synced && viewer.synced)
    await until('the title everywhere', () => viewer.doc.getMap('meta').get('title') === 'Desk map')
    expect(viewer.messages).toContainEqual({ type: 'role', role: 'viewer' })
    expect(viewer.provider.authorizedScope).toBe('readonly')

    // The viewer's client is modified: it writes anyway.
    viewer.doc.getMap('actors').set('intruder', new Y.Map())
    viewer.doc.getMap('meta').set('title', 'Defaced')
    // An editor's write after it proves the room is still live.
    editor.doc.getMap('meta').set('description', 'after the viewer wrote')
    await until(
      'the editor write at the maker',
      () => maker.doc.getMap('meta').get('description') !== undefined,
    )
    await sleep(300)
    expect(maker.doc.getMap('meta').get('title')).toBe('Desk map')
    expect(maker.doc.getMap('actors').has('intruder')).toBe(false)
    expect(editor.doc.getMap('meta').get('title')).toBe('Desk map')
    const server = s.server.hocuspocus.documents.get(room)!
    expect(server.getMap('meta').get('title')).toBe('Desk map')
    expect(server.getMap('actors').has('intruder')).toBe(false)
    // A newcomer never sees them either.
    const late = track(connect(s.url, room, links.viewer))
    await until('late synced', () => late.synced)
    expect(late.doc.getMap('meta').get('title')).toBe('Desk map')
    expect(late.doc.getMap('actors').has('intruder')).toBe(false)
    // ...while the viewer still sees the editors' changes live (on keys its own forced writes did
    // not touch: locally, a modified client keeps what it wrote).
    editor.doc.getMap('actors').set('iran', new Y.Map())
    await until('the viewer sees it', () => viewer.doc.getMap('actors').has('iran'))
  })

  it('refuses a wrong, missing, malformed or unknown secret before sending any of the room, and logs why without the secret', async () => {
    const { room, maker, links } = await makeRoom(s.url)
    track(maker)
    maker.doc.getMap('meta').set('title', 'Secret plans')
    await sleep(100)
    const wrong = links.editor.slice(0, -4) + (links.editor.endsWith('AAAA') ? 'BBBB' : 'AAAA')
    const cases: [string, string, string][] = [
      [room, wrong, 'wrong secret'],
      [room, '', 'no secret'],
      [room, 'not a secret!', 'the secret is malformed'],
      [newRoom(), links.editor, 'no such room'],
    ]
    for (const [r, token, reason] of cases) {
      const ws = await raw(s.url)
      // What the provider sends: its auth message, then its sync step 1 straight away.
      ws.ws.send(msg.auth(r, token))
      ws.ws.send(msg.syncStep1(r, new Y.Doc()))
      await until(`the refusal (${reason})`, () => ws.frames.length > 0)
      await sleep(150)
      // Only the permission-denied auth message came back: no sync, no awareness.
      expect(ws.frames.map(typeOf)).toEqual([2])
      expect(Buffer.from(ws.frames[0]!).toString('latin1')).toContain(reason)
      ws.ws.close()
    }
    // With the provider: refused, and its document stays empty.
    const p = track(connect(s.url, room, wrong))
    await until('refused', () => p.denied.length > 0)
    expect(p.doc.getMap('meta').size).toBe(0)
    const refusals = s.logs.filter((l) => l.startsWith('refused'))
    expect(refusals.some((l) => l.includes('wrong secret'))).toBe(true)
    expect(refusals.some((l) => l.includes('no such room'))).toBe(true)
    for (const l of s.logs) {
      expect(l).not.toContain(links.editor)
      expect(l).not.toContain(links.viewer)
      expect(l).not.toContain(wrong)
    }
  })

  it('"New links" rotates both secrets: old holders are disconnected and refused, the new links work', async () => {
    const { room, maker, links } = await makeRoom(s.url)
    track(maker)
    maker.doc.getMap('meta').set('title', 'Rotating')
    const oldEditor = track(connect(s.url, room, links.editor))
    const oldViewer = track(connect(s.url, room, links.viewer))
    await until('both synced', () => oldEditor.synced && oldViewer.synced)

    // A viewer may not rotate.
    oldViewer.provider.sendStateless(JSON.stringify({ type: 'rotate' }))
    await until('the viewer refused', () => oldViewer.messages.some((m) => m.type === 'refused'))

    const before = maker.messages.length
    maker.provider.sendStateless(JSON.stringify({ type: 'rotate' }))
    await until('new links', () => maker.messages.length > before && maker.links()?.editor !== links.editor)
    const fresh = maker.links()!
    maker.setToken(fresh.editor)
    expect(fresh.editor).not.toBe(links.editor)
    expect(fresh.viewer).not.toBe(links.viewer)
    await until(
      'old holders disconnected',
      () => oldEditor.closes.includes(4001) && oldViewer.closes.includes(4001),
    )
    // They try again with what they hold, and are refused.
    await until('old holders refused', () => oldEditor.denied.length > 0 && oldViewer.denied.length > 0, 8000)
    // The maker stays connected and live.
    maker.doc.getMap('meta').set('title', 'Rotated')
    const newViewer = track(connect(s.url, room, fresh.viewer))
    await until('the new viewer sees it', () => newViewer.doc.getMap('meta').get('title') === 'Rotated')
    expect(oldEditor.doc.getMap('meta').get('title')).toBe('Rotating')
    const stale = track(connect(s.url, room, links.editor))
    await until('stale link refused', () => stale.denied.length > 0)
    expect(s.logs.some((l) => l.includes('only an editor may renew the links'))).toBe(true)
    expect(s.logs.some((l) => l.includes('disconnected 2 connection(s)'))).toBe(true)
  })

  it('accepts connections only from allowed origins', async () => {
    const bad = await raw(s.url, 'https://evil.example')
    expect(bad.state.opened).toBe(false)
    expect(bad.state.status).toBe(403)
    const none = await raw(s.url, null)
    expect(none.state.opened).toBe(false)
    expect(none.state.status).toBe(403)
    const good = await raw(s.url, ORIGIN)
    expect(good.state.opened).toBe(true)
    good.ws.close()
    expect(s.logs).toContain(
      'refused a connection from 127.0.0.1: origin https://evil.example is not allowed',
    )
    expect(s.logs).toContain('refused a connection from 127.0.0.1: no Origin header')
    // The provider from a wrong origin never authenticates.
    const { room, maker, links } = await makeRoom(s.url)
    track(maker)
    const p = track(connect(s.url, room, links.editor, 'https://evil.example'))
    await sleep(500)
    expect(p.authenticated).toBe(false)
  })

  it('disconnects a client that sends malformed data, and only that client', async () => {
    const { room, maker, links } = await makeRoom(s.url)
    track(maker)
    const other = track(connect(s.url, room, links.editor))
    await until('synced', () => other.synced)
    const bad: [string, (r: string) => Uint8Array | string][] = [
      ['garbage bytes', () => new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])],
      ['a text frame', () => 'hello'],
      ['a broken update', (r) => msg.update(r, new Uint8Array([1, 2, 3, 200, 201, 202]))],
      [
        'an update outside the network',
        (r) => {
          const d = new Y.Doc()
          d.getMap('elsewhere').set('x', 1)
          return msg.update(r, Y.encodeStateAsUpdate(d))
        },
      ],
    ]
    for (const [what, make] of bad) {
      const ws = await raw(s.url)
      ws.ws.send(msg.auth(room, links.editor))
      await until(`auth (${what})`, () => ws.frames.length > 0)
      ws.ws.send(make(room))
      await until(`closed after ${what}`, () => ws.state.code !== 0)
      expect(ws.state.code, what).toBe(4400)
    }
    expect(
      s.logs.filter((l) => l.includes('malformed') || l.includes('text message')).length,
    ).toBeGreaterThanOrEqual(4)
    expect(s.server.hocuspocus.documents.get(room)?.share.has('elsewhere')).toBe(false)
    // The others are unaffected.
    other.doc.getMap('meta').set('title', 'still fine')
    await until('the maker sees it', () => maker.doc.getMap('meta').get('title') === 'still fine')
    expect(other.closes).toEqual([])
  })

  it('persists every room: after a restart the content and the secrets are still there', async () => {
    const dir = tempDir('collab-persist-')
    try {
      let one = await start(dir.dir)
      const { room, maker, links } = await makeRoom(one.url)
      maker.doc.getMap('meta').set('title', 'Kept')
      const actors = maker.doc.getMap('actors')
      const a = new Y.Map()
      a.set('label', 'Iran')
      actors.set('iran', a)
      await sleep(1300) // past the store debounce (maxDebounce 1 s)
      maker.destroy()
      await one.server.close()
      one = await start(dir.dir)
      const back = connect(one.url, room, links.viewer)
      await until('synced after restart', () => back.synced)
      expect(back.doc.getMap('meta').get('title')).toBe('Kept')
      expect((back.doc.getMap('actors').get('iran') as Y.Map<unknown>).get('label')).toBe('Iran')
      back.destroy()
      await one.server.close()
    } finally {
      dir.remove()
    }
  })
})

describe('collab server limits', { timeout: 30_000 }, () => {
  it('closes a client whose message is larger than the cap (1009), and logs it; others are unaffected', async () => {
    const dir = tempDir('collab-size-')
    const s = await start(dir.dir, { maxMessageBytes: 4096 })
    try {
      const { room, maker, links } = await makeRoom(s.url)
      const other = connect(s.url, room, links.editor)
      await until('synced', () => other.synced)
      const ws = await raw(s.url)
      ws.ws.send(msg.auth(room, links.editor))
      await until('auth', () => ws.frames.length > 0)
      const d = new Y.Doc()
      d.getMap('meta').set('description', 'x'.repeat(10_000))
      ws.ws.send(msg.update(room, Y.encodeStateAsUpdate(d)))
      await until('closed', () => ws.state.code !== 0)
      expect(ws.state.code).toBe(1009)
      expect(s.logs.some((l) => l.includes('larger than 4096 bytes'))).toBe(true)
      expect(s.server.hocuspocus.documents.get(room)?.getMap('meta').get('description')).toBeUndefined()
      other.doc.getMap('meta').set('title', 'small is fine')
      await until('the maker sees it', () => maker.doc.getMap('meta').get('title') === 'small is fine')
      maker.destroy()
      other.destroy()
    } finally {
      await s.server.close()
      dir.remove()
    }
  })

  it('caps the rooms one address may make in an hour', async () => {
    const dir = tempDir('collab-rooms-')
    const s = await start(dir.dir, { roomsPerHour: 2 })
    try {
      const made = [await makeRoom(s.url), await makeRoom(s.url)]
      const third = connect(s.url, newRoom(), 'create')
      await until('refused', () => third.denied.length > 0)
      expect(third.denied[0]).toBe('more than 2 new rooms an hour from this address')
      expect(s.logs.some((l) => l.includes('more than 2 new rooms an hour'))).toBe(true)
      for (const m of made) m.maker.destroy()
      third.destroy()
    } finally {
      await s.server.close()
      dir.remove()
    }
  })

  it('closes a client that sends faster than the rate limit (4429); others are unaffected', async () => {
    const dir = tempDir('collab-rate-')
    const s = await start(dir.dir, { rate: 5 })
    try {
      const { room, maker, links } = await makeRoom(s.url)
      const other = connect(s.url, room, links.editor)
      await until('synced', () => other.synced)
      const ws = await raw(s.url)
      ws.ws.send(msg.auth(room, links.editor))
      await until('auth', () => ws.frames.length > 0)
      for (let i = 0; i < 40 && ws.ws.readyState === WebSocket.OPEN; i++)
        ws.ws.send(msg.syncStep1(room, new Y.Doc()))
      await until('closed', () => ws.state.code !== 0)
      expect(ws.state.code).toBe(4429)
      expect(s.logs.some((l) => l.includes('more than 5 messages a second'))).toBe(true)
      await sleep(1000) // the others' buckets refill
      other.doc.getMap('meta').set('title', 'calm')
      await until('the maker sees it', () => maker.doc.getMap('meta').get('title') === 'calm')
      expect(other.closes).toEqual([])
      maker.destroy()
      other.destroy()
    } finally {
      await s.server.close()
      dir.remove()
    }
  })
})
