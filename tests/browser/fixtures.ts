/**
 * Shared fixtures and helpers for the browser journeys.
 *
 * Every test gets a page from a fresh persistent Chromium context (its own throw-away profile
 * directory), launched with our own flags from scripts/chromium.mjs. Console errors and uncaught
 * page errors are collected on every page of that context; a test fails at teardown when any
 * happened, unless it declared the console messages it expects with `errors.allowConsole(/…/)`.
 *
 * Expected numbers are computed here, in node, from data/iran-azerbaijan.json with the documented
 * filtering rules, never from the app's own code.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  test as base,
  expect,
  chromium,
  type BrowserContext,
  type Page,
  type TestInfo,
} from '@playwright/test'
import { freshProfileDir, launchArgs } from '../../scripts/chromium.mjs'

export { expect }

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const VIEWPORT = { width: 1280, height: 800 } as const

// ---------------------------------------------------------------------------------------------
// The dataset, read in node

export type Stance = 'cooperative' | 'hostile' | 'neutral'

export interface DatasetRelation {
  id: string
  source: string
  target: string
  type: string
  stance: Stance
  directed?: boolean
  start?: number
  end?: number
  summary: string
  evidence: { source: string; quote: string }[]
}

export interface Dataset {
  schemaVersion: number
  title: string
  relationTypes: { id: string; label: string; color: string }[]
  sources: { id: string; title: string; published?: string; asOf?: number }[]
  actors: { id: string; label: string; kind: string }[]
  relations: DatasetRelation[]
}

let datasetCache: Dataset | null = null

/** data/iran-azerbaijan.json, parsed in node. */
export function readDataset(): Dataset {
  datasetCache ??= JSON.parse(readFileSync(join(ROOT, 'data/iran-azerbaijan.json'), 'utf8')) as Dataset
  return datasetCache
}

/** The text of every file in data/sources/, by source id. */
export function readSourceTexts(): Map<string, string> {
  const dir = join(ROOT, 'data/sources')
  const texts = new Map<string, string>()
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.txt')) texts.set(f.slice(0, -4), readFileSync(join(dir, f), 'utf8'))
  }
  return texts
}

export interface FilterSpec {
  hideTypes?: readonly string[]
  hideStances?: readonly Stance[]
  from?: number
  to?: number
  showUnconnected?: boolean
  /** "Undated relations": always (the default), as of their sources, or hidden. */
  undated?: 'always' | 'sources' | 'hidden'
}

/** The year a source describes: its asOf year, else the year of its publication date. */
function sourceYearOf(s: { published?: string; asOf?: number }): number | undefined {
  if (s.asOf !== undefined) return s.asOf
  return s.published === undefined ? undefined : Number(s.published.slice(0, 4))
}

/**
 * The documented rule: a relation is shown when its type and stance are enabled and its years
 * overlap [from, to] (start ≤ to and (end ?? +∞) ≥ from). An undated relation is shown always
 * (the default), when a year one of its sources describes is in [from, to] ("sources"), or never.
 */
export function shownRelations(ds: Dataset, f: FilterSpec = {}): DatasetRelation[] {
  const from = f.from ?? -Infinity
  const to = f.to ?? Infinity
  const mode = f.undated ?? 'always'
  return ds.relations.filter((r) => {
    if (f.hideTypes?.includes(r.type)) return false
    if (f.hideStances?.includes(r.stance)) return false
    if (r.start === undefined) {
      if (mode === 'always') return true
      if (mode === 'hidden') return false
      return r.evidence.some((e) => {
        const s = ds.sources.find((x) => x.id === e.source)
        const y = s === undefined ? undefined : sourceYearOf(s)
        return y !== undefined && y >= from && y <= to
      })
    }
    return r.start <= to && (r.end ?? Infinity) >= from
  })
}

/** Actors with at least one shown relation (or all of them with "Show unconnected actors"). */
export function shownActorIds(ds: Dataset, f: FilterSpec = {}): Set<string> {
  if (f.showUnconnected) return new Set(ds.actors.map((a) => a.id))
  const ids = new Set<string>()
  for (const r of shownRelations(ds, f)) {
    ids.add(r.source)
    ids.add(r.target)
  }
  return ids
}

export interface Counts {
  actors: number
  relations: number
  totalActors: number
  totalRelations: number
  /** Shown relations without a start year. */
  undated: number
}

export function expectedCounts(ds: Dataset, f: FilterSpec = {}): Counts {
  return {
    actors: shownActorIds(ds, f).size,
    relations: shownRelations(ds, f).length,
    undated: shownRelations(ds, f).filter((r) => r.start === undefined).length,
    totalActors: ds.actors.length,
    totalRelations: ds.relations.length,
  }
}

