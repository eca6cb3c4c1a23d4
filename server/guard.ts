/**
 * Checks on every message a client sends, before Hocuspocus sees it: the rate (a token bucket per
 * connection) and the shape (each part of the message decodes, and a document update writes only
 * to the network's own top-level types). A message that fails closes that client's socket only.
 */
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

/** Hocuspocus's message types (server/src/types.ts, MessageType). */
const SYNC = 0
const AWARENESS = 1
const AUTH = 2
const QUERY_AWARENESS = 3
const SYNC_REPLY = 4
const STATELESS = 5
const BROADCAST_STATELESS = 6
const CLOSE = 7
const PING = 9
const PONG = 10

export class Malformed extends Error {}

/**
 * Throws Malformed, saying what is wrong, unless `data` is a well-formed client message whose
 * document updates write only to `roots`.
 */
export function checkMessage(data: Uint8Array, roots: ReadonlySet<string>): void {
  const d = decoding.createDecoder(data)
  const read = <T>(what: string, f: () => T): T => {
    try {
      return f()
    } catch {
      throw new Malformed(`cannot read the ${what}`)
    }
  }
  read('document name', () => decoding.readVarString(d))
  const type = read('message type', () => decoding.readVarUint(d))
  switch (type) {
    case SYNC:
    case SYNC_REPLY: {
      const step = read('sync step', () => decoding.readVarUint(d))
      const body = read('sync payload', () => decoding.readVarUint8Array(d))
      if (step === 0) read('state vector', () => Y.decodeStateVector(body))
      else if (step === 1 || step === 2) checkUpdate(body, roots)
      else throw new Malformed(`unknown sync step ${step}`)
      return
    }
    case AWARENESS: {
      const body = read('awareness update', () => decoding.readVarUint8Array(d))
      const a = decoding.createDecoder(body)
      const n = read('awareness update', () => decoding.readVarUint(a))
      for (let i = 0; i < n; i++) {
        read('awareness update', () => {
          decoding.readVarUint(a)
          decoding.readVarUint(a)
          JSON.parse(decoding.readVarString(a))
        })
      }
      return
    }
    case AUTH:
      read('authentication message', () => {
        decoding.readVarUint(d)
        decoding.readVarString(d)
      })
      return
    case STATELESS:
      read('stateless message', () => decoding.readVarString(d))
      return
    case QUERY_AWARENESS:
    case CLOSE:
    case PING:
    case PONG:
      return
    case BROADCAST_STATELESS:
      throw new Malformed('clients may not broadcast stateless messages')
    default:
      throw new Malformed(`unknown message type ${type}`)
  }
}

function checkUpdate(update: Uint8Array, roots: ReadonlySet<string>): void {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    throw new Malformed('cannot read the document update')
  }
  for (const s of decoded.structs) {
    // An item carries its parent only when it has no neighbour to inherit it from; a top-level
    // parent is named by a string.
    // parent is typed as a type or an id, but a decoded update names top-level types by string.
    const parent = s instanceof Y.Item ? (s.parent as unknown) : null
    if (typeof parent === 'string' && !roots.has(parent))
      throw new Malformed(`the update writes to "${parent.slice(0, 40)}", which is not part of a network`)
  }
}

/** A token bucket: `rate` messages a second on average, bursts up to `burst`. */
export function rateLimiter(rate: number, burst: number, now: () => number = Date.now) {
  let tokens = burst
  let last = now()
  return (): boolean => {
    const t = now()
    tokens = Math.min(burst, tokens + ((t - last) / 1000) * rate)
    last = t
    if (tokens < 1) return false
    tokens -= 1
    return true
  }
}
