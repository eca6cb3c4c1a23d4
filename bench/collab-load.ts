/**
 * `npm run collab:load`: a load measurement of the collab server (not a test; nothing asserts a
 * time). It starts the server (`server/main.ts`, its own process, so its CPU and memory are its
 * own), makes a room of the bundled network, and joins it with 20 Node clients (the provider
 * library). Each client makes 100 random edits through the editor's operations (an actor's
 * description or a relation's stance, plus the room's log entry, as the app writes them). Then:
 *
 *   propagation  per edit, the time until every other client has it (median, p95), read from
 *                the log entry's arrival (an append is never overwritten, so every arrival is seen)
 *   convergence  from the last edit sent until every client holds every edit and all 20 states
 *                are identical
 *   server       peak resident memory, and CPU time over the run as a share of one core
 *
 * Then the same with 2 instances sharing a redis-server (started here, on a free port), the
 * clients alternating between them. Settings: LOAD_CLIENTS (20), LOAD_EDITS (100),
 * LOAD_INTERVAL_MS (50, the pause between one client's edits, jittered ±50 %).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { HocuspocusProvider } from '@hocuspocus/provider'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { logOf } from '../src/collab/log'
import { CREATE_TOKEN, ROOM_BYTES, randomToken, type ServerMessage } from '../src/collab/protocol'
import { createEditor } from '../src/document/editor'
import { createNetworkDoc, fillFromGraph } from '../src/document/network'
import { parseGraphText } from '../src/model/parse'
import type { Stance } from '../src/model/types'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 20)
const EDITS = Number(process.env.LOAD_EDITS ?? 100)
const INTERVAL = Number(process.env.LOAD_INTERVAL_MS ?? 50)
const ORIGIN = 'http://load.test'
const STANCES: Stance[] = ['cooperative', 'hostile', 'neutral']

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
async function until(what: string, ok: () => boolean, ms = 60_000) {
  const end = Date.now() + ms
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(5)
  }
}
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}

class Proc {
  out = ''
  peakRss = 0
  private timer: NodeJS.Timeout | null = null
  constructor(readonly proc: ChildProcess) {
    proc.stdout?.on('data', (d: Buffer) => (this.out += d.toString()))
    proc.stderr?.on('data', (d: Buffer) => (this.out += d.toString()))
  }
  /** CPU seconds used so far (user + system), from /proc. */
  cpu(): number {
    const stat = readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(f[11]) + Number(f[12])) / 100 // clock ticks (USER_HZ = 100 on Linux)
  }
  rss(): number {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : 0
  }
  watch() {
    this.timer = setInterval(() => (this.peakRss = Math.max(this.peakRss, this.rss())), 100)
  }
  async stop() {
    if (this.timer) clearInterval(this.timer)
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return
    const exited = new Promise((r) => this.proc.once('exit', r))
    this.proc.kill('SIGTERM')
    await Promise.race([exited, sleep(5000)])
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL')
  }
}

async function startServer(data: string, redis: number | null): Promise<{ p: Proc; url: string }> {
  const port = await freePort()
  const args = [
    '--import',
    'tsx',
    'server/main.ts',
    '--port',
    String(port),
    '--data',
    data,
    '--origins',
    ORIGIN,
  ]
  if (redis !== null) args.push('--redis', `127.0.0.1:${redis}`)
  // A rate well above the clients' own, so the measurement is not the rate limit's.
  const p = new Proc(
    spawn(process.execPath, [...args, '--rate', '1000'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }),
  )
  await until('the collab server', () => p.out.includes('listening'), 20_000)
  return { p, url: `ws://127.0.0.1:${port}` }
}

async function startRedis(dir: string): Promise<{ p: Proc; port: number }> {
  const port = await freePort()
  const p = new Proc(
    spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ),
  )
  await until('redis-server', () => p.out.includes('Ready to accept connections'), 10_000)
  return { p, port }
}

const Socket = class extends WebSocket {
  constructor(url: string) {
    super(url, { origin: ORIGIN })
  }
}

interface LoadClient {
  doc: Y.Doc
  provider: HocuspocusProvider
  synced: boolean
  messages: ServerMessage[]
  /** Arrival time of each edit's log entry, by its label. */
  seen: Map<string, number>
}

