/**
 * `npm run bench`: generates the benchmark graphs, builds the app and the peer pages, serves them
 * on 127.0.0.1, measures each graph in Alliance Explorer and in every peer in headless Chromium,
 * prints a table (ours, each peer, ours/peer) and writes JSON under bench/results/.
 *
 * Environment:
 *   BENCH_QUICK=1            short smoke run (1k only, one run, 2-second gestures, short caps)
 *   BENCH_SIZES=1k,5k        sizes to measure (1k, 5k, 20k by default; 50k and 100k only when named)
 *   BENCH_TARGETS=us,sigma   targets (us, force-graph, d3-canvas, d3-svg, sigma; "analysis" for the
 *                            balance analysis rows, timed in node: bench/analysis.ts)
 *   BENCH_RUNS=3             runs per size and target (default: 3 for 1k, 2 for 5k, 1 for 20k and up)
 *   BENCH_BUDGET_S=840       stop starting new runs after this many seconds
 * See bench/README.md for what each figure means and how it is measured.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { findChromium, freshProfileDir, launchArgs } from '../scripts/chromium.mjs'
import { startServer } from '../scripts/serve.mjs'
import { tsImport } from 'tsx/esm/api'
import { GENERATOR_VERSION, GRAPH_DIR, SIZES, writeGraph } from './generate.mjs'

// The layout quality measure (issue 23): the app's own pure function, so bench and tests agree.
const { layoutQuality } = await tsImport('../src/sim/multilevel/quality.ts', import.meta.url)

const BENCH = dirname(fileURLToPath(import.meta.url))
const ROOT = join(BENCH, '..')
const QUICK = process.env.BENCH_QUICK === '1'
const ALL_TARGETS = ['us', 'force-graph', 'd3-canvas', 'd3-svg', 'sigma']
/** The sizes a run measures unless BENCH_SIZES names others (50k and 100k take minutes each). */
const DEFAULT_SIZES = ['1k', '5k', '20k']
/** Sizes whose sessions stop after the filters (no scrub, search, edit or table phases). */
const LARGE = new Set(['50k', '100k'])
const FEW = new Set(['20k', '50k', '100k'])
const sizes = (process.env.BENCH_SIZES ?? (QUICK ? '1k' : DEFAULT_SIZES.join(',')))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
const requested = (process.env.BENCH_TARGETS ?? [...ALL_TARGETS, 'analysis'].join(','))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
// Balance analysis rows (issue 14): census, frustration index and per-year series, in node.
const ANALYSIS = requested.includes('analysis')
const targets = requested.filter((t) => t !== 'analysis')
for (const s of sizes) if (!(s in SIZES)) throw new Error(`unknown size ${s}`)
for (const t of targets) if (!ALL_TARGETS.includes(t)) throw new Error(`unknown target ${t}`)

const VIEWPORT = { width: 1280, height: 800 }
const GESTURE_MS = QUICK ? 2000 : 5000
const DEFAULT_RUNS = { '1k': 3, '5k': 2, '20k': 1, '50k': 1, '100k': 1 }
const DRAG_MS = QUICK ? 2000 : 3000
const runsFor = (size) => (QUICK ? 1 : Number(process.env.BENCH_RUNS ?? DEFAULT_RUNS[size]))
/** Layout settle is waited for at most this long after navigation. */
const SETTLE_CAP_MS = QUICK
  ? { '1k': 8000, '5k': 8000, '20k': 8000, '50k': 30000, '100k': 45000 }
  : { '1k': 12000, '5k': 15000, '20k': 15000, '50k': 40000, '100k': 60000 }
/** Repeat runs watch the layout this long after the first frame (ticks/s only; settling is timed in run 1). */
const REPEAT_LAYOUT_MS = 4000
/** Ticks per second are always watched at least this long after the first frame. */
const MIN_LAYOUT_WINDOW_MS = 4000
/** Rough session lengths, to not start a run the time budget cannot hold. */
const SESSION_ESTIMATE_MS = { '1k': 55000, '5k': 70000, '20k': 95000, '50k': 150000, '100k': 220000 }
const FIRST_FRAME_TIMEOUT_MS = { '1k': 30000, '5k': 45000, '20k': 90000, '50k': 120000, '100k': 180000 }
const SESSION_TIMEOUT_MS = { '1k': 120000, '5k': 150000, '20k': 180000, '50k': 300000, '100k': 420000 }
const BUDGET_MS = Number(process.env.BENCH_BUDGET_S ?? (QUICK ? 300 : 840)) * 1000
const BUNDLED_RUNS = QUICK ? 1 : 3
const started = Date.now()
const log = (...a) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...a)