/** "Showing N of M actors and N of M relations", then " (U undated)" when U > 0. */
export function statusText(c: Counts): string {
  const undated = c.undated > 0 ? ` (${c.undated} undated)` : ''
  return `Showing ${c.actors} of ${c.totalActors} actors and ${c.relations} of ${c.totalRelations} relations${undated}`
}

/** [earliest start, latest (end ?? start)] over the dated relations. */
export function yearExtent(ds: Dataset): [number, number] {
  let lo = Infinity
  let hi = -Infinity
  for (const r of ds.relations) {
    if (r.start === undefined) continue
    lo = Math.min(lo, r.start)
    hi = Math.max(hi, r.end ?? r.start)
  }
  return [lo, hi]
}

export const actorLabel = (ds: Dataset, id: string): string => {
  const a = ds.actors.find((x) => x.id === id)
  if (a === undefined) throw new Error(`no actor ${id} in the dataset`)
  return a.label
}

// ---------------------------------------------------------------------------------------------
// The page: hook, locators, waits

export interface HookNode {
  id: string
  label: string
  x: number
  y: number
  pinned: boolean
}
export interface HookTransform {
  k: number
  x: number
  y: number
}
export interface HookLayout {
  running: boolean
  alpha: number
  ticks: number
}
interface ExplorerHook {
  nodes(): HookNode[]
  transform(): HookTransform
  layout(): HookLayout
}
type WithHook = { __explorer?: ExplorerHook }

export const nodes = (page: Page): Promise<HookNode[]> =>
  page.evaluate(() => (window as unknown as WithHook).__explorer?.nodes() ?? [])

export const transform = (page: Page): Promise<HookTransform> =>
  page.evaluate(() => {
    const h = (window as unknown as WithHook).__explorer
    if (h === undefined) throw new Error('window.__explorer is not there')
    return h.transform()
  })

export interface HookLabel {
  id: string
  text: string
  x: number
  y: number
  width: number
  height: number
}

/** The labels drawn in the last frame, boxes in page viewport CSS px. */
export const labels = (page: Page): Promise<HookLabel[]> =>
  page.evaluate(
    () => (window as unknown as { __explorer?: { labels(): HookLabel[] } }).__explorer?.labels() ?? [],
  )

export const layoutStatus = (page: Page): Promise<HookLayout | null> =>
  page.evaluate(() => (window as unknown as WithHook).__explorer?.layout() ?? null)

/** The node of an actor as the hook reports it (page viewport CSS px); fails when not shown. */
export async function nodeById(page: Page, id: string): Promise<HookNode> {
  const node = (await nodes(page)).find((n) => n.id === id)
  if (node === undefined) throw new Error(`actor "${id}" is not among the shown nodes`)
  return node
}

/** Waits (bounded) until the force layout reports that it has stopped. */
export async function waitForSettled(page: Page, timeout = 15_000): Promise<void> {
  await expect
    .poll(async () => (await layoutStatus(page))?.running, {
      timeout,
      intervals: [50, 100, 200],
      message: 'the layout should settle',
    })
    .toBe(false)
}

/** The status line. (The year <output> also has the implicit role "status", hence the filter.) */
export const statusLine = (page: Page) =>
  page.getByRole('status').filter({ hasText: /^(Showing|Comparing \d+ with \d+ —) / })

export const detailsHeading = (page: Page) => page.locator('#details-heading')

/** Opens the app (optionally with a query string) and waits for the graph to be drawn and settled. */
export async function openExplorer(page: Page, path = '/'): Promise<void> {
  await page.goto(path)
  await expect(statusLine(page)).toBeVisible()
  await expect
    .poll(async () => (await nodes(page)).length, { message: 'the engine shows nodes' })
    .toBeGreaterThan(0)
  await waitForSettled(page)
}

export const fromYear = (page: Page) => page.getByRole('slider', { name: 'From year' })
export const toYear = (page: Page) => page.getByRole('slider', { name: 'To year' })

/**
 * Sets the year window to [from, to] with the keyboard only: End on "To year", Home on "From
 * year", then arrow presses. (Each thumb is bounded by the other, so "To year" goes out first.)
 */
