/**
 * Room secrets, kept by the server as SHA-256 hashes only: a copy of the data folder (or of Redis)
 * does not hold a working link. Secrets are 256-bit random, so a plain hash is enough (a slow
 * password hash is for guessable secrets). Comparison is constant-time.
 *
 * One machine keeps them in secrets.sqlite; several machines share them through Redis, so a room
 * made on one instance opens on another and "New links" takes effect everywhere.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import BetterSqlite3 from 'better-sqlite3'
import type { RedisInstance } from '@hocuspocus/extension-redis'
import { base64url, SECRET_BYTES, type Role } from '../src/collab/protocol'

export interface RoomHashes {
  readonly editor: string
  readonly viewer: string
}

export interface RoomSecrets {
  readonly editor: string
  readonly viewer: string
}

export interface RoomStore {
  get(room: string): Promise<RoomHashes | null>
  /** Stores a new room; false when the room already exists. */
  create(room: string, hashes: RoomHashes): Promise<boolean>
  replace(room: string, hashes: RoomHashes): Promise<void>
  close(): Promise<void>
}

export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex')

export function newSecrets(): { secrets: RoomSecrets; hashes: RoomHashes } {
  const secrets = {
    editor: base64url(randomBytes(SECRET_BYTES)),
    viewer: base64url(randomBytes(SECRET_BYTES)),
  }
  return { secrets, hashes: { editor: hashSecret(secrets.editor), viewer: hashSecret(secrets.viewer) } }
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a, 'hex')
  const y = Buffer.from(b, 'hex')
  return x.length === y.length && timingSafeEqual(x, y)
}

/** The role a secret opens, or null. */
export function roleOf(hashes: RoomHashes, secret: string): Role | null {
  const h = hashSecret(secret)
  if (same(h, hashes.editor)) return 'editor'
  if (same(h, hashes.viewer)) return 'viewer'
  return null
}

export function sqliteRooms(file: string): RoomStore {
  const db = new BetterSqlite3(file)
  db.pragma('journal_mode = WAL')
  db.exec(`CREATE TABLE IF NOT EXISTS rooms (
    name TEXT PRIMARY KEY, editor TEXT NOT NULL, viewer TEXT NOT NULL, updated INTEGER NOT NULL)`)
  const select = db.prepare<[string], RoomHashes>('SELECT editor, viewer FROM rooms WHERE name = ?')
  const insert = db.prepare('INSERT OR IGNORE INTO rooms (name, editor, viewer, updated) VALUES (?, ?, ?, ?)')
  const update = db.prepare('UPDATE rooms SET editor = ?, viewer = ?, updated = ? WHERE name = ?')
  return {
    get: async (room) => select.get(room) ?? null,
    create: async (room, h) => insert.run(room, h.editor, h.viewer, Date.now()).changes === 1,
    replace: async (room, h) => void update.run(h.editor, h.viewer, Date.now(), room),
    close: async () => void db.close(),
  }
}

export function redisRooms(redis: RedisInstance, prefix: string): RoomStore {
  const key = (room: string) => `${prefix}:room:${room}`
  return {
    async get(room) {
      const h = await redis.hgetall(key(room))
      return typeof h.editor === 'string' && typeof h.viewer === 'string'
        ? { editor: h.editor, viewer: h.viewer }
        : null
    },
    async create(room, h) {
      // HSETNX on one field makes the creation atomic across instances.
      const won = await redis.hsetnx(key(room), 'editor', h.editor)
      if (won !== 1) return false
      await redis.hset(key(room), 'viewer', h.viewer)
      return true
    },
    async replace(room, h) {
      await redis.hset(key(room), 'editor', h.editor, 'viewer', h.viewer)
    },
    close: async () => undefined,
  }
}