// ---------------------------------------------------------------------------------------------
// Preparation: graphs, builds, bundle size

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`)
}

function prepareGraphs() {
  const stampPath = join(GRAPH_DIR, 'stamp.json')
  const stamp = existsSync(stampPath) ? JSON.parse(readFileSync(stampPath, 'utf8')) : {}
  const fresh = []
  for (const size of sizes) {
    const file = join(GRAPH_DIR, `${size}.json`)
    if (existsSync(file) && stamp[size] === GENERATOR_VERSION) continue
    log(`generating ${size}`)
    fresh.push(writeGraph(size))
    stamp[size] = null
  }
  if (fresh.length > 0) {
    // The app's own validator (npm run validate); the bench also fails a run whose app load fails.
    log('validating with the app validator')
    run('npx', ['tsx', 'scripts/validate.ts', ...fresh])
    for (const size of sizes) stamp[size] = GENERATOR_VERSION
    writeFileSync(stampPath, JSON.stringify(stamp))
  }
  const info = {}
  for (const size of sizes) {
    const g = JSON.parse(readFileSync(join(GRAPH_DIR, `${size}.json`), 'utf8'))
    const degree = new Map()
    let minYear = Infinity
    let maxYear = -Infinity
    for (const r of g.relations) {
      degree.set(r.source, (degree.get(r.source) ?? 0) + 1)
      degree.set(r.target, (degree.get(r.target) ?? 0) + 1)
      if (r.start !== undefined) minYear = Math.min(minYear, r.start)
      if (r.start !== undefined) maxYear = Math.max(maxYear, r.end ?? r.start)
    }
    const index = new Map(g.actors.map((a, i) => [a.id, i]))
    const src = Uint32Array.from(g.relations, (r) => index.get(r.source))
    const tgt = Uint32Array.from(g.relations, (r) => index.get(r.target))
    const hubs = [...degree.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 40)
      .map(([id]) => index.get(id))
    info[size] = { actors: g.actors.length, relations: g.relations.length, minYear, maxYear, hubs, src, tgt }
  }
  return info
}

/** Sum of the JavaScript that dist/index.html loads at first (scripts and module preloads), gzipped. */
function firstLoadJs() {
  const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8')
  const refs = new Set()
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) refs.add(m[1])
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) refs.add(m[1])
  let raw = 0
  let gzip = 0
  const files = []
  for (const ref of refs) {
    const bytes = readFileSync(join(ROOT, 'dist', ref.replace(/^\.?\//, '')))
    const gz = gzipSync(bytes).length
    raw += bytes.length
    gzip += gz
    files.push({ file: ref, bytes: bytes.length, gzip: gz })
  }
  return { files, bytes: raw, gzip }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

function withTimeout(promise, ms, what) {
  let timer
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)
    }),
  ])
}

const ev = (page, fn, arg, ms = 60000) => withTimeout(page.evaluate(fn, arg), ms, 'page.evaluate')

/** Each app mark's median over the sessions that have it (ms from navigation). */
function medianMarks(sessions) {
  const names = new Set(sessions.flatMap((s) => Object.keys(s.marks ?? {})))
  return Object.fromEntries(
    [...names].map((n) => [n, median(sessions.map((s) => s.marks?.[n]).filter((v) => v !== undefined))]),
  )
}

function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b)
  if (v.length === 0) return null
  const m = v.length >> 1
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2
}

function percentile(xs, p) {
  if (xs.length === 0) return null
  const v = [...xs].sort((a, b) => a - b)
  return v[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)]
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics')
  const get = (name) => list.find((m) => m.name === name)?.value ?? 0
  return { task: get('TaskDuration'), time: get('Timestamp') }
}

/** Frames recorded in the page → fps, 95th-percentile frame time, share of frames with layout running. */
function frameStats(rec) {
  const t = rec.t
  if (t.length < 2) return { fps: 0, p95: null, frames: t.length, runningShare: null }
  const deltas = []
  for (let i = 1; i < t.length; i++) deltas.push(t[i] - t[i - 1])
  return {
    fps: ((t.length - 1) * 1000) / (t[t.length - 1] - t[0]),
    p95: percentile(deltas, 95),
    frames: t.length,
    runningShare: rec.running / t.length,
  }
}

// ---------------------------------------------------------------------------------------------
// One measurement session: a fresh browser profile, one page, one graph.

const INSTRUMENT = readFileSync(join(BENCH, 'page/instrument.js'), 'utf8')
const ADAPTER = readFileSync(join(BENCH, 'page/explorer-adapter.js'), 'utf8')

function urlFor(base, target, size) {
  const graph = size === null ? '' : `?graph=/graphs/${size}.json`
  return target === 'us' ? `${base}/${graph}` : `${base}/peers/${target}/${graph}`
}

const SURFACE = (target) => (target === 'us' ? 'canvas.graph-canvas' : '#graph')

async function surfaceRect(page, target) {
  return ev(
    page,
    (sel) => {
      const r = document.querySelector(sel)?.getBoundingClientRect()
      return r ? { x: r.left, y: r.top, width: r.width, height: r.height } : null
    },
    SURFACE(target),
  )
}

/** Every shown node's screen position, read in one go (a marked span, see instrument.js). */
async function allScreens(page) {
  return ev(page, () => {
    const t0 = performance.now()
    const b = window.__bench
    let out
    if (typeof b.allScreens === 'function') out = b.allScreens()
    else {
      out = []
      for (let i = 0; ; i++) {
        let p
        try {
          p = b.nodeScreen(i)
        } catch {
          break
        }
        if (p === undefined) break
        if (p !== null) out.push([p.x, p.y])
        if (i > 200000) break
      }
    }
    window.__benchRec.marks.push([t0, performance.now()])
    return out
  })
}

/** A point on the bare graph surface, as far as possible from every node. */
async function backgroundPoint(page, target) {
  const rect = await surfaceRect(page, target)
  const pts = await allScreens(page)
  const candidates = []
  for (let gx = 1; gx < 20; gx++) {
    for (let gy = 1; gy < 14; gy++) {
      const x = rect.x + rect.width * (0.2 + (0.6 * gx) / 20)
      const y = rect.y + rect.height * (0.2 + (0.6 * gy) / 14)
      let best = Infinity
      for (const [px, py] of pts) best = Math.min(best, (px - x) ** 2 + (py - y) ** 2)
      candidates.push({ x, y, d: Math.sqrt(best) })
    }
  }
  candidates.sort((a, b) => b.d - a.d)
  const top = candidates.slice(0, 20)
  const ok = await ev(
    page,
    ([list, sel]) =>
      list.map(({ x, y }) => {
        const el = document.elementFromPoint(x, y)
        const host = document.querySelector(sel)
        return el !== null && host !== null && (el === host || host.contains(el))
      }),
    [top, SURFACE(target)],
  )
  return top.find((_, i) => ok[i]) ?? candidates[0]
}

async function hubOnScreen(page, target, hubs) {
  const rect = await surfaceRect(page, target)
  const margin = 100
  return ev(
    page,
    ([list, r, m]) => {
      const t0 = performance.now()
      let found = null
      for (const i of list) {
        const p = window.__bench.nodeScreen(i)
        if (p === null) continue
        if (p.x > r.x + m && p.x < r.x + r.width - m && p.y > r.y + m && p.y < r.y + r.height - m) {
          found = { i, ...p }
          break
        }
      }
      window.__benchRec.marks.push([t0, performance.now()])
      return found
    },
    [hubs, rect, margin],
  )
}

/** Records frames, main-thread busy time and long tasks while `gesture` runs. */
async function measureWindow(page, cdp, gesture, sampleRunning) {
  await ev(page, (s) => window.__benchRec.start(s), sampleRunning)
  const m0 = await metrics(cdp)
  const w0 = await ev(page, () => performance.now())
  await gesture()
  const w1 = await ev(page, () => performance.now())
  const m1 = await metrics(cdp)
  const rec = await ev(page, () => window.__benchRec.stop())
  const stats = frameStats(rec)
  const tasks = await ev(page, () => window.__benchRec.longTasks)
  let longest = 0
  for (const [s, d] of tasks) if (s + d > w0 && s < w1) longest = Math.max(longest, d)
  return {
    ...stats,
    busy: m1.time > m0.time ? (m1.task - m0.task) / (m1.time - m0.time) : null,
    longestTaskMs: longest,
    ms: w1 - w0,
  }
}

async function panZoomGesture(page, p, ms) {
  const end = Date.now() + ms
  await page.mouse.move(p.x, p.y)
  while (Date.now() < end) {
    await page.mouse.down()
    await page.mouse.move(p.x + 160, p.y + 60, { steps: 12 })
    await page.mouse.move(p.x, p.y, { steps: 12 })
    await page.mouse.up()
    for (let j = 0; j < 4 && Date.now() < end; j++) await page.mouse.wheel(0, -100)
    for (let j = 0; j < 4 && Date.now() < end; j++) await page.mouse.wheel(0, 100)
  }
}

async function dragGesture(page, n, ms) {
  const end = Date.now() + ms
  await page.mouse.move(n.x, n.y)
  await page.mouse.down()
  let a = 0
  while (Date.now() < end) {
    a += 0.2
    await page.mouse.move(n.x + 80 * Math.sin(a), n.y + 80 * (1 - Math.cos(a)))
  }
  await page.mouse.up()
}

/** "From year" over every year and back, one step per animation frame (not awaiting each paint). */
async function scrubYears(page, info) {
  await ev(
    page,
    ([lo, hi]) =>
      new Promise((resolve) => {
        const years = []
        for (let y = lo + 1; y <= hi; y++) years.push(y)
        for (let y = hi - 1; y >= lo; y--) years.push(y)
        let i = 0
        const step = () => {
          if (i >= years.length) return resolve()
          window.__bench.setYearFrom(years[i++])
          requestAnimationFrame(step)
        }
        requestAnimationFrame(step)
      }),
    [info.minYear, info.maxYear],
  )
}

/** Our "From year" thumb dragged with the mouse to the end of the track and back (us only). */
async function dragSlider(page, ms) {
  const thumb = page.locator('[role=slider][aria-label="From year"]')
  const box = await thumb.boundingBox()
  const track = await thumb.evaluate((el) => {
    const r = (el.parentElement ?? el).getBoundingClientRect()
    return { x: r.left, width: r.width }
  })
  if (box === null) return
  const y = box.y + box.height / 2
  const x0 = box.x + box.width / 2
  const x1 = track.x + track.width - 1
  const steps = Math.max(10, Math.round(ms / 2 / 16))
  await page.mouse.move(x0, y)
  await page.mouse.down()
  await page.mouse.move(x1, y, { steps })
  await page.mouse.move(x0, y, { steps })
  await page.mouse.up()
}

/** Play for `ms`: our "Play" button (then "Pause"); peers: a year a second through the hook. */
async function play(page, target, info, ms) {
  if (target === 'us') {
    await page.getByRole('button', { name: 'Play', exact: true }).click()
    await sleep(ms)
    await page.getByRole('button', { name: 'Pause', exact: true }).click()
    return
  }
  await ev(
    page,
    ([lo, hi, dur]) =>
      new Promise((resolve) => {
        let y = lo
        const timer = setInterval(() => {
          y = y >= hi ? lo : y + 1
          window.__bench.setYearFrom(y)
        }, 1000)
        setTimeout(() => {
          clearInterval(timer)
          window.__bench.setYearFrom(lo).then(resolve)
        }, dur)
      }),
    [info.minYear, info.maxYear, ms],
    ms + 60000,
  )
}

/** In the page: time from calling the hook until the frame showing the change was drawn. */
async function latency(page, method, arg) {
  return ev(
    page,
    async ([m, a]) => {
      const t0 = performance.now()
      await window.__bench[m](a)
      return performance.now() - t0
    },
    [method, arg],
  )
}

/**
 * Runs one session with a time limit. On timeout the browser is closed, which makes the pending
 * page calls fail; the figures measured until then are kept, with the phase that ran out of time.
 */
async function session(base, executablePath, target, size, graphInfo, timeSettle = true) {
  const dir = freshProfileDir()
  const context = await chromium.launchPersistentContext(dir, {
    executablePath,
    headless: true,
    args: launchArgs(),
    viewport: VIEWPORT,
  })
  const out = { target, size, errors: [], phase: 'load' }
  const limit = SESSION_TIMEOUT_MS[size ?? '1k']
  let timer
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), limit)
  })
  const work = measure(context, out, base, target, size, graphInfo, timeSettle)
  const first = await Promise.race([work.then(() => 'done'), timedOut])
  clearTimeout(timer)
  if (first === 'timeout') out.error = `session time limit (${limit / 1000} s) reached during ${out.phase}`
  const error = out.error
  await withTimeout(context.close(), 20000, 'close').catch(() => {})
  await work.catch(() => {})
  if (first === 'timeout') out.error = error
  rmSync(dir, { recursive: true, force: true })
  return out
}

async function measure(context, out, base, target, size, graphInfo, timeSettle) {
  const errors = out.errors
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`)
    })
    await page.addInitScript({ content: INSTRUMENT })
    if (target === 'us') await page.addInitScript({ content: ADAPTER })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')

    await withTimeout(page.goto(urlFor(base, target, size), { waitUntil: 'commit' }), 30000, 'navigation')
    await withTimeout(
      page.waitForFunction(() => window.__bench !== undefined, null, {
        timeout: FIRST_FRAME_TIMEOUT_MS[size ?? '1k'],
      }),
      FIRST_FRAME_TIMEOUT_MS[size ?? '1k'] + 5000,
      'hook',
    )
    out.firstFrameMs = await withTimeout(
      page.evaluate(() => window.__bench.firstFrame),
      FIRST_FRAME_TIMEOUT_MS[size ?? '1k'],
      'first frame',
    )
    // Where the first frame went: the app's own marks (src/shared/marks.ts), and for every page
    // when its data file had arrived (Resource Timing).
    if (target === 'us') {
      out.statusMs = await withTimeout(
        page.evaluate(() => window.__bench.statusPainted),
        20000,
        'status line',
      )
      out.marks = await ev(page, () =>
        Object.fromEntries(
          performance
            .getEntriesByType('mark')
            .filter((m) => m.name.startsWith('ae:'))
            .map((m) => [m.name.slice(3), m.startTime]),
        ),
      )
    }
    out.dataMs = await ev(page, () => {
      const json = performance.getEntriesByType('resource').filter((r) => /\.json(\?|$)/.test(r.name))
      return json.length === 0 ? null : Math.max(...json.map((r) => r.responseEnd))
    })
    out.userAgent = await ev(page, () => navigator.userAgent)
    out.info = await ev(page, () => window.__bench.info())
    out.surface = await surfaceRect(page, target)
    if (size === null) return out

    out.phase = 'layout'
    // Layout: ticks over time from the first frame until it settles or the cap.
    const cap = Math.max(
      timeSettle ? SETTLE_CAP_MS[size] : out.firstFrameMs + REPEAT_LAYOUT_MS,
      out.firstFrameMs + MIN_LAYOUT_WINDOW_MS,
    )
    const samples = []
    for (;;) {
      const s = await ev(page, () => ({
        t: performance.now(),
        ticks: window.__bench.ticks(),
        running: window.__bench.running(),
      }))
      samples.push(s)
      if (!s.running || s.t >= cap) break
      await sleep(250)
    }
    const last = samples[samples.length - 1]
    const runningSamples = samples.filter((s) => s.running)
    const end = last
    const first = samples[0]
    out.ticksPerSec = end.t > first.t ? ((end.ticks - first.ticks) * 1000) / (end.t - first.t) : null
    out.ticksTotal = end.ticks
    out.settleMs = last.running ? null : last.t
    out.settleCapMs = cap
    out.settleTimed = timeSettle || !last.running
    out.settleAfterFirstMs = last.running ? null : last.t - out.firstFrameMs
    out.layoutSampled = runningSamples.length

    out.phase = 'quality'
    // Layout quality where the layout is now (settled, or at the cap): median relation length
    // over median random-pair distance, on screen positions (the measure is scale-free), and a
    // picture of it.
    const xy = await ev(
      page,
      (n) => {
        const out = new Array(2 * n).fill(NaN)
        if (window.__explorer !== undefined) {
          for (const d of window.__explorer.nodes()) {
            const i = Number(d.id.slice(1))
            out[2 * i] = d.x
            out[2 * i + 1] = d.y
          }
        } else {
          for (let i = 0; i < n; i++) {
            const p = window.__bench.nodeScreen(i)
            if (p !== null) {
              out[2 * i] = p.x
              out[2 * i + 1] = p.y
            }
          }
        }
        return out
      },
      graphInfo.actors,
    )
    out.quality = layoutQuality(
      xy.map((v) => (v === null ? NaN : v)),
      graphInfo.src,
      graphInfo.tgt,
    )
    if (timeSettle) {
      mkdirSync(join(BENCH, 'results'), { recursive: true })
      await page.screenshot({ path: join(BENCH, 'results', `layout-${size}-${target}.png`) })
    }

    out.phase = 'heap'
    // Heap after load (garbage collected first). Main isolate only: workers are not counted.
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    out.heapMB = (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20

    out.phase = 'pan/zoom'
    // Pan and zoom with the layout stopped, then while it runs.
    await ev(page, () => window.__bench.stopLayout())
    await sleep(300)
    let p = await backgroundPoint(page, target)
    out.panStopped = await measureWindow(page, cdp, () => panZoomGesture(page, p, GESTURE_MS), false)
    await ev(page, () => window.__bench.startLayout())
    await sleep(100)
    p = await backgroundPoint(page, target)
    out.panRunning = await measureWindow(page, cdp, () => panZoomGesture(page, p, GESTURE_MS), true)

    out.phase = 'drag'
    // Node drag (layout on: every target reheats while dragging).
    await ev(page, () => window.__bench.startLayout())
    const hub = await hubOnScreen(page, target, graphInfo.hubs)
    if (hub === null) {
      out.drag = { error: 'no hub node on screen' }
    } else {
      out.drag = await measureWindow(page, cdp, () => dragGesture(page, hub, DRAG_MS), true)
      const after = await ev(page, (k) => window.__bench.nodeScreen(k), hub.i)
      out.drag.moved = after !== null && Math.hypot(after.x - hub.x, after.y - hub.y) > 5
    }

    out.phase = 'filters'
    // Filter latencies, layout stopped: type toggle off/on, "from" year one step at a time.
    await ev(page, () => window.__bench.stopLayout())
    await sleep(500)
    const toggles = []
    for (let k = 0; k < (QUICK ? 2 : FEW.has(size) ? 4 : 8); k++) {
      toggles.push(await latency(page, 'toggleType', 'military'))
      await sleep(200)
    }
    const years = []
    const y0 = graphInfo.minYear
    const up = [y0 + 1, y0 + 2, y0 + 3, y0 + 2, y0 + 1, y0]
    for (const y of QUICK ? [y0 + 1, y0] : FEW.has(size) ? up : [...up, ...up]) {
      years.push(await latency(page, 'setYearFrom', y))
      await sleep(200)
    }
    out.toggleMs = median(toggles)
    out.toggleP95 = percentile(toggles, 95)
    out.toggleAll = toggles
    out.yearMs = median(years)
    out.yearP95 = percentile(years, 95)
    out.yearAll = years
    if (LARGE.has(size)) {
      out.phase = 'done'
      return out
    }

    out.phase = 'years'
    // Scrubbing the years, layout stopped: the "From year" moved over every year and back, one
    // year per animation frame, through the hook (every target); for us also a mouse drag of the
    // slider's thumb over the whole track and back; then Play for GESTURE_MS (us: the "Play"
    // button, a year a second; peers: the same steps through the hook).
    await sleep(300)
    out.scrub = await measureWindow(page, cdp, () => scrubYears(page, graphInfo), false)
    await sleep(300)
    if (target === 'us') {
      out.sliderDrag = await measureWindow(page, cdp, () => dragSlider(page, DRAG_MS), false)
      await sleep(300)
    }
    out.play = await measureWindow(page, cdp, () => play(page, target, graphInfo, GESTURE_MS), false)

    if (target === 'us') {
      out.phase = 'ask'
      // Search and paths (issue 13): our own figures, the peers have neither.
      const query = (await ev(page, () => window.__explorer.nodes()[0]?.label ?? 'actor')).slice(0, 7)
      const keys = await ev(page, (q) => window.__bench.searchKeystrokes(q), query)
      out.searchKeyMs = median(keys)
      out.searchKeyMax = Math.max(...keys)
      const n = graphInfo.actors
      const pairs = [0, 1, 2, 3, 4, 5].map((i) => [(i * 7919) % n, (((n - 1 - i * 104729) % n) + n) % n])
      const paths = await ev(page, (p) => window.__bench.paths(p), pairs)
      out.pathMs = median(paths.map((x) => x.ms))
      out.pathMax = Math.max(...paths.map((x) => x.ms))
      out.pathsFound = paths.filter((x) => x.found).length

      out.phase = 'edit'
      // Editing (issue 19): a relation's stance changed in the details, from the change to the
      // painted frame (the document, the derived graph, the index and the view re-derived, the
      // layout kept). The app's real controls: "Edit", an actor, "(this relation)", "Stance".
      await ev(page, () => window.__bench.prepareEdit())
      await sleep(500)
      const edits = []
      for (let k = 0; k < (QUICK ? 2 : FEW.has(size) ? 4 : 8); k++) {
        edits.push(await latency(page, 'editStance', k % 2 === 0 ? 'hostile' : 'cooperative'))
        await sleep(300)
      }
      out.editMs = median(edits)
      out.editP95 = percentile(edits, 95)
      out.editAll = edits

      out.phase = 'table'
      // The table (issue 19 §2): "Table", the Relations grid with every row, then the wheel over
      // it for GESTURE_MS, through the real controls; fps and the longest task while it scrolls.
      await page.getByRole('button', { name: 'Table', exact: true }).click()
      const region = page.getByRole('region', { name: 'Table' })
      await region.getByRole('tab', { name: 'Relations' }).click()
      await region.getByRole('checkbox', { name: 'Show all rows' }).check()
      const grid = region.getByRole('grid', { name: 'Relations' })
      // Any drawn row: the grid scrolls to the relation selected in the edit phase.
      await grid.locator('[role="row"][aria-selected]').first().waitFor()
      out.tableRows = Number(await grid.getAttribute('aria-rowcount')) - 1
      const box = await grid.boundingBox()
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
      out.tableScroll = await measureWindow(
        page,
        cdp,
        async () => {
          const end = Date.now() + GESTURE_MS
          for (let k = 0; Date.now() < end; k++) await page.mouse.wheel(0, k % 40 < 20 ? 600 : -600)
        },
        false,
      )
    }

    out.phase = 'long tasks'
    // Longest main-thread block after the first frame (harness-marked spans excluded).
    const { longTasks, marks } = await ev(page, () => ({
      longTasks: window.__benchRec.longTasks,
      marks: window.__benchRec.marks,
    }))
    let longest = 0
    for (const [s, d] of longTasks) {
      if (s + d <= out.firstFrameMs) continue
      if (marks.some(([a, b]) => s < b && s + d > a)) continue
      longest = Math.max(longest, d)
    }
    out.longestTaskMs = longest
    out.phase = 'done'
    return out
  } catch (e) {
    out.error ??= e instanceof Error ? e.message.split('\n')[0] : String(e)
    return out
  }
}

