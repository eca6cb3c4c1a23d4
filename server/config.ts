/**
 * The collab server's settings: each flag (`--port 1234` or `--port=1234`) also reads an
 * environment variable (COLLAB_PORT…); a flag wins over the variable, the variable over the default.
 * Bad values are refused with a sentence naming the flag, never silently replaced by a default.
 */
import path from 'node:path'

export interface CollabConfig {
  readonly port: number
  /** The address to listen on: loopback only unless told otherwise. */
  readonly host: string
  /** The folder that holds rooms.sqlite (documents) and secrets.sqlite (room secrets, hashed). */
  readonly data: string
  /** Origins allowed to connect ("*" for any). A connection without an Origin is refused. */
  readonly origins: readonly string[]
  readonly redis: { readonly host: string; readonly port: number } | null
  /** The largest message a client may send, in bytes. */
  readonly maxMessageBytes: number
  /** Messages per second a connection may send on average (a burst of twice as many is allowed). */
  readonly rate: number
  /** New rooms an address may make per hour (each is stored for good, so this is capped too). */
  readonly roomsPerHour: number
}

export const DEFAULT_ORIGINS = [
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:4173',
  'http://127.0.0.1:4173',
]

interface Option {
  readonly flag: string
  readonly env: string
  readonly help: string
}
export const OPTIONS: Record<keyof CollabConfig, Option> = {
  port: { flag: '--port', env: 'COLLAB_PORT', help: 'port to listen on (default 1234; 0 picks a free one)' },
  host: { flag: '--host', env: 'COLLAB_HOST', help: 'address to listen on (default 127.0.0.1)' },
  data: { flag: '--data', env: 'COLLAB_DATA', help: 'folder for the rooms (default ./collab-data)' },
  origins: {
    flag: '--origins',
    env: 'COLLAB_ORIGINS',
    help: `comma-separated allowed origins, or * (default ${DEFAULT_ORIGINS.join(',')})`,
  },
  redis: { flag: '--redis', env: 'COLLAB_REDIS', help: 'host:port of a Redis shared by several instances' },
  maxMessageBytes: {
    flag: '--max-message-bytes',
    env: 'COLLAB_MAX_MESSAGE_BYTES',
    help: 'largest message accepted (default 5242880, 5 MB)',
  },
  rate: { flag: '--rate', env: 'COLLAB_RATE', help: 'messages per second per connection (default 200)' },
  roomsPerHour: {
    flag: '--rooms-per-hour',
    env: 'COLLAB_ROOMS_PER_HOUR',
    help: 'new rooms one address may make per hour (default 60)',
  },
}

export class ConfigError extends Error {}

export function usage(): string {
  const rows = Object.values(OPTIONS).map((o) => `  ${`${o.flag} (${o.env})`.padEnd(44)} ${o.help}`)
  return `Usage: npm run collab -- [options]\n${rows.join('\n')}`
}

function intIn(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, not "${raw}"`)
  const n = Number(raw)
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, not ${n}`)
  return n
}

export function parseHostPort(name: string, raw: string): { host: string; port: number } {
  const m = /^(.+):(\d+)$/.exec(raw)
  if (m === null)
    throw new ConfigError(`${name} must be host:port (for example 127.0.0.1:6379), not "${raw}"`)
  return { host: m[1]!.replace(/^\[(.*)\]$/, '$1'), port: intIn(`${name}'s port`, m[2]!, 1, 65535) }
}

export function parseOrigins(name: string, raw: string): string[] {
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  if (list.length === 0) throw new ConfigError(`${name} lists no origin`)
  for (const o of list) {
    if (o === '*') continue
    let u: URL
    try {
      u = new URL(o)
    } catch {
      throw new ConfigError(`${name}: "${o}" is not an origin (for example https://maps.example.org)`)
    }
    if (u.origin !== o)
      throw new ConfigError(
        `${name}: "${o}" is not an origin; did you mean "${u.origin}"? (no path, no slash)`,
      )
  }
  return list
}

/** Reads the settings from the command line and the environment. */
export function parseConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): CollabConfig {
  const given = new Map<string, string>()
  const byFlag = new Map(Object.entries(OPTIONS).map(([k, o]) => [o.flag, k]))
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const eq = arg.indexOf('=')
    const flag = eq < 0 ? arg : arg.slice(0, eq)
    const key = byFlag.get(flag)
    if (key === undefined) throw new ConfigError(`unknown option "${arg}"\n${usage()}`)
    let value = eq < 0 ? argv[++i] : arg.slice(eq + 1)
    if (value === undefined || (eq < 0 && value.startsWith('--')))
      throw new ConfigError(`${flag} needs a value`)
    value = value.trim()
    given.set(key, value)
  }
  const raw = (key: keyof CollabConfig): { name: string; value: string } | null => {
    const o = OPTIONS[key]
    const v = given.get(key)
    if (v !== undefined) return { name: o.flag, value: v }
    const e = env[o.env]
    if (e !== undefined && e.trim() !== '') return { name: o.env, value: e.trim() }
    return null
  }
  const port = raw('port')
  const host = raw('host')
  const data = raw('data')
  const origins = raw('origins')
  const redis = raw('redis')
  const size = raw('maxMessageBytes')
  const rate = raw('rate')
  const rooms = raw('roomsPerHour')
  return {
    port: port === null ? 1234 : intIn(port.name, port.value, 0, 65535),
    host: host?.value ?? '127.0.0.1',
    data: path.resolve(cwd, data?.value ?? 'collab-data'),
    origins: origins === null ? DEFAULT_ORIGINS : parseOrigins(origins.name, origins.value),
    redis: redis === null ? null : parseHostPort(redis.name, redis.value),
    maxMessageBytes: size === null ? 5 * 1024 * 1024 : intIn(size.name, size.value, 1024, 256 * 1024 * 1024),
    rate: rate === null ? 200 : intIn(rate.name, rate.value, 1, 100_000),
    roomsPerHour: rooms === null ? 60 : intIn(rooms.name, rooms.value, 1, 1_000_000),
  }
}
