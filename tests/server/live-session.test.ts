// @vitest-environment node
/**
 * The app's live session (session/live.ts) against the real collab server, in Node: two editing
 * sessions share one room. Concurrent edits to different fields all survive; two concurrent edits of
 * one field resolve the same way on both, and the room's history lists both with their authors; undo
 * takes back only one's own change; a client killed in the middle of an edit leaves the room and the
 * others unaffected.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEditing, type Editing } from '../../src/session/editing'
import { createLive, type Live } from '../../src/session/live'
import { createExplorerStore } from '../../src/state/store'
import { parseGraphText } from '../../src/model/parse'
import type { Graph } from '../../src/model/types'
import { parseLinkHash } from '../../src/collab/protocol'
import { msg, ORIGIN, raw, sleep, start, tempDir, until, withOrigin, type Running } from './helpers'
import * as Y from 'yjs'

const parsed = parseGraphText(readFileSync('data/iran-azerbaijan.json', 'utf8'))
if (!parsed.ok) throw new Error('the bundled network does not validate')
const bundled: Graph = parsed.graph

interface Peer {
  editing: Editing
  live: Live
  shown: () => Graph | null
}
function peer(graph: Graph | null): Peer {
  let shown: Graph | null = graph
  const explorer = createExplorerStore()
  const editing = createEditing({ current: () => shown, show: (g) => void (shown = g), explorer })
  const live = createLive({
    editing,
    explorer,
    base: () => 'http://app.test/',
    WebSocketPolyfill: withOrigin(ORIGIN),
  })
  return { editing, live, shown: () => shown }
}

describe('the live session with the collab server', { timeout: 30_000 }, () => {
  const tmp = tempDir('collab-live-')
  let s: Running
  const peers: Peer[] = []
  beforeAll(async () => {
    // The bundled network is one message of about 100 kB when first shared.
    s = await start(tmp.dir, { maxMessageBytes: 5 * 1024 * 1024 })
  })
  afterAll(async () => {
    for (const p of peers) p.live.destroy()
    await s?.server.close()
    tmp.remove()
  })

  it('concurrent edits merge, the same field resolves alike everywhere, history names both, undo is one’s own', async () => {
    const ana = peer(bundled)
    peers.push(ana)
    ana.live.start(s.url, 'Ana')
    await until(
      'the room',
      () => ana.live.state.getState().status === 'live' && ana.live.linkOf('editor') !== null,
    )
    const link = parseLinkHash(new URL(ana.live.linkOf('editor')!).hash)!
    const bo = peer(null)
    peers.push(bo)
    await bo.live.join(link, 'Bo')
    await until('Bo sees the network', () => bo.shown()?.actors.length === bundled.actors.length)
    await until(
      'both see both',
      () => ana.live.state.getState().people.length === 2 && bo.live.state.getState().people.length === 2,
    )

    const [first, second] = bundled.actors as [Graph['actors'][number], Graph['actors'][number]]
    // In one tick, before either hears of the other: concurrent.
    expect(
      ana.editing.apply({ op: 'updateActor', id: first.id, patch: { description: 'Ana was here' } }).ok,
    ).toBe(true)
    expect(
      bo.editing.apply({ op: 'updateActor', id: second.id, patch: { description: 'Bo was here' } }).ok,
    ).toBe(true)
    expect(ana.editing.apply({ op: 'updateActor', id: first.id, patch: { label: 'Label by Ana' } }).ok).toBe(
      true,
    )
    expect(bo.editing.apply({ op: 'updateActor', id: first.id, patch: { label: 'Label by Bo' } }).ok).toBe(
      true,
    )
    const actorOf = (p: Peer, id: string) => p.editing.graph().actors.find((a) => a.id === id)!
    await until(
      'both hold both descriptions',
      () =>
        actorOf(ana, second.id).description === 'Bo was here' &&
        actorOf(bo, first.id).description === 'Ana was here' &&
        ana.live.state.getState().log.length === 4 &&
        bo.live.state.getState().log.length === 4,
    )
    await until('one label everywhere', () => actorOf(ana, first.id).label === actorOf(bo, first.id).label)
    expect(['Label by Ana', 'Label by Bo']).toContain(actorOf(ana, first.id).label)
    expect(actorOf(ana, first.id).description).toBe('Ana was here')
    const log = bo.live.state.getState().log
    expect(log.filter((e) => e.who === 'Ana').map((e) => e.label)).toHaveLength(2)
    expect(log.filter((e) => e.who === 'Bo').map((e) => e.label)).toHaveLength(2)
    expect(log.some((e) => e.who === 'Ana' && /Label by Ana/.test(e.label))).toBe(true)
    expect(log.some((e) => e.who === 'Bo' && /Label by Bo/.test(e.label))).toBe(true)

    // Bo undoes his last step (his label): Ana's description stays, Bo's own description stays.
    expect(bo.editing.undo()).not.toBeNull()
    await until('the undo logged everywhere', () =>
      ana.live.state.getState().log.some((e) => e.who === 'Bo' && e.label.startsWith('Undo:')),
    )
    await sleep(200)
    expect(actorOf(ana, first.id).description).toBe('Ana was here')
    expect(actorOf(ana, second.id).description).toBe('Bo was here')
    expect(actorOf(bo, first.id).label).toBe(actorOf(ana, first.id).label)
  })

  it('a client killed in the middle of an edit leaves the room and the others unaffected', async () => {
    const ana = peer(bundled)
    peers.push(ana)
    ana.live.start(s.url, 'Ana')
    await until(
      'the room',
      () => ana.live.state.getState().status === 'live' && ana.live.linkOf('editor') !== null,
    )
    const link = parseLinkHash(new URL(ana.live.linkOf('editor')!).hash)!
    const bo = peer(null)
    peers.push(bo)
    await bo.live.join(link, 'Bo')
    await until('Bo sees the network', () => bo.shown()?.actors.length === bundled.actors.length)
    // A third client sends the start of an update and dies before the rest of the frame.
    const ws = await raw(s.url)
    ws.ws.send(msg.auth(link.room, link.secret))
    await until('auth', () => ws.frames.length > 0)
    const d = new Y.Doc()
    d.getMap('meta').set('title', 'half written')
    const frame = msg.update(link.room, Y.encodeStateAsUpdate(d))
    const sock = (ws.ws as unknown as { _socket: import('node:net').Socket })._socket
    // A WebSocket frame header announcing the whole message, then only half of it, then death.
    const header = Buffer.from([0x82, 0x80 | frame.length, 0, 0, 0, 0])
    sock.write(Buffer.concat([header, Buffer.from(frame.subarray(0, frame.length >> 1))]))
    sock.destroy()
    await sleep(200)
    expect(
      ana.editing.apply({
        op: 'updateActor',
        id: bundled.actors[0]!.id,
        patch: { description: 'after the crash' },
      }).ok,
    ).toBe(true)
    await until('Bo sees it', () => bo.editing.graph().actors[0]?.description === 'after the crash')
    expect(bo.editing.graph().title).toBe(bundled.title)
    expect(s.server.hocuspocus.documents.get(link.room)?.getMap('meta').get('title')).toBe(bundled.title)
    expect(ana.live.state.getState().status).toBe('live')
    expect(bo.live.state.getState().status).toBe('live')
  })
})