// ---------------------------------------------------------------------------------------------
// The table

/** [key, label, higher is better, format] */
const ROWS = [
  ['firstFrameMs', 'first frame (ms)', false, 0],
  ['dataMs', '  data file arrived (ms)', false, 0],
  ['ticksPerSec', 'layout ticks/s', true, 1],
  ['settleMs', 'layout settled (ms)', false, 0],
  ['settleAfterFirstMs', '  settled after the first frame (ms)', false, 0],
  ['quality', 'layout quality: median relation / median pair (lower is better)', false, 3],
  ['heapMB', 'JS heap after load (MB)', false, 1],
  ['panStopped.fps', 'pan/zoom, layout stopped: fps', true, 1],
  ['panStopped.p95', '  p95 frame (ms)', false, 1],
  ['panStopped.busy', '  main thread busy', false, 2],
  ['panRunning.fps', 'pan/zoom, layout running: fps', true, 1],
  ['panRunning.p95', '  p95 frame (ms)', false, 1],
  ['panRunning.busy', '  main thread busy', false, 2],
  ['panRunning.runningShare', '  frames with layout running', true, 2],
  ['drag.fps', 'node drag: fps', true, 1],
  ['drag.p95', '  p95 frame (ms)', false, 1],
  ['drag.busy', '  main thread busy', false, 2],
  ['toggleMs', 'type toggle → painted (ms)', false, 1],
  ['toggleP95', '  p95 (ms)', false, 1],
  ['yearMs', 'year step → painted (ms)', false, 1],
  ['yearP95', '  p95 (ms)', false, 1],
  ['scrub.fps', 'years scrubbed, a year a frame: fps', true, 1],
  ['scrub.p95', '  p95 frame (ms)', false, 1],
  ['scrub.longestTaskMs', '  longest task (ms)', false, 0],
  ['sliderDrag.fps', 'year slider dragged (mouse): fps', true, 1],
  ['sliderDrag.p95', '  p95 frame (ms)', false, 1],
  ['sliderDrag.longestTaskMs', '  longest task (ms)', false, 0],
  ['play.fps', 'Play: fps', true, 1],
  ['play.p95', '  p95 frame (ms)', false, 1],
  ['play.longestTaskMs', '  longest task (ms)', false, 0],
  ['searchKeyMs', 'search keystroke → painted (ms)', false, 1],
  ['searchKeyMax', '  slowest keystroke (ms)', false, 1],
  ['pathMs', 'shortest + best-evidenced path (ms)', false, 1],
  ['pathMax', '  slowest pair (ms)', false, 1],
  ['editMs', 'edit (a stance) → painted (ms)', false, 1],
  ['editP95', '  p95 (ms)', false, 1],
  ['tableRows', 'table: relation rows', true, 0],
  ['tableScroll.fps', '  scrolled by the wheel: fps', true, 1],
  ['tableScroll.longestTaskMs', '  longest task (ms)', false, 0],
  ['longestTaskMs', 'longest main-thread block (ms)', false, 0],
]

