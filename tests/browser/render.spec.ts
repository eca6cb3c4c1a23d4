/**
 * What the renderer draws, measured in pixels and boxes on the bundled dataset:
 * - a frame drawn incrementally (edge layers kept from the frame before, only what changed
 *   redrawn) equals a fresh full drawing of the same view (the PNG export draws one);
 * - a relation leaving the year window fades out over a few frames, then is gone; under reduced
 *   motion it goes at once;
 * - labels never overlap each other and never cover another actor's shape, at the fitted view and
 *   zoomed in twice.
 */
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import {
  canvasBox,
  expect,
  fromYear,
  labels as labelsOf,
  nodes,
  openExplorer,
  readDataset,
  shownRelations,
  test,
  transform,
  yearExtent,
  type Dataset,
} from './fixtures'

/** Counts stroke() calls on every 2D context of the page from now on (read with strokes()). */
const countStrokes = (page: Page) =>
  page.addInitScript(() => {
    const w = window as unknown as { __strokes: number }
    w.__strokes = 0
    const stroke = CanvasRenderingContext2D.prototype.stroke
    CanvasRenderingContext2D.prototype.stroke = function (this: CanvasRenderingContext2D, ...a: [Path2D?]) {
      w.__strokes++
      return stroke.apply(this, a as [Path2D])
    } as typeof stroke
  })
const strokes = (page: Page) => page.evaluate(() => (window as unknown as { __strokes: number }).__strokes)

/** Waits for two animation frames and then `ms` (frames of a fade, the rest timer). */
const settle = (page: Page, ms = 0) =>
  page.evaluate(
    (wait) =>
      new Promise<void>((r) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => r(), wait))),
      ),
    ms,
  )

async function pause(page: Page) {
  await page.getByRole('button', { name: 'Pause layout' }).click()
  await settle(page, 400)
}

/**
 * The canvas as it is on screen against the PNG export of the same view (a fresh renderer, no
 * layers): how many device pixels differ by more than `tol` in some channel, and the largest
 * difference.
 */
async function compareWithExport(page: Page, tol = 24) {
  await page.locator('summary', { hasText: 'Export' }).click()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PNG', exact: true }).click(),
  ])
  const b64 = readFileSync((await download.path())!).toString('base64')
  return page.evaluate(
    async ([data, t]) => {
      const canvas = document.querySelector('canvas.graph-canvas') as HTMLCanvasElement
      const screen = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
      const img = new Image()
      img.src = `data:image/png;base64,${data}`
      await img.decode()
      const c = document.createElement('canvas')
      c.width = img.width
      c.height = img.height
      const ctx = c.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      const png = ctx.getImageData(0, 0, canvas.width, canvas.height).data
      let differing = 0
      let max = 0
      // The last row is left out: the legend strip's rule starts at the view's height, which the
      // PNG rounds to whole device pixels.
      for (let i = 0; i < screen.length - 4 * canvas.width; i += 4) {
        let d = 0
        for (let k = 0; k < 3; k++) d = Math.max(d, Math.abs(screen[i + k]! - png[i + k]!))
        if (d > t!) differing++
        if (d > max) max = d
      }
      return {
        pixels: screen.length / 4 - canvas.width,
        differing,
        max,
        width: img.width,
        canvasWidth: canvas.width,
      }
    },
    [b64, tol] as const,
  )
}

test.describe('incremental frames', () => {
  test('a filter toggle and a year step redraw only what changed and look like a full drawing', async ({
    page,
    errors,
  }) => {
    await countStrokes(page)
    await openExplorer(page)
    await pause(page)
    const diplomatic = page.getByRole('checkbox', { name: /^Diplomatic/ })
    // The first change at rest keeps the edge layers; the next ones reuse what did not change.
    await diplomatic.uncheck()
    await settle(page, 300)
    await diplomatic.check()
    await settle(page, 300)

    const check = async (what: string) => {
      const before = await strokes(page)
      const cmp = await compareWithExport(page)
      const full = (await strokes(page)) - before // the export strokes every batch
      expect(cmp.width, 'the export is at the screen pixel ratio').toBe(cmp.canvasWidth)
      expect(cmp.differing / cmp.pixels, `${what}: share of pixels unlike a full drawing`).toBeLessThan(0.001)
      return full
    }

    // Type toggle: military off, then on again.
    const military = page.getByRole('checkbox', { name: /^Military/ })
    let s0 = await strokes(page)
    await military.uncheck()
    await settle(page, 300)
    const offStrokes = (await strokes(page)) - s0
    const offFull = await check('military off')
    s0 = await strokes(page)
    await military.check()
    await settle(page, 300)
    const onStrokes = (await strokes(page)) - s0
    const onFull = await check('military on')
    // Fewer batches stroked than a full drawing: the unchanged ones were composited.
    expect(offStrokes).toBeLessThan(offFull)
    expect(onStrokes).toBeLessThan(onFull)

    // Year steps (with their fade) end on the same picture as a full drawing.
    const [lo] = yearExtent(readDataset())
    await fromYear(page).focus()
    await page.keyboard.press('Home')
    for (let y = lo; y < lo + 12; y++) await page.keyboard.press('ArrowRight')
    await expect(fromYear(page)).toHaveAttribute('aria-valuenow', String(lo + 12))
    await settle(page, 600)
    await check('year step')
    expect(errors.page).toEqual([])
    expect(errors.unexpectedConsole()).toEqual([])
  })
})