function client(url: string, room: string, token: () => string, doc = createNetworkDoc().doc): LoadClient {
  const c: LoadClient = {
    doc,
    synced: false,
    messages: [],
    seen: new Map(),
    provider: null as unknown as HocuspocusProvider,
  }
  logOf(doc).observe((e) => {
    const t = performance.now()
    for (const d of e.changes.delta)
      for (const entry of (d.insert as { label?: string }[] | undefined) ?? [])
        if (typeof entry?.label === 'string' && !c.seen.has(entry.label)) c.seen.set(entry.label, t)
  })
  c.provider = new HocuspocusProvider({
    url,
    name: room,
    document: doc,
    token,
    WebSocketPolyfill: Socket,
    onSynced: () => void (c.synced = true),
    onStateless: ({ payload }) => void c.messages.push(JSON.parse(payload) as ServerMessage),
  } as ConstructorParameters<typeof HocuspocusProvider>[0])
  return c
}

interface Result {
  setup: string
  clients: number
  edits: number
  propagationMedianMs: number
  propagationP95Ms: number
  convergenceMs: number
  lost: number
  identical: boolean
  servers: { peakRssMB: number; cpuShare: number }[]
  editSeconds: number
}

async function run(setup: 'one' | 'two', urls: string[], servers: Proc[]): Promise<Result> {
  const text = readFileSync(path.join(ROOT, 'data', 'iran-azerbaijan.json'), 'utf8')
  const parsed = parseGraphText(text)
  if (!parsed.ok) throw new Error('the bundled network does not validate')
  const graph = parsed.graph

  // The room: made by a first client that fills it with the bundled network.
  const room = randomToken(ROOM_BYTES, (a) => new Uint8Array(randomBytes(a.length)))
  const net = createNetworkDoc()
  fillFromGraph(net, graph)
  let token = CREATE_TOKEN
  const maker = client(urls[0]!, room, () => token, net.doc)
  await until('the room', () => maker.synced && maker.messages.some((m) => m.type === 'links'))
  const links = maker.messages.find((m) => m.type === 'links') as Extract<ServerMessage, { type: 'links' }>
  token = links.editor

  const clients: LoadClient[] = []
  for (let i = 0; i < CLIENTS; i++) clients.push(client(urls[i % urls.length]!, room, () => links.editor))
  await until('every client synced', () =>
    clients.every((c) => c.synced && c.doc.getMap('actors').size === graph.actors.length),
  )
  maker.provider.destroy()

  const actorIds = graph.actors.map((a) => a.id)
  const relationIds = graph.relations.map((r) => r.id)
  const sent = new Map<string, number>()
  const cpu0 = servers.map((s) => s.cpu())
  const t0 = performance.now()
  let lastSent = 0
  await Promise.all(
    clients.map(async (c, i) => {
      const editor = createEditor({
        doc: c.doc,
        meta: c.doc.getMap('meta'),
        types: c.doc.getMap('types'),
        sources: c.doc.getMap('sources'),
        actors: c.doc.getMap('actors'),
        relations: c.doc.getMap('relations'),
      })
      const log = logOf(c.doc)
      for (let j = 0; j < EDITS; j++) {
        await sleep(INTERVAL * (0.5 + Math.random()))
        const label = `load:${i}:${j}`
        const r =
          Math.random() < 0.5
            ? editor.apply({
                op: 'updateActor',
                id: actorIds[Math.floor(Math.random() * actorIds.length)]!,
                patch: { description: `edit ${label}` },
              })
            : editor.apply({
                op: 'updateRelations',
                ids: [relationIds[Math.floor(Math.random() * relationIds.length)]!],
                patch: { stance: STANCES[Math.floor(Math.random() * 3)]! },
              })
        if (!r.ok) throw new Error(`an edit was refused: ${JSON.stringify(r)}`)
        const t = performance.now()
        sent.set(label, t)
        c.seen.set(label, t)
        c.doc.transact(
          () => log.push([{ label, who: `client ${i}`, color: '#1f77b4', time: Date.now() }]),
          'log',
        )
        lastSent = Math.max(lastSent, t)
      }
      editor.destroy()
    }),
  )
  const total = CLIENTS * EDITS
  let converged = true
  try {
    await until('every edit everywhere', () => clients.every((c) => c.seen.size === total), 60_000)
    await until(
      'identical states',
      () => {
        const sv = Y.encodeStateVector(clients[0]!.doc).join(',')
        return clients.every((c) => Y.encodeStateVector(c.doc).join(',') === sv)
      },
      30_000,
    )
  } catch (e) {
    converged = false
    console.error((e as Error).message)
  }
  const tEnd = performance.now()
  const cpu1 = servers.map((s) => s.cpu())
  const propagation: number[] = []
  let lost = 0
  for (const [label, t] of sent) {
    let last = 0
    for (const c of clients) {
      const at = c.seen.get(label)
      if (at === undefined) {
        lost++
        continue
      }
      last = Math.max(last, at - t)
    }
    propagation.push(last)
  }
  const json0 =
    JSON.stringify(clients[0]!.doc.getMap('actors').toJSON()) +
    JSON.stringify(clients[0]!.doc.getMap('relations').toJSON())
  const identical =
    converged &&
    clients.every(
      (c) =>
        JSON.stringify(c.doc.getMap('actors').toJSON()) +
          JSON.stringify(c.doc.getMap('relations').toJSON()) ===
        json0,
    )
  for (const c of clients) c.provider.destroy()
  const seconds = (tEnd - t0) / 1000
  return {
    setup: setup === 'one' ? '1 instance' : '2 instances + Redis',
    clients: CLIENTS,
    edits: total,
    propagationMedianMs: Math.round(pct(propagation, 50)),
    propagationP95Ms: Math.round(pct(propagation, 95)),
    convergenceMs: Math.round(tEnd - lastSent),
    lost,
    identical,
    servers: servers.map((s, k) => ({
      peakRssMB: Math.round(s.peakRss / 1024 / 1024),
      cpuShare: Math.round(((cpu1[k]! - cpu0[k]!) / seconds) * 100),
    })),
    editSeconds: Math.round(seconds * 10) / 10,
  }
}

