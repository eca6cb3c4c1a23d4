/**
 * The collab server: Hocuspocus (the Yjs sync server) behind our own HTTP server and `ws`
 * WebSocket server, so that every refusal happens, and is logged with its reason, before a
 * message reaches Hocuspocus:
 *
 *   upgrade    the Origin must be allowed (403 otherwise, no WebSocket at all)
 *   message    binary only, at most maxMessageBytes (ws closes with 1009), at most `rate` a second
 *              on average (closed with 4429), well-formed with updates only to a network's own
 *              top-level types (closed with 4400); only that client's socket is closed
 *   auth       the room's editor or viewer secret (viewers are read-only in Hocuspocus itself:
 *              their updates are dropped, never applied or forwarded), or the creation token for
 *              a room that does not exist yet; refused before any of the room is sent
 *
 * Documents are persisted in <data>/rooms.sqlite (@hocuspocus/extension-sqlite); with --redis,
 * instances share updates, awareness, room secrets and "New links" through Redis
 * (@hocuspocus/extension-redis). Secrets and tokens are never logged.
 */
import { mkdirSync } from 'node:fs'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Duplex } from 'node:stream'
import { Hocuspocus, type Connection, type Extension } from '@hocuspocus/server'
import { SQLite } from '@hocuspocus/extension-sqlite'
import { Redis, type RedisInstance } from '@hocuspocus/extension-redis'
import { WebSocketServer, type WebSocket } from 'ws'
import { COLLECTIONS } from '../src/document/network'
import {
  CLOSE,
  CREATE_TOKEN,
  ROOM_PATTERN,
  SECRET_PATTERN,
  type Role,
  type RoomLinks,
  type ServerMessage,
} from '../src/collab/protocol'
import { COLLAB_ROOTS } from '../src/collab/log'
import type { CollabConfig } from './config'
import { checkMessage, Malformed, rateLimiter } from './guard'
import { newSecrets, redisRooms, roleOf, sqliteRooms, type RoomStore } from './rooms'

export interface CollabServer {
  readonly port: number
  readonly hocuspocus: Hocuspocus<Context>
  /** Stops accepting, closes every connection, stores every room, and releases the files. */
  close(): Promise<void>
}

interface Context {
  ip: string
  role?: Role
  /** The secrets of a room just made, sent once to its maker and then forgotten. */
  links?: RoomLinks
}

/** A refusal: its reason goes to the client (permission-denied) and to the log. */
class Refusal extends Error {
  constructor(readonly reason: string) {
    // No message: Hocuspocus logs hook errors that have one, and the reason is logged here.
    super('')
  }
}

/** The top-level Yjs types a network document has (document/network.ts) and the collab log. */
export const NETWORK_ROOTS: ReadonlySet<string> = new Set(['meta', ...COLLECTIONS, ...COLLAB_ROOTS])

const REDIS_PREFIX = 'alliance-explorer'

