/**
 * What the app and the collab server (server/) agree on: the room names, the secrets, the token
 * sent in the sync protocol's authentication message, the stateless messages, and the links.
 *
 * A link carries everything in its fragment (`#live=…`): the server address, the room and the
 * secret. A browser never sends the fragment to a web server, so the secret stays out of request
 * logs; the page sends it to the sync server itself, in Hocuspocus's authentication message.
 */

/** A room name or a secret: base64url characters only. Rooms are 128-bit random. */
export const ROOM_PATTERN = /^[A-Za-z0-9_-]{22,64}$/
/** Secrets are 256-bit random (43 base64url characters); shorter ones are refused. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{22,128}$/
export const SECRET_BYTES = 32
export const ROOM_BYTES = 16

/** The token that asks the server to make a new room (refused when the room already exists). */
export const CREATE_TOKEN = 'create'

export type Role = 'editor' | 'viewer'

/** A room's two secrets (what the links carry). */
export interface RoomLinks {
  readonly editor: string
  readonly viewer: string
}

/** Stateless messages, as JSON. Client → server: `rotate`. Server → client: `links`, `refused`. */
export type ServerMessage =
  | { readonly type: 'links'; readonly editor: string; readonly viewer: string }
  | { readonly type: 'role'; readonly role: Role }
  | { readonly type: 'refused'; readonly reason: string }
export type ClientMessage = { readonly type: 'rotate' }

/** Why the server closes a socket (WebSocket close codes in the private 4000–4999 range). */
export const CLOSE = {
  rotated: { code: 4001, reason: 'links renewed' },
  malformed: { code: 4400, reason: 'malformed message' },
  tooFast: { code: 4429, reason: 'too many messages' },
} as const

export function base64url(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

export function randomToken(bytes: number, random: (a: Uint8Array) => Uint8Array): string {
  return base64url(random(new Uint8Array(bytes)))
}

export interface LiveLink {
  readonly server: string
  readonly room: string
  readonly secret: string
}

const PREFIX = 'live='

/** The app's address with the live fragment: `https://app/#live=<server>~<room>~<secret>` (escaped). */
export function formatLink(base: string, link: LiveLink): string {
  const u = new URL(base)
  u.hash = `${PREFIX}${encodeURIComponent(link.server)}~${link.room}~${link.secret}`
  return u.toString()
}

/** Reads a live fragment (`#live=…`), or null when the fragment is not one. Throws on a broken one. */
export function parseLinkHash(hash: string): LiveLink | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash
  if (!h.startsWith(PREFIX)) return null
  const parts = h.slice(PREFIX.length).split('~')
  if (parts.length !== 3)
    throw new Error('This live link is incomplete: copy it again from the person who shared it.')
  const [rawServer, room, secret] = parts as [string, string, string]
  let server: string
  try {
    server = decodeURIComponent(rawServer)
  } catch {
    throw new Error('This live link is damaged (its server address cannot be read).')
  }
  const problem = serverAddressProblem(server)
  if (problem !== null) throw new Error(`This live link is damaged: ${problem}`)
  if (!ROOM_PATTERN.test(room)) throw new Error('This live link is damaged (its room is not valid).')
  if (!SECRET_PATTERN.test(secret)) throw new Error('This live link is damaged (its secret is not valid).')
  return { server, room, secret }
}

/** Null when the address is a ws:// or wss:// URL, else the sentence to show. */
export function serverAddressProblem(address: string): string | null {
  let u: URL
  try {
    u = new URL(address)
  } catch {
    return `"${address}" is not an address (for example ws://127.0.0.1:1234).`
  }
  if (u.protocol !== 'ws:' && u.protocol !== 'wss:')
    return `the server address must start with ws:// or wss://, not ${u.protocol}//.`
  return null
}