const tmp = mkdtempSync(path.join(tmpdir(), 'collab-load-'))
const procs: Proc[] = []
const results: Result[] = []
try {
  {
    const s = await startServer(path.join(tmp, 'one'), null)
    procs.push(s.p)
    s.p.watch()
    results.push(await run('one', [s.url], [s.p]))
    await s.p.stop()
  }
  {
    mkdirSync(path.join(tmp, 'redis'))
    const redis = await startRedis(path.join(tmp, 'redis'))
    procs.push(redis.p)
    const a = await startServer(path.join(tmp, 'a'), redis.port)
    const b = await startServer(path.join(tmp, 'b'), redis.port)
    procs.push(a.p, b.p)
    a.p.watch()
    b.p.watch()
    results.push(await run('two', [a.url, b.url], [a.p, b.p]))
  }
} finally {
  for (const p of procs.reverse()) await p.stop()
  rmSync(tmp, { recursive: true, force: true })
}

const rows = results.map(
  (r) =>
    `| ${r.setup} | ${r.clients} × ${r.edits / r.clients} | ${r.propagationMedianMs} ms | ${r.propagationP95Ms} ms | ${r.convergenceMs} ms | ${r.lost} | ${r.identical ? 'yes' : 'NO'} | ${r.servers.map((s) => `${s.peakRssMB} MB`).join(' + ')} | ${r.servers.map((s) => `${s.cpuShare} %`).join(' + ')} |`,
)
const table = [
  '| Setup | Clients × edits | Propagation median | p95 | Convergence | Lost | Identical | Server memory (peak RSS) | Server CPU (of one core) |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n')
console.log(`\n${table}\n`)
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; Node ${process.version}`,
)
mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true })
writeFileSync(
  path.join(ROOT, 'bench', 'results', 'collab-load.json'),
  `${JSON.stringify({ date: new Date().toISOString(), interval: INTERVAL, results, loadavg: loadavg() }, null, 2)}\n`,
)
process.exit(results.every((r) => r.lost === 0 && r.identical) ? 0 : 1)