/**
 * A year Y at which moving "From year" from Y to Y + 1 removes a dated relation that is the only
 * one shown between its two actors (so it is drawn as a straight line between them).
 */
function leavingRelation(ds: Dataset): { year: number; source: string; target: string } {
  const [lo, hi] = yearExtent(ds)
  for (let y = lo; y < hi; y++) {
    const before = shownRelations(ds, { from: y })
    const after = new Set(shownRelations(ds, { from: y + 1 }).map((r) => r.id))
    for (const r of before) {
      if (after.has(r.id)) continue
      const pair = before.filter(
        (q) =>
          (q.source === r.source && q.target === r.target) ||
          (q.source === r.target && q.target === r.source),
      )
      if (pair.length === 1) return { year: y, source: r.source, target: r.target }
    }
  }
  throw new Error('no relation of the dataset leaves the window alone between its actors')
}

/**
 * Steps "From year" from `year` to `year + 1` and records, every animation frame for 700 ms, how
 * far the pixels along the leaving relation's line are from the background (the largest channel
 * difference at the point where it changes most), first frame before the step.
 */
async function fadeTrace(page: Page, rel: { year: number; source: string; target: string }) {
  const [lo] = yearExtent(readDataset())
  await fromYear(page).focus()
  await page.keyboard.press('Home')
  for (let y = lo; y < rel.year; y++) await page.keyboard.press('ArrowRight')
  await expect(fromYear(page)).toHaveAttribute('aria-valuenow', String(rel.year))
  await settle(page, 600)
  const all = await nodes(page)
  const a = all.find((n) => n.id === rel.source)!
  const b = all.find((n) => n.id === rel.target)!
  const box = await canvasBox(page)
  const labels = await labelsOf(page)
  // Points along the line, away from both discs and from every label box.
  const points: [number, number][] = []
  for (let i = 1; i < 40; i++) {
    const x = a.x + ((b.x - a.x) * i) / 40
    const y = a.y + ((b.y - a.y) * i) / 40
    const clear = (n: { x: number; y: number }) => Math.hypot(n.x - x, n.y - y) > 30
    if (!all.every(clear)) continue
    if (labels.some((l) => x > l.x - 3 && x < l.x + l.width + 3 && y > l.y - 3 && y < l.y + l.height + 3))
      continue
    points.push([x - box.x, y - box.y])
  }
  expect(points.length, 'points on the line clear of actors and labels').toBeGreaterThan(3)
  return page.evaluate(
    ([pts]) =>
      new Promise<number[][]>((resolve) => {
        const canvas = document.querySelector('canvas.graph-canvas') as HTMLCanvasElement
        const ctx = canvas.getContext('2d')!
        const dpr = canvas.width / canvas.getBoundingClientRect().width
        const bg = ctx.getImageData(0, 0, 1, 1).data
        const sample = () =>
          pts!.map(([x, y]) => {
            const d = ctx.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data
            return Math.max(Math.abs(d[0]! - bg[0]!), Math.abs(d[1]! - bg[1]!), Math.abs(d[2]! - bg[2]!))
          })
        const frames: number[][] = [sample()]
        const slider = document.querySelector('[role=slider][aria-label="From year"]')!
        const t0 = performance.now()
        const loop = () => {
          frames.push(sample())
          if (performance.now() - t0 < 700) requestAnimationFrame(loop)
          else resolve(frames)
        }
        slider.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }),
        )
        requestAnimationFrame(loop)
      }),
    [points] as const,
  )
}

/** Per frame, the strength of the line where it faded most, relative to before the step (1 = as before). */
function strengths(frames: number[][]): number[] {
  const first = frames[0]!
  const last = frames[frames.length - 1]!
  let best = 0
  for (let i = 1; i < first.length; i++) if (first[i]! - last[i]! > first[best]! - last[best]!) best = i
  const span = first[best]! - last[best]!
  expect(span, 'the line was visible before the step and gone after').toBeGreaterThan(40)
  return frames.map((f) => (f[best]! - last[best]!) / span)
}