export async function startCollabServer(
  config: CollabConfig,
  opts: { log?: (line: string) => void; name?: string } = {},
): Promise<CollabServer> {
  const log = opts.log ?? ((line: string) => console.log(line))
  const refuse = (ip: string, what: string, reason: string) => log(`refused ${what} from ${ip}: ${reason}`)
  mkdirSync(config.data, { recursive: true })

  const extensions: Extension[] = [new SQLite({ database: path.join(config.data, 'rooms.sqlite') })]
  let rooms: RoomStore
  let rotations: RedisInstance | null = null
  if (config.redis !== null) {
    const redis = new Redis({ host: config.redis.host, port: config.redis.port, prefix: REDIS_PREFIX })
    // After the SQLite extension: each machine stores the rooms it serves in its own data folder.
    extensions.push(redis)
    rooms = redisRooms(redis.pub, REDIS_PREFIX)
    rotations = redis.pub.duplicate()
  } else {
    rooms = sqliteRooms(path.join(config.data, 'secrets.sqlite'))
  }
  const rotatedChannel = `${REDIS_PREFIX}:rotated`

  /** Room making, per address: a token bucket of `roomsPerHour` (forgotten once full again). */
  const creators = new Map<string, () => boolean>()
  const mayCreate = (ip: string) => {
    let allow = creators.get(ip)
    if (allow === undefined) {
      if (creators.size > 10_000) creators.clear()
      allow = rateLimiter(config.roomsPerHour / 3600, config.roomsPerHour)
      creators.set(ip, allow)
    }
    return allow()
  }

  const send = (connection: Connection, message: ServerMessage) =>
    connection.sendStateless(JSON.stringify(message))

  /** Disconnects everyone in a room on this instance but `except` (the socket that asked). */
  const disconnectRoom = (room: string, except: string | null) => {
    const doc = hocuspocus.documents.get(room)
    if (doc === undefined) return
    let n = 0
    for (const c of doc.getConnections()) {
      if (c.socketId === except) continue
      ;(c.webSocket as WebSocket).close(CLOSE.rotated.code, CLOSE.rotated.reason)
      n++
    }
    if (n > 0) log(`room ${room}: new links, disconnected ${n} connection(s) holding the old ones`)
  }

  const hocuspocus = new Hocuspocus<Context>({
    name: opts.name ?? null,
    quiet: true,
    // Stored within a second of a change (and at once when the last client leaves).
    debounce: 300,
    maxDebounce: 1000,
    extensions,
    async onAuthenticate({ token, documentName, connectionConfig, context }) {
      const ip = context.ip
      const fail = (reason: string): never => {
        refuse(ip, `room ${ROOM_PATTERN.test(documentName) ? documentName : '(invalid name)'}`, reason)
        throw new Refusal(reason)
      }
      if (!ROOM_PATTERN.test(documentName)) fail('the room name is not valid')
      if (token === CREATE_TOKEN) {
        if (!mayCreate(ip)) fail(`more than ${config.roomsPerHour} new rooms an hour from this address`)
        const { secrets, hashes } = newSecrets()
        if (!(await rooms.create(documentName, hashes))) fail('the room already exists')
        log(`room ${documentName}: created`)
        return { role: 'editor', links: secrets } satisfies Partial<Context>
      }
      if (token === '') fail('no secret')
      if (!SECRET_PATTERN.test(token)) fail('the secret is malformed')
      const hashes = await rooms.get(documentName)
      if (hashes === null) return fail('no such room')
      const role = roleOf(hashes, token)
      if (role === null) return fail('wrong secret (or links renewed since)')
      connectionConfig.readOnly = role === 'viewer'
      return { role } satisfies Partial<Context>
    },
    async connected({ connection, context }) {
      if (context.role !== undefined) send(connection, { type: 'role', role: context.role })
      if (context.links !== undefined) {
        send(connection, { type: 'links', ...context.links })
        delete context.links
        delete connection.context.links
      }
    },
    async onStateless({ connection, documentName, payload }) {
      const ip = (connection.context as Context).ip
      let msg: unknown
      try {
        msg = JSON.parse(payload)
      } catch {
        refuse(ip, `a message in room ${documentName}`, 'not JSON')
        return
      }
      if ((msg as { type?: unknown })?.type !== 'rotate') {
        refuse(ip, `a message in room ${documentName}`, 'unknown message')
        return
      }
      if ((connection.context as Context).role !== 'editor') {
        refuse(ip, `new links for room ${documentName}`, 'only an editor may renew the links')
        send(connection, { type: 'refused', reason: 'Only an editor may make new links.' })
        return
      }
      const { secrets, hashes } = newSecrets()
      await rooms.replace(documentName, hashes)
      send(connection, { type: 'links', ...secrets })
      disconnectRoom(documentName, connection.socketId)
      if (rotations !== null)
        await rotations.publish(rotatedChannel, JSON.stringify({ room: documentName, from: opts.name ?? '' }))
    },
  })

  let rotationSub: RedisInstance | null = null
  if (rotations !== null) {
    rotationSub = rotations.duplicate()
    await rotationSub.subscribe(rotatedChannel)
    rotationSub.on('message', (_channel: string, raw: string) => {
      try {
        const { room } = JSON.parse(raw) as { room: string }
        // The instance that renewed the links has already disconnected its own holders.
        disconnectRoom(room, null)
      } catch {
        log('ignored a malformed rotation notice from Redis')
      }
    })
  }

  const allowAny = config.origins.includes('*')
  const allowed = new Set(config.origins)
  const ipOf = (req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown'

  const http = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('Alliance Explorer collab server (Hocuspocus). Connect with the app.\n')
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes })

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const origin = req.headers.origin
    if (!allowAny && (origin === undefined || !allowed.has(origin))) {
      refuse(
        ipOf(req),
        'a connection',
        origin === undefined ? 'no Origin header' : `origin ${origin} is not allowed`,
      )
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req))
  })

  const accept = (ws: WebSocket, req: IncomingMessage) => {
    const ip = ipOf(req)
    const headers = new Headers()
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v)
    const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { headers })
    const client = hocuspocus.handleConnection(ws, request, { ip })
    const allow = rateLimiter(config.rate, config.rate * 2)
    let closed = false
    const drop = (close: { code: number; reason: string }, why: string) => {
      if (closed) return
      closed = true
      refuse(ip, 'a message', why)
      ws.close(close.code, close.reason)
    }
    ws.on('message', (data, isBinary) => {
      if (closed) return
      if (!isBinary) return drop(CLOSE.malformed, 'a text message (the protocol is binary)')
      if (!allow()) return drop(CLOSE.tooFast, `more than ${config.rate} messages a second`)
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
      const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
      try {
        checkMessage(bytes, NETWORK_ROOTS)
      } catch (e) {
        if (e instanceof Malformed) return drop(CLOSE.malformed, `malformed: ${e.message}`)
        throw e
      }
      client.handleMessage(bytes)
    })
    ws.on('error', (err: Error & { code?: string }) => {
      closed = true
      refuse(
        ip,
        'a message',
        err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
          ? `larger than ${config.maxMessageBytes} bytes`
          : `a broken WebSocket frame (${err.code ?? err.message})`,
      )
    })
    ws.on('close', (code, reason) => {
      closed = true
      client.handleClose({ code, reason: reason.toString() })
    })
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(config.port, config.host, () => {
      http.off('error', reject)
      resolve()
    })
  })
  const port = (http.address() as AddressInfo).port
  let closing: Promise<void> | null = null

  return {
    port,
    hocuspocus,
    close: () =>
      (closing ??= (async () => {
        http.close()
        hocuspocus.closeConnections()
        for (const ws of wss.clients) ws.terminate()
        hocuspocus.flushPendingStores()
        const until = Date.now() + 5000
        while (hocuspocus.getDocumentsCount() > 0 && Date.now() < until) {
          hocuspocus.flushPendingStores()
          await new Promise((r) => setTimeout(r, 20))
        }
        await hocuspocus.hooks('onDestroy', { instance: hocuspocus })
        wss.close()
        if (rotationSub !== null) rotationSub.disconnect()
        if (rotations !== null) rotations.disconnect()
        await rooms.close()
      })()),
  }
}