const pick = (obj, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj)

function aggregate(sessions) {
  const out = { runs: sessions.length, errors: sessions.filter((s) => s.error).map((s) => s.error) }
  const ok = sessions
  for (const [key] of ROWS) {
    if (key === 'settleMs') {
      const timed = ok.filter((s) => s.settleTimed)
      const capped = timed.filter((s) => s.settleMs === null).length
      out.settleMs = median(timed.map((s) => (s.settleMs === null ? s.settleCapMs : s.settleMs)))
      out.settleCapped = capped > timed.length / 2
      continue
    }
    out[key] = median(ok.map((s) => pick(s, key)))
  }
  out.marks = medianMarks(ok)
  return out
}

function fmt(v, digits, capped) {
  if (v === null || v === undefined) return 'n/a'
  return (capped ? '>' : '') + v.toFixed(digits)
}

function table(size, agg) {
  const cols = targets
  const head = ['figure', ...cols.flatMap((t) => (t === 'us' ? ['us'] : [t, 'us/' + t]))]
  const lines = [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
  ]
  for (const [key, label, , digits] of ROWS) {
    const us = agg.us?.[key]
    const cells = [label]
    for (const t of cols) {
      const v = agg[t]?.[key]
      const capped = key === 'settleMs' && agg[t]?.settleCapped
      cells.push(fmt(v, digits, capped))
      if (t !== 'us') {
        const usCapped = key === 'settleMs' && agg.us?.settleCapped
        cells.push(
          typeof us === 'number' && typeof v === 'number' && v !== 0 && !capped && !usCapped
            ? (us / v).toFixed(2)
            : 'n/a',
        )
      }
    }
    lines.push(`| ${cells.join(' | ')} |`)
  }
  return lines.join('\n')
}