test.describe('ties that break fade out', () => {
  test('a relation leaving the window is drawn a few frames at decreasing strength, then not at all', async ({
    page,
    errors,
  }) => {
    const rel = leavingRelation(readDataset())
    await openExplorer(page)
    await pause(page)
    const s = strengths(await fadeTrace(page, rel))
    const between = s.filter((v) => v > 0.05 && v < 0.95)
    expect(
      between.length,
      `frames between visible and gone: ${s.map((v) => v.toFixed(2)).join(' ')}`,
    ).toBeGreaterThanOrEqual(2)
    for (let i = 1; i < s.length; i++) expect(s[i]!).toBeLessThanOrEqual(s[i - 1]! + 0.05)
    expect(s.slice(-5).every((v) => Math.abs(v) < 0.05)).toBe(true)
    expect(errors.page).toEqual([])
  })

  test('with reduced motion the relation goes at once', async ({ page, errors }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' })
    const rel = leavingRelation(readDataset())
    await openExplorer(page)
    await pause(page)
    const s = strengths(await fadeTrace(page, rel))
    // Before the step: there; from the first frame after it: gone (no frame in between).
    expect(s[0]).toBeCloseTo(1)
    expect(
      s.filter((v) => v > 0.05 && v < 0.95),
      s.map((v) => v.toFixed(2)).join(' '),
    ).toEqual([])
    expect(errors.page).toEqual([])
  })
})

test.describe('labels', () => {
  /** Circumscribed radius of each kind's shape, in radii of its disc (triangle apex, square corner…). */
  const REACH: Record<string, number> = { 'armed-group': 1.2, organisation: 1.25, person: 1.15 }

  async function measure(page: Page, ds: Dataset, what: string) {
    await settle(page, 700)
    const labels = await labelsOf(page)
    const shown = await nodes(page)
    const k = (await transform(page)).k
    // Degree in the current view (all years, all types): relations per actor, from the data file.
    const degree = new Map<string, number>()
    for (const r of shownRelations(ds)) {
      degree.set(r.source, (degree.get(r.source) ?? 0) + 1)
      degree.set(r.target, (degree.get(r.target) ?? 0) + 1)
    }
    const kind = new Map(ds.actors.map((a) => [a.id, a.kind]))
    expect(labels.length, `${what}: some labels are drawn`).toBeGreaterThan(5)
    for (let i = 0; i < labels.length; i++) {
      const a = labels[i]!
      for (let j = i + 1; j < labels.length; j++) {
        const b = labels[j]!
        const overlap =
          a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
        expect(overlap, `${what}: "${a.text}" overlaps "${b.text}"`).toBe(false)
      }
      for (const n of shown) {
        if (n.id === a.id) continue
        // The shape drawn: radius 4.5 + 1.9·√degree world units × zoom (at least 2 px), times its reach.
        const r =
          Math.max(2, (4.5 + 1.9 * Math.sqrt(degree.get(n.id) ?? 0)) * k) * (REACH[kind.get(n.id)!] ?? 1)
        const dx = n.x - Math.max(a.x, Math.min(n.x, a.x + a.width))
        const dy = n.y - Math.max(a.y, Math.min(n.y, a.y + a.height))
        expect(Math.hypot(dx, dy), `${what}: "${a.text}" covers ${n.label}`).toBeGreaterThanOrEqual(r)
      }
    }
    return labels
  }

  test('never overlap each other nor cover another actor, fitted and zoomed in', async ({ page, errors }) => {
    const ds = readDataset()
    await openExplorer(page)
    const fitted = await measure(page, ds, 'fitted view')
    // Every label's text is its actor's label, and the boxes lie on the canvas.
    const box = await canvasBox(page)
    const label = new Map(ds.actors.map((a) => [a.id, a.label]))
    for (const l of fitted) {
      expect(l.text).toBe(label.get(l.id))
      expect(l.x).toBeGreaterThanOrEqual(box.x)
      expect(l.x + l.width).toBeLessThanOrEqual(box.x + box.width + 0.5)
    }
    await page.getByRole('button', { name: 'Zoom in' }).click()
    await measure(page, ds, 'zoomed in once')
    await page.getByRole('button', { name: 'Zoom in' }).click()
    await page.getByRole('button', { name: 'Zoom in' }).click()
    await measure(page, ds, 'zoomed in three times')
    expect(errors.page).toEqual([])
  })
})