export async function setYearsByKeyboard(page: Page, from: number, to: number): Promise<void> {
  const min = Number(await fromYear(page).getAttribute('aria-valuemin'))
  const max = Number(await toYear(page).getAttribute('aria-valuemax'))
  await toYear(page).focus()
  await page.keyboard.press('End')
  await expect(toYear(page)).toHaveAttribute('aria-valuenow', String(max))
  await fromYear(page).focus()
  await page.keyboard.press('Home')
  await expect(fromYear(page)).toHaveAttribute('aria-valuenow', String(min))
  for (let y = min; y < from; y++) await page.keyboard.press('ArrowRight')
  await expect(fromYear(page)).toHaveAttribute('aria-valuenow', String(from))
  await toYear(page).focus()
  for (let y = max; y > to; y--) await page.keyboard.press('ArrowLeft')
  await expect(toYear(page)).toHaveAttribute('aria-valuenow', String(to))
  await expect(fromYear(page)).toHaveAttribute('aria-valuenow', String(from))
}

/** The button of an actor in the Actors list. */
export const actorButton = (page: Page, label: string) =>
  page.getByRole('navigation', { name: /^Actors/ }).getByRole('button', { name: label, exact: true })

/** The canvas's box in page CSS px. */
export async function canvasBox(
  page: Page,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.getByRole('img').boundingBox()
  if (box === null) throw new Error('the canvas has no box')
  return box
}

/** True when the element at a viewport point is the graph canvas (no overlay above it). */
export function canvasIsAt(page: Page, x: number, y: number): Promise<boolean> {
  return page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.tagName === 'CANVAS', [x, y])
}

/** The screen radius (CSS px) the app draws an actor with: 5 + 2.4·√degree world units × zoom. */
export function screenRadius(degree: number, k: number): number {
  return (5 + 2.4 * Math.sqrt(degree)) * k
}

/** axe's serious and critical violations on the page (with where), after checking it ran at all. */
export async function seriousViolations(page: Page) {
  const { default: AxeBuilder } = await import('@axe-core/playwright')
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.passes.length).toBeGreaterThan(10)
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }))
}

/** Saves a screenshot of the page into the test's output folder, for reviewers. */
export async function saveShot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) })
}

// ---------------------------------------------------------------------------------------------
// The fixtures

export interface ErrorLog {
  /** console.error messages, with the URL of the page. */
  readonly console: string[]
  /** Uncaught exceptions in any page. */
  readonly page: string[]
  /** Console errors matching one of these are expected by the test (never page errors). */
  allowConsole(pattern: RegExp): void
  /** The console errors not allowed. */
  unexpectedConsole(): string[]
}

interface Fixtures {
  errors: ErrorLog
  /** Launches a brand-new persistent context (fresh profile); closed and deleted after the test. */
  launch: () => Promise<BrowserContext>
  /** A page in another brand-new context: nothing shared with `page` but the server. */
  freshPage: () => Promise<Page>
}

function executablePath(): string {
  const p = process.env.CHROMIUM_PATH
  if (p === undefined || p === '') {
    throw new Error('CHROMIUM_PATH is not set: run the browser tests with `npm run test:browser`.')
  }
  return p
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  errors: async ({}, provide) => {
    const allowed: RegExp[] = []
    const log: ErrorLog = {
      console: [],
      page: [],
      allowConsole: (pattern) => void allowed.push(pattern),
      unexpectedConsole: () => log.console.filter((m) => !allowed.some((p) => p.test(m))),
    }
    await provide(log)
    expect(log.page, 'uncaught page errors').toEqual([])
    expect(log.unexpectedConsole(), 'console errors').toEqual([])
  },

  launch: async ({ baseURL, errors }, provide) => {
    const opened: { context: BrowserContext; dir: string }[] = []
    const watch = (p: Page) => {
      p.on('console', (m) => {
        if (m.type() === 'error') errors.console.push(`${m.text()} (${p.url()})`)
      })
      p.on('pageerror', (e) => errors.page.push(`${e.message} (${p.url()})`))
    }
    await provide(async () => {
      const dir = freshProfileDir()
      const context = await chromium.launchPersistentContext(dir, {
        executablePath: executablePath(),
        headless: true,
        args: launchArgs(),
        viewport: VIEWPORT,
        baseURL,
      })
      opened.push({ context, dir })
      context.pages().forEach(watch)
      context.on('page', watch)
      return context
    })
    for (const { context, dir } of opened) {
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    }
  },

  context: async ({ launch }, provide) => {
    await provide(await launch())
  },

  page: async ({ context }, provide) => {
    await provide(context.pages()[0] ?? (await context.newPage()))
  },

  freshPage: async ({ launch }, provide) => {
    await provide(async () => {
      const context = await launch()
      return context.pages()[0] ?? (await context.newPage())
    })
  },
})