// ---------------------------------------------------------------------------------------------
// Main

/** The analysis rows: bench/analysis.ts on the same sizes; its Markdown table joins the report. */
function analysisRows() {
  log('timing the balance analysis (bench/analysis.ts)')
  const r = spawnSync('npx', ['tsx', 'bench/analysis.ts', ...sizes], { cwd: ROOT, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`bench/analysis.ts failed: ${r.stderr}`)
  return r.stdout.trim()
}

async function main() {
  if (targets.length === 0) {
    if (ANALYSIS) console.log(`\n${analysisRows()}\n`)
    return
  }
  const executablePath = await findChromium()
  const graphInfo = prepareGraphs()
  log('building the app (vite build)')
  run('npx', ['vite', 'build', '--logLevel', 'warn'])
  log('building the peer pages')
  run('npx', ['vite', 'build', '--config', 'bench/vite.config.ts', '--logLevel', 'warn'])
  const bundle = firstLoadJs()
  log(`first-load JS: ${bundle.bytes} bytes, ${bundle.gzip} gzipped`)

  const { server, url: base } = await startServer({
    mounts: [
      ['/graphs/', GRAPH_DIR],
      ['/peers/', join(BENCH, 'peers-dist')],
      ['/', join(ROOT, 'dist')],
    ],
  })
  const results = {
    date: new Date().toISOString(),
    quick: QUICK,
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      chromium: null,
      webgl: null,
    },
    settings: {
      gestureMs: GESTURE_MS,
      dragMs: DRAG_MS,
      settleCapMs: SETTLE_CAP_MS,
      repeatLayoutMs: REPEAT_LAYOUT_MS,
      viewport: VIEWPORT,
    },
    loadAverage: { start: loadavg() },
    bundle,
    bundled: null,
    sizes: {},
    sessions: [],
  }
  const hardStop = setTimeout(
    () => {
      console.error('bench: hard time limit reached, exiting')
      process.exit(2)
    },
    BUDGET_MS + 6 * 60000,
  )
  try {
    // The bundled dataset: first frame only.
    const bundled = []
    for (let r = 0; r < BUNDLED_RUNS; r++) {
      const s = await session(base, executablePath, 'us', null, null)
      bundled.push(s)
      results.machine.chromium ??= s.userAgent?.match(/Chrome\/[\d.]+/)?.[0] ?? null
    }
    results.bundled = {
      firstFrameMs: median(bundled.map((s) => s.firstFrameMs)),
      statusMs: median(bundled.map((s) => s.statusMs)),
      marks: medianMarks(bundled),
      errors: bundled.flatMap((s) => s.errors),
    }
    log(
      `bundled dataset first frame: ${results.bundled.firstFrameMs?.toFixed(0)} ms, status line painted: ${results.bundled.statusMs?.toFixed(0)} ms`,
    )

    const maxRuns = Math.max(...sizes.map(runsFor))
    let skipped = 0
    for (let r = 0; r < maxRuns; r++) {
      for (const size of sizes) {
        if (r >= runsFor(size)) continue
        for (const target of targets) {
          if (Date.now() - started + SESSION_ESTIMATE_MS[size] > BUDGET_MS) {
            skipped++
            continue
          }
          log(`run ${r + 1}: ${size} ${target}`)
          const s = await session(base, executablePath, target, size, graphInfo[size], r === 0).catch(
            (e) => ({ target, size, error: e.message, errors: [] }),
          )
          if (target === 'sigma' && s.info?.webgl) results.machine.webgl = s.info.webgl
          results.sessions.push(s)
          const brief = s.error
            ? `error: ${s.error}`
            : `first frame ${s.firstFrameMs?.toFixed(0)} ms, ${s.ticksPerSec?.toFixed(1)} ticks/s, pan ${s.panStopped?.fps?.toFixed(1)}/${s.panRunning?.fps?.toFixed(1)} fps, toggle ${s.toggleMs?.toFixed(1)} ms`
          log(`  ${brief}${s.errors?.length ? ` (${s.errors.length} page errors: ${s.errors[0]})` : ''}`)
        }
      }
    }
    if (skipped > 0) log(`time budget reached: ${skipped} runs skipped`)
    results.skippedRuns = skipped
    results.loadAverage.end = loadavg()

    for (const size of sizes) {
      const agg = {}
      for (const t of targets)
        agg[t] = aggregate(results.sessions.filter((s) => s.size === size && s.target === t))
      results.sizes[size] = agg
    }
  } finally {
    clearTimeout(hardStop)
    server.close()
  }

  // Report
  const lines = []
  lines.push(
    `- Machine: ${results.machine.cores} cores (${results.machine.cpu}), ${results.machine.chromium ?? 'Chromium'} headless, WebGL: ${results.machine.webgl ?? 'n/a'}`,
  )
  lines.push(
    `- First-load JS of the app: ${(bundle.gzip / 1024).toFixed(1)} KiB gzipped (${(bundle.bytes / 1024).toFixed(1)} KiB raw, ${bundle.files.length} files)`,
  )
  lines.push(
    `- Bundled dataset first frame: ${fmt(results.bundled.firstFrameMs, 0)} ms, status line painted: ${fmt(results.bundled.statusMs, 0)} ms (median of ${BUNDLED_RUNS})`,
  )
  const la = (l) => l.map((x) => x.toFixed(1)).join(' ')
  lines.push(
    `- Load average (1/5/15 min) at start: ${la(results.loadAverage.start)}; at end: ${la(results.loadAverage.end ?? [])}`,
  )
  if (results.skippedRuns) lines.push(`- Time budget reached: ${results.skippedRuns} run(s) skipped`)
  for (const size of sizes) {
    const spec = SIZES[size]
    const runs = targets.map((t) => `${t} ${results.sizes[size][t].runs}`).join(', ')
    lines.push('')
    lines.push(`### ${size}: ${spec.actors} actors, ${spec.relations} relations (runs: ${runs})`)
    lines.push('')
    lines.push(table(size, results.sizes[size]))
    for (const t of targets) {
      const errs = results.sizes[size][t].errors
      if (errs.length) lines.push(`\n${t}: ${errs.length} failed run(s): ${errs[0]}`)
    }
  }
  if (ANALYSIS) lines.push('', analysisRows())
  const report = lines.join('\n')
  console.log(`\n${report}\n`)
  mkdirSync(join(BENCH, 'results'), { recursive: true })
  const stamp = results.date.replace(/[:.]/g, '-')
  const file = join(BENCH, 'results', `bench-${stamp}${QUICK ? '-quick' : ''}.json`)
  writeFileSync(file, JSON.stringify(results, null, 2))
  writeFileSync(join(BENCH, 'results', 'latest.md'), `${report}\n`)
  log(`wrote ${file}`)
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  },
)
