/**
 * Helpers for the collab server's Node tests: a server on a free loopback port with its own
 * temporary data folder, clients built with the provider library (@hocuspocus/provider) whose
 * sockets send an Origin, and a raw WebSocket for what a modified client would send.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { HocuspocusProvider } from '@hocuspocus/provider'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { startCollabServer, type CollabServer } from '../../server/collab'
import type { CollabConfig } from '../../server/config'
import { ROOM_BYTES, randomToken, type RoomLinks, type ServerMessage } from '../../src/collab/protocol'
import { randomBytes } from 'node:crypto'

export const ORIGIN = 'http://app.test'

export interface Running {
  readonly server: CollabServer
  readonly url: string
  readonly logs: string[]
  readonly config: CollabConfig
}

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

export async function start(data: string, over: Partial<CollabConfig> = {}, name?: string): Promise<Running> {
  const config: CollabConfig = {
    port: 0,
    host: '127.0.0.1',
    data,
    origins: [ORIGIN],
    redis: null,
    maxMessageBytes: 64 * 1024,
    rate: 500,
    roomsPerHour: 1000,
    ...over,
  }
  const logs: string[] = []
  const server = await startCollabServer(config, { log: (l) => logs.push(l), name })
  return { server, url: `ws://127.0.0.1:${server.port}`, logs, config }
}

/** A ws WebSocket that sends our Origin, as a browser on the app's page would. */
export const withOrigin = (origin: string) =>
  class extends WebSocket {
    constructor(url: string) {
      super(url, { origin })
    }
  }

export const newRoom = () => randomToken(ROOM_BYTES, (a) => new Uint8Array(randomBytes(a.length)))

export interface Client {
  readonly doc: Y.Doc
  readonly provider: HocuspocusProvider
  readonly messages: ServerMessage[]
  readonly closes: number[]
  readonly denied: string[]
  authenticated: boolean
  synced: boolean
  links(): RoomLinks | null
  setToken(t: string): void
  destroy(): void
}

export function connect(url: string, room: string, token: string, origin = ORIGIN): Client {
  const doc = new Y.Doc({ gc: false })
  let current = token
  const c: Client = {
    doc,
    messages: [],
    closes: [],
    denied: [],
    authenticated: false,
    synced: false,
    provider: null as unknown as HocuspocusProvider,
    links() {
      for (let i = c.messages.length - 1; i >= 0; i--) {
        const m = c.messages[i]!
        if (m.type === 'links') return { editor: m.editor, viewer: m.viewer }
      }
      return null
    },
    setToken: (t) => void (current = t),
    destroy() {
      c.provider.destroy()
    },
  }
  ;(c as { provider: HocuspocusProvider }).provider = new HocuspocusProvider({
    url,
    name: room,
    document: doc,
    token: () => current,
    WebSocketPolyfill: withOrigin(origin),
    onAuthenticated: () => void (c.authenticated = true),
    onAuthenticationFailed: ({ reason }) => void c.denied.push(reason),
    onSynced: () => void (c.synced = true),
    onStateless: ({ payload }) => void c.messages.push(JSON.parse(payload) as ServerMessage),
    onClose: ({ event }) => void c.closes.push(event.code),
  } as ConstructorParameters<typeof HocuspocusProvider>[0])
  return c
}

export async function until(what: string, ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 15))
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Makes a room through the server and returns its maker (an editor) and its links. */
export async function makeRoom(url: string): Promise<{ room: string; maker: Client; links: RoomLinks }> {
  const room = newRoom()
  const maker = connect(url, room, 'create')
  await until('the new room', () => maker.links() !== null && maker.synced)
  const links = maker.links()!
  maker.setToken(links.editor)
  return { room, maker, links }
}

/** A raw WebSocket that records every frame it receives and how it closed. */
export async function raw(url: string, origin: string | null = ORIGIN) {
  const ws = new WebSocket(url, origin === null ? {} : { origin })
  const frames: Uint8Array[] = []
  const state = { code: 0, opened: false, status: 0 }
  ws.on('message', (d: Buffer) => frames.push(new Uint8Array(d)))
  ws.on('close', (code) => void (state.code = code))
  ws.on('unexpected-response', (_req, res) => {
    state.status = res.statusCode ?? 0
    ws.terminate()
  })
  ws.on('error', () => undefined)
  await new Promise<void>((resolve) => {
    ws.once('open', () => {
      state.opened = true
      resolve()
    })
    ws.once('close', () => resolve())
  })
  return { ws, frames, state }
}

/** Hocuspocus messages, written by hand (what a modified client could send). */
export const msg = {
  auth(room: string, token: string): Uint8Array {
    const e = encoding.createEncoder()
    encoding.writeVarString(e, room)
    encoding.writeVarUint(e, 2)
    encoding.writeVarUint(e, 0)
    encoding.writeVarString(e, token)
    return encoding.toUint8Array(e)
  },
  syncStep1(room: string, doc: Y.Doc): Uint8Array {
    const e = encoding.createEncoder()
    encoding.writeVarString(e, room)
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc))
    return encoding.toUint8Array(e)
  },
  update(room: string, update: Uint8Array): Uint8Array {
    const e = encoding.createEncoder()
    encoding.writeVarString(e, room)
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, 2)
    encoding.writeVarUint8Array(e, update)
    return encoding.toUint8Array(e)
  },
}

/** The message type of a frame the server sent (0 sync, 1 awareness, 2 auth, …). */
export function typeOf(frame: Uint8Array): number {
  let pos = 0
  const varUint = () => {
    let n = 0
    let shift = 0
    for (;;) {
      const b = frame[pos++]!
      n += (b & 0x7f) * 2 ** shift
      shift += 7
      if (b < 0x80) return n
    }
  }
  const len = varUint()
  pos += len
  return varUint()
}

/** A redis-server of our own on a free port, with its data in a temporary folder. */
export async function startRedis(): Promise<{ port: number; stop: () => Promise<void> }> {
  const { spawn } = await import('node:child_process')
  const port = await freePort()
  const dir = tempDir('collab-redis-')
  const proc = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir.dir, '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let out = ''
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()))
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()))
  let missing = false
  proc.on('error', (e: NodeJS.ErrnoException) => {
    missing = e.code === 'ENOENT'
    out += `${e.message}\n`
  })
  const exited = new Promise<void>((r) => proc.once('exit', () => r()))
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGTERM')
      await Promise.race([exited, sleep(3000)])
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL')
    }
    dir.remove()
  }
  try {
    await until(
      'redis-server to accept connections',
      () => missing || /Ready to accept connections/.test(out),
      10_000,
    )
    if (missing) throw new Error('redis-server is not installed (Debian: apt-get install redis-server)')
  } catch (e) {
    await stop()
    throw new Error(`${(e as Error).message}; redis-server said:\n${out}`, { cause: e })
  }
  return { port, stop }
}
