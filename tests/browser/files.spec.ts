/**
 * Your own network: open by the file picker and by dropping (each format), a bad file that leaves
 * the view exactly as it was, a reload that restores the last dataset and its pins, and exports
 * that open again. Expected counts are read from the fixture files here, with simple independent
 * parsing, never with the app's importers.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import {
  ROOT,
  actorButton,
  actorLabel,
  canvasBox,
  canvasIsAt,
  detailsHeading,
  expect,
  fromYear,
  nodes,
  openExplorer,
  readDataset,
  saveShot,
  setYearsByKeyboard,
  shownActorIds,
  shownRelations,
  statusLine,
  test,
  toYear,
  transform,
  waitForSettled,
  type FilterSpec,
} from './fixtures'

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const FORMATS = join(ROOT, 'tests/fixtures/formats')
const HOSTILE = join(ROOT, 'tests/fixtures/hostile')

/** Totals a file declares: actors (nodes) and relations (edges), counted without the app. */
function totals(file: string): { actors: number; relations: number } {
  const text = readFileSync(file, 'utf8')
  if (file.endsWith('.d3.json')) {
    const d = JSON.parse(text) as { nodes: unknown[]; links: unknown[] }
    return { actors: d.nodes.length, relations: d.links.length }
  }
  if (file.endsWith('.json')) {
    const d = JSON.parse(text) as { actors: unknown[]; relations: unknown[] }
    return { actors: d.actors.length, relations: d.relations.length }
  }
  if (file.endsWith('.gexf') || file.endsWith('.graphml')) {
    return { actors: (text.match(/<node\b/g) ?? []).length, relations: (text.match(/<edge\b/g) ?? []).length }
  }
  throw new Error(`no counter for ${file}`)
}

function csvTotals(): { actors: number; relations: number } {
  const rows = (f: string) =>
    readFileSync(join(FORMATS, f), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '')
      .slice(1)
  return { actors: rows('actors.csv').length, relations: rows('relations.csv').length }
}

/**
 * What the app kept in the browser's IndexedDB ("alliance-explorer", store "state"), read with the
 * raw IndexedDB API: the dataset's file name and actor count, and per dataset view its pinned ids,
 * hidden types and zoom. Opening the database never creates it (the upgrade is aborted).
 */
interface Kept {
  dataset: { name: string; actors: number } | null
  views: { pins: string[]; hiddenTypes: string[]; k: number | null }[]
}
const kept = (page: Page): Promise<Kept> =>
  page.evaluate(
    () =>
      new Promise<Kept>((resolve) => {
        const none: Kept = { dataset: null, views: [] }
        const open = indexedDB.open('alliance-explorer')
        open.onupgradeneeded = () => open.transaction?.abort()
        open.onerror = () => resolve(none)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('state')) {
            db.close()
            return resolve(none)
          }
          const store = db.transaction('state', 'readonly').objectStore('state')
          const keys = store.getAllKeys()
          const values = store.getAll()
          values.onerror = () => resolve(none)
          values.onsuccess = () => {
            db.close()
            const out: Kept = { dataset: null, views: [] }
            keys.result.forEach((key, i) => {
              const v = values.result[i]
              if (key === 'dataset') out.dataset = { name: v.name, actors: v.graph.actors.length }
              else if (String(key).startsWith('view:'))
                out.views.push({
                  pins: v.pins.map((p: { id: string }) => p.id),
                  hiddenTypes: v.filter.hiddenTypes,
                  k: v.transform?.k ?? null,
                })
            })
            resolve(out)
          }
        }
      }),
  )

const totalsPattern = (t: { actors: number; relations: number }) =>
  new RegExp(
    `^Showing \\d+ of ${t.actors} actors and ${t.relations} of ${t.relations} relations(?: \\(\\d+ undated\\))?$`,
  )

const ONE_FILE = [
  'alliances.d3.json',
  'alliances-by-index.d3.json',
  'alliances.gexf',
  'alliances.graphml',
] as const

const pickerInput = (page: Page) => page.getByLabel('Graph file')

async function dropFiles(page: Page, files: { path: string; name?: string }[]): Promise<void> {
  const payload = files.map((f) => ({
    name: f.name ?? f.path.split('/').pop()!,
    data: readFileSync(f.path).toString('base64'),
  }))
  const dt = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer()
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))
      transfer.items.add(new File([bytes], f.name))
    }
    return transfer
  }, payload)
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt })
  await expect(page.getByText('Drop a graph file to open it')).toBeVisible()
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt })
  await expect(page.getByText('Drop a graph file to open it')).toHaveCount(0)
}

test.describe('opening a file', () => {
  for (const file of ONE_FILE) {
    test(`by the picker: ${file}`, async ({ page }) => {
      await openExplorer(page)
      await pickerInput(page).setInputFiles(join(FORMATS, file))
      await expect(statusLine(page)).toHaveText(totalsPattern(totals(join(FORMATS, file))))
      await expect(page.getByRole('button', { name: 'Back to the bundled dataset' })).toBeVisible()
      await expect.poll(async () => (await nodes(page)).length).toBeGreaterThan(0)
    })

    test(`by dropping it: ${file}`, async ({ page }) => {
      await openExplorer(page)
      await dropFiles(page, [{ path: join(FORMATS, file) }])
      await expect(statusLine(page)).toHaveText(totalsPattern(totals(join(FORMATS, file))))
    })
  }

  test('by the picker: a CSV relations table with its actors table', async ({ page }) => {
    await openExplorer(page)
    await pickerInput(page).setInputFiles([join(FORMATS, 'relations.csv'), join(FORMATS, 'actors.csv')])
    await expect(statusLine(page)).toHaveText(totalsPattern(csvTotals()))
  })

  test('by dropping: a CSV relations table with its actors table', async ({ page }) => {
    await openExplorer(page)
    await dropFiles(page, [{ path: join(FORMATS, 'actors.csv') }, { path: join(FORMATS, 'relations.csv') }])
    await expect(statusLine(page)).toHaveText(totalsPattern(csvTotals()))
  })

  test('by the picker: a format v1 file; several files in a row', async ({ page }) => {
    await openExplorer(page)
    const v1 = join(ROOT, 'tests/fixtures/valid.json')
    await pickerInput(page).setInputFiles(v1)
    await expect(statusLine(page)).toHaveText(totalsPattern(totals(v1)))
    await pickerInput(page).setInputFiles(join(FORMATS, 'alliances.gexf'))
    await expect(statusLine(page)).toHaveText(totalsPattern(totals(join(FORMATS, 'alliances.gexf'))))
  })

  for (const file of ['alliances.gexf', 'alliances.d3.json']) {
    test(`by ?graph=: ${file}`, async ({ page }) => {
      await openExplorer(page, `/?graph=/fixtures/formats/${file}`)
      await expect(statusLine(page)).toHaveText(totalsPattern(totals(join(FORMATS, file))))
    })
  }

  test('import notes say what was assumed, and can be dismissed', async ({ page }) => {
    await openExplorer(page)
    await pickerInput(page).setInputFiles(join(FORMATS, 'alliances.gexf'))
    const notes = page.getByRole('status').filter({ hasText: /What was assumed/ })
    await expect(notes).toBeVisible()
    await notes.getByRole('button', { name: 'Dismiss' }).click()
    await expect(notes).toHaveCount(0)
  })
})

/** Everything a user would notice changing. */
async function viewState(page: Page) {
  return {
    title: await page.locator('.dataset-title').textContent(),
    status: await statusLine(page).textContent(),
    url: page.url(),
    military: await page.getByRole('checkbox', { name: /^Military/ }).isChecked(),
    from: await fromYear(page).getAttribute('aria-valuenow'),
    to: await toYear(page).getAttribute('aria-valuenow'),
    details: await detailsHeading(page).textContent(),
    pinned: (await nodes(page)).filter((n) => n.pinned).map((n) => n.id),
  }
}

/** Drags some node 60 px over bare canvas so that it is pinned; returns its id. */
async function pinSomeNode(page: Page): Promise<string> {
  const box = await canvasBox(page)
  for (const n of await nodes(page)) {
    for (const [dx, dy] of [
      [60, 0],
      [-60, 0],
      [0, 60],
      [0, -60],
    ] as const) {
      const ex = n.x + dx
      const ey = n.y + dy
      if (ex < box.x + 20 || ex > box.x + box.width - 20 || ey < box.y + 20 || ey > box.y + box.height - 20)
        continue
      if (!(await canvasIsAt(page, n.x, n.y)) || !(await canvasIsAt(page, ex, ey))) continue
      await page.mouse.move(n.x, n.y)
      await page.mouse.down()
      await page.mouse.move(n.x + dx / 2, n.y + dy / 2, { steps: 4 })
      await page.mouse.move(ex, ey, { steps: 4 })
      await page.mouse.up()
      await expect.poll(async () => (await nodes(page)).find((m) => m.id === n.id)?.pinned).toBe(true)
      return n.id
    }
  }
  throw new Error('no node could be dragged over bare canvas')
}

test.describe('a bad file', () => {
  const BAD = ['dangling-target.json', 'html-error-page.json', 'binary.json', 'billion-laughs.gexf']
  for (const bad of BAD) {
    test(`${bad} is reported and the view stays exactly as it was`, async ({ page }, testInfo) => {
      await openExplorer(page)
      await page.getByRole('checkbox', { name: /^Military/ }).uncheck()
      await setYearsByKeyboard(page, 2000, 2021)
      await actorButton(page, 'Azerbaijan').click()
      await expect(detailsHeading(page)).toHaveText('Azerbaijan')
      await waitForSettled(page)
      await pinSomeNode(page)
      const before = await viewState(page)
      const zoom = await transform(page)

      await pickerInput(page).setInputFiles(join(HOSTILE, bad))
      const alert = page.getByRole('alert')
      await expect(alert).toBeVisible()
      await expect(alert).toContainText(`Could not open ${bad}`)
      await expect(alert).toContainText('The network on screen has not changed.')
      await saveShot(page, testInfo, `bad-${bad}`)
      expect(await viewState(page)).toEqual(before)
      expect(await transform(page)).toEqual(zoom)
      await alert.getByRole('button', { name: 'Dismiss' }).click()
      await expect(page.getByRole('alert')).toHaveCount(0)
      expect(await viewState(page)).toEqual(before)
    })
  }

  test('a file with 150 problems lists 100, says how many more, and copies the full report', async ({
    page,
  }, testInfo) => {
    const actors = [{ id: 'a', label: 'A', kind: 'state' }]
    const relations = Array.from({ length: 150 }, (_, i) => ({
      id: `r${i}`,
      source: 'a',
      target: `nobody-${i}`,
      type: 'military',
      stance: 'hostile',
      summary: 's',
    }))
    const file = testInfo.outputPath('many-problems.json')
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, title: 'Many', sources: [], actors, relations }))
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await openExplorer(page)
    await pickerInput(page).setInputFiles(file)
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('150 problems')
    await expect(alert.getByRole('listitem')).toHaveCount(100)
    await expect(alert.getByRole('listitem').first()).toHaveText(
      'relations[0].target: no actor has the id "nobody-0"',
    )
    await expect(alert).toContainText('and 50 more')
    await alert.getByRole('button', { name: 'Copy full report' }).click()
    await expect(page.getByText('The full report is on the clipboard.')).toBeVisible()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied.split('\n').filter((l) => l.startsWith('relations['))).toHaveLength(150)
    expect(copied).toContain('relations[149].target: no actor has the id "nobody-149"')
  })

  test('a file over the size limit is refused before it is read', async ({ page }) => {
    await openExplorer(page)
    const before = await statusLine(page).textContent()
    // A sparse 70 MB file: the picker hands over its size without the test writing 70 MB of data.
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[type=file]')!
      const big = new File([new Uint8Array(70 * 1024 * 1024)], 'huge.json')
      const dt = new DataTransfer()
      dt.items.add(big)
      input.files = dt.files
      input.dispatchEvent(new Event('change', { bubbles: true }))
    })
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('huge.json')
    await expect(alert).toContainText(/70(\.0)? MB, more than the 64(\.0)? MB/)
    await expect(statusLine(page)).toHaveText(before!)
  })
})

test.describe('hostile content', () => {
  for (const file of [
    'img-onerror-in-every-field.json',
    'script-in-every-field.json',
    'javascript-url.json',
  ]) {
    test(`${file}: markup is shown as text, nothing runs, no unsafe link`, async ({ page }, testInfo) => {
      const dialogs: string[] = []
      page.on('dialog', (d) => {
        dialogs.push(d.message())
        void d.dismiss()
      })
      await openExplorer(page)
      await pickerInput(page).setInputFiles(join(HOSTILE, file))
      // Either a safe load or a precise report; in both cases nothing is executed.
      const loaded = page.locator('.dataset-title').filter({ hasNotText: 'Iran–Azerbaijan' })
      const report = page.getByRole('alert')
      await expect(loaded.or(report).first()).toBeVisible()
      if (await loaded.count()) {
        const buttons = page.getByRole('navigation', { name: /^Actors/ }).getByRole('button')
        for (let i = 0; i < (await buttons.count()); i++) {
          await buttons.nth(i).click()
          await expect(detailsHeading(page)).toBeVisible()
        }
      }
      await saveShot(page, testInfo, `hostile-${file}`)
      expect(dialogs).toEqual([])
      expect(
        await page.evaluate(() => document.querySelectorAll('main img, aside img, script:not([src])').length),
      ).toBe(0)
      const hrefs = await page
        .locator('a[href]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
      for (const h of hrefs) expect(h).not.toMatch(/^\s*(javascript|data|vbscript):/i)
      for (const a of await page.locator('a[target=_blank]').all())
        expect(await a.getAttribute('rel')).toMatch(/noopener/)
    })
  }
})

test.describe('keeping your work', () => {
  test('a reload restores the last opened dataset, its filters, zoom and pins', async ({ page }) => {
    await openExplorer(page)
    const gexf = join(FORMATS, 'alliances.gexf')
    await pickerInput(page).setInputFiles(gexf)
    await expect(statusLine(page)).toHaveText(totalsPattern(totals(gexf)))
    await waitForSettled(page)
    const pinned = await pinSomeNode(page)
    await page.getByRole('button', { name: 'Zoom in' }).click()
    await page.getByRole('checkbox', { name: /^Diplomatic/ }).uncheck()
    const status = await statusLine(page).textContent()
    const where = (await nodes(page)).find((n) => n.id === pinned)!
    const zoom = await transform(page)
    // The view is saved after a short pause: wait until the browser holds it.
    await expect
      .poll(async () => (await kept(page)).views.find((v) => v.pins.includes(pinned)) ?? null)
      .toMatchObject({ hiddenTypes: ['diplomatic'], k: zoom.k })

    await page.reload()
    await expect(statusLine(page)).toHaveText(status!)
    await expect(page.getByRole('checkbox', { name: /^Diplomatic/ })).not.toBeChecked()
    await expect.poll(async () => (await nodes(page)).find((n) => n.id === pinned)?.pinned).toBe(true)
    const after = (await nodes(page)).find((n) => n.id === pinned)!
    expect(Math.abs(after.x - where.x)).toBeLessThan(2)
    expect(Math.abs(after.y - where.y)).toBeLessThan(2)
    expect((await transform(page)).k).toBeCloseTo(zoom.k, 3)

    // Back to the bundled dataset resets, and stays reset after another reload.
    await page.getByRole('button', { name: 'Back to the bundled dataset' }).click()
    await expect(page.locator('.dataset-title')).toHaveText(
      'Iran–Azerbaijan and the regional balance of power',
    )
    await page.reload()
    await expect(page.locator('.dataset-title')).toHaveText(
      'Iran–Azerbaijan and the regional balance of power',
    )
    await expect(page.getByRole('button', { name: 'Back to the bundled dataset' })).toHaveCount(0)
  })

  test('the URL wins over what the browser kept', async ({ page }) => {
    await openExplorer(page)
    const gexf = join(FORMATS, 'alliances.gexf')
    await pickerInput(page).setInputFiles(gexf)
    await expect(statusLine(page)).toHaveText(totalsPattern(totals(gexf)))
    // Something was kept: the opened file, which a plain reload would bring back.
    await expect
      .poll(async () => (await kept(page)).dataset)
      .toEqual({ name: 'alliances.gexf', actors: totals(gexf).actors })
    const v1 = join(ROOT, 'tests/fixtures/valid.json')
    expect(totals(v1)).not.toEqual(totals(gexf))
    await openExplorer(page, '/?graph=/fixtures/valid.json')
    await expect(statusLine(page)).toHaveText(totalsPattern(totals(v1)))
    const title = (JSON.parse(readFileSync(v1, 'utf8')) as { title: string }).title
    await expect(page.locator('.dataset-title')).toHaveText(title)
  })
})

test.describe('export', () => {
  async function exportFile(page: Page, button: string) {
    await page.locator('summary', { hasText: 'Export' }).click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button, exact: true }).click(),
    ])
    return download
  }

  test('PNG: named after the dataset and years, not blank, legend included', async ({ page }, testInfo) => {
    await openExplorer(page)
    await setYearsByKeyboard(page, 2016, 2021)
    const d = await exportFile(page, 'Export PNG at 2×')
    expect(d.suggestedFilename()).toMatch(/^iran-azerbaijan.*_2016-2021\.png$/)
    const file = testInfo.outputPath('view.png')
    await d.saveAs(file)
    const data = readFileSync(file).toString('base64')
    const box = await canvasBox(page)
    const stats = await page.evaluate(async (b64) => {
      const img = new Image()
      img.src = `data:image/png;base64,${b64}`
      await img.decode()
      const c = document.createElement('canvas')
      c.width = img.width
      c.height = img.height
      const ctx = c.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      const px = ctx.getImageData(0, 0, c.width, c.height).data
      const colours = new Set<number>()
      let ink = 0
      for (let i = 0; i < px.length; i += 4) {
        colours.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!)
        if (px[i]! + px[i + 1]! + px[i + 2]! < 600) ink++
      }
      return { width: img.width, height: img.height, colours: colours.size, ink }
    }, data)
    expect(stats.width).toBe(Math.round(box.width * 2))
    expect(stats.height).toBeGreaterThan(Math.round(box.height * 2)) // the legend strip below
    expect(stats.colours).toBeGreaterThan(20)
    expect(stats.ink).toBeGreaterThan(5000)
  })

  /**
   * The SVG's objects, read in the page: the data-id'd children of each layer with their titles,
   * every text, and the parser's complaint if any.
   */
  async function readSvg(page: Page, text: string) {
    return page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
      const layer = (id: string) => doc.querySelector(`svg > g#${id}`)
      const items = (id: string) =>
        Array.from(layer(id)?.children ?? [])
          .filter((e) => e.hasAttribute('data-id'))
          .map((e) => ({
            tag: e.tagName,
            id: e.getAttribute('data-id')!,
            title: e.querySelector('title')?.textContent ?? null,
            text: e.tagName === 'text' ? e.textContent : null,
            stroke: e.getAttribute('stroke'),
            dash: e.getAttribute('stroke-dasharray'),
            marker: e.getAttribute('marker-end'),
            x: Number(e.getAttribute('x') ?? NaN),
          }))
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        layers: ['relations', 'actors', 'labels', 'legend'].filter((id) => layer(id) !== null),
        relations: items('relations'),
        actors: items('actors'),
        labels: items('labels'),
        legend: Array.from(layer('legend')?.querySelectorAll('text') ?? [], (t) => t.textContent),
        images: doc.querySelectorAll('image').length,
        width: Number(doc.documentElement.getAttribute('width')),
        height: Number(doc.documentElement.getAttribute('height')),
      }
    }, text)
  }

  /** Waits until every shown actor's centre is on the canvas (the SVG holds what is in view). */
  async function expectAllInView(page: Page) {
    const box = await canvasBox(page)
    const inside = (n: { x: number; y: number }) =>
      n.x >= box.x && n.x <= box.x + box.width && n.y >= box.y && n.y <= box.y + box.height
    await expect.poll(async () => (await nodes(page)).filter((n) => !inside(n)).map((n) => n.id)).toEqual([])
  }

  /** Checks the SVG against the data file under a filter: one object per shown actor and relation. */
  async function checkSvg(page: Page, text: string, f: FilterSpec) {
    const ds = readDataset()
    const svg = await readSvg(page, text)
    expect(svg.error).toBeNull()
    expect(svg.root).toBe('svg')
    expect(svg.layers).toEqual(['relations', 'actors', 'labels', 'legend'])
    expect(svg.images).toBe(0) // objects, not bitmaps
    const rels = shownRelations(ds, f)
    const typeLabel = new Map(ds.relationTypes.map((t) => [t.id, t.label]))
    const typeColor = new Map(ds.relationTypes.map((t) => [t.id, t.color.toLowerCase()]))
    expect(svg.relations.map((r) => r.id).sort()).toEqual(rels.map((r) => r.id).sort())
    for (const r of rels) {
      const el = svg.relations.find((e) => e.id === r.id)!
      const arrow = r.directed === true ? '→' : '—'
      expect(el.title).toMatch(
        new RegExp(
          `^${escapeRe(`${actorLabel(ds, r.source)} ${arrow} ${actorLabel(ds, r.target)}: ${typeLabel.get(r.type)}, ${r.stance}, `)}`,
        ),
      )
      expect(el.stroke?.toLowerCase()).toBe(typeColor.get(r.type))
      expect(el.dash === null).toBe(r.stance === 'cooperative')
    }
    const actorIds = shownActorIds(ds, f)
    expect(svg.actors.map((a) => a.id).sort()).toEqual([...actorIds].sort())
    for (const a of svg.actors) expect(a.title).toBe(actorLabel(ds, a.id))
    // every label names a shown actor; the most connected ones have theirs
    expect(svg.labels.length).toBeGreaterThan(0)
    for (const l of svg.labels) expect(l.text).toBe(actorLabel(ds, l.id))
    expect(svg.labels.map((l) => l.text)).toContain('Azerbaijan')
    for (const t of ds.relationTypes.filter((t) => !(f.hideTypes ?? []).includes(t.id))) {
      expect(svg.legend).toContain(t.label)
    }
    expect(svg.legend).toEqual(expect.arrayContaining(['Cooperative', 'Hostile', 'Neutral']))
    return svg
  }

  test('SVG: one object per shown actor and relation, with ids and titles, in layers', async ({
    page,
  }, testInfo) => {
    await openExplorer(page)
    await waitForSettled(page)
    await expectAllInView(page)
    const d = await exportFile(page, 'Export SVG')
    expect(d.suggestedFilename()).toMatch(/_all-years\.svg$/)
    const file = testInfo.outputPath('view.svg')
    await d.saveAs(file)
    const text = readFileSync(file, 'utf8')
    const svg = await checkSvg(page, text, {})
    expect(svg.legend).toContain(readDataset().title)

    // The labels are the ones on screen, centred where the screen centres them.
    const box = await canvasBox(page)
    const onScreen = await page.evaluate(() => window.__explorer!.labels())
    expect(svg.labels.map((l) => l.id).sort()).toEqual(onScreen.map((l) => l.id).sort())
    for (const l of onScreen) {
      const inSvg = svg.labels.find((e) => e.id === l.id)!
      expect(Math.abs(inSvg.x - (l.x - box.x + l.width / 2))).toBeLessThan(1)
    }

    // The picture: the file drawn by the browser beside the canvas it was exported from.
    expect(svg.width).toBeCloseTo(box.width, 0)
    expect(svg.height).toBeGreaterThan(box.height) // the legend strip below
    const screen = await page.getByRole('img').screenshot({ path: testInfo.outputPath('screen.png') })
    const shot = await page.context().newPage()
    await shot.setViewportSize({ width: Math.ceil(svg.width), height: Math.ceil(svg.height) })
    await shot.goto(`file://${file}`)
    const drawn = await shot.screenshot({ path: testInfo.outputPath('view-svg.png') })
    await shot.close()
    // Looks like the screen: over the graph area, in blocks of 12 px, the mean luminance of the
    // SVG as drawn is within a few levels of the canvas's (ink in the same places; a missing layer
    // or a shifted drawing moves whole blocks by tens of levels).
    const diff = await page.evaluate(
      async ([a, b, w, h]) => {
        const load = async (b64: string) => {
          const img = new Image()
          img.src = `data:image/png;base64,${b64}`
          await img.decode()
          const c = document.createElement('canvas')
          c.width = w
          c.height = h
          const ctx = c.getContext('2d')!
          ctx.drawImage(img, 0, 0)
          return ctx.getImageData(0, 0, w, h).data
        }
        const [pa, pb] = [await load(a), await load(b)]
        const B = 12
        const diffs: number[] = []
        for (let by = 0; by + B <= h; by += B)
          for (let bx = 0; bx + B <= w; bx += B) {
            let sa = 0
            let sb = 0
            for (let y = by; y < by + B; y++)
              for (let x = bx; x < bx + B; x++) {
                const i = (y * w + x) * 4
                sa += pa[i]! + pa[i + 1]! + pa[i + 2]!
                sb += pb[i]! + pb[i + 1]! + pb[i + 2]!
              }
            diffs.push(Math.abs(sa - sb) / (3 * B * B))
          }
        diffs.sort((p, q) => p - q)
        return {
          mean: diffs.reduce((p, q) => p + q, 0) / diffs.length,
          p95: diffs[Math.floor(diffs.length * 0.95)]!,
        }
      },
      [
        screen.toString('base64'),
        drawn.toString('base64'),
        Math.floor(box.width),
        Math.floor(box.height),
      ] as const,
    )
    expect(diff.mean).toBeLessThan(1.5) // measured 0.5
    expect(diff.p95).toBeLessThan(8) // measured 3.8

    // A filtered view, fitted so that every shown actor is in view: only what is shown.
    await page.getByRole('checkbox', { name: /^Economic/ }).uncheck()
    await setYearsByKeyboard(page, 2020, 2023)
    await waitForSettled(page)
    await page.getByRole('button', { name: 'Fit to view' }).click()
    await expectAllInView(page)
    const d2 = await exportFile(page, 'Export SVG')
    const file2 = testInfo.outputPath('filtered.svg')
    await d2.saveAs(file2)
    await checkSvg(page, readFileSync(file2, 'utf8'), { hideTypes: ['economic'], from: 2020, to: 2023 })
  })

  test('JSON: the visible subgraph re-opens with the same counts and its evidence', async ({
    page,
  }, testInfo) => {
    await openExplorer(page)
    await page.getByRole('checkbox', { name: /^Economic/ }).uncheck()
    await setYearsByKeyboard(page, 2020, 2023)
    const counts = await visibleCounts(page)
    const d = await exportFile(page, 'Export JSON')
    expect(d.suggestedFilename()).toMatch(/^iran-azerbaijan.*_2020-2023\.json$/)
    const file = testInfo.outputPath('visible.json')
    await d.saveAs(file)
    await pickerInput(page).setInputFiles(file)
    await expect(statusLine(page)).toHaveText(counts)
    await actorButton(page, 'Azerbaijan').click()
    await expect(page.locator('blockquote').first()).toBeVisible()
  })

  test('CSV: the relations and actors tables re-open with the same counts', async ({ page }, testInfo) => {
    await openExplorer(page)
    await page.getByRole('checkbox', { name: /^Economic/ }).uncheck()
    await setYearsByKeyboard(page, 2020, 2023)
    const counts = await visibleCounts(page)
    await page.locator('summary', { hasText: 'Export' }).click()
    const downloads: import('@playwright/test').Download[] = []
    page.on('download', (d) => void downloads.push(d))
    await page.getByRole('button', { name: 'Export CSV', exact: true }).click()
    await expect.poll(() => downloads.length).toBe(2)
    const names = downloads.map((d) => d.suggestedFilename()).sort()
    expect(names[0]).toMatch(/_2020-2023\.actors\.csv$/)
    expect(names[1]).toMatch(/_2020-2023\.csv$/)
    const files = await Promise.all(
      downloads.map(async (d) => {
        const f = testInfo.outputPath(d.suggestedFilename())
        await d.saveAs(f)
        return f
      }),
    )
    await pickerInput(page).setInputFiles(files)
    await expect(statusLine(page)).toHaveText(counts)
    await actorButton(page, 'Azerbaijan').click()
    await expect(page.locator('blockquote').first()).toBeVisible()
  })
})

/** "Showing N of N actors and M of M relations" for what is shown now, as a file of its own. */
async function visibleCounts(page: Page): Promise<string> {
  const status = (await statusLine(page).textContent())!
  const [, actors, relations] = /^Showing (\d+) of \d+ actors and (\d+) of/.exec(status)!
  const undated = / \(\d+ undated\)$/.exec(status)?.[0] ?? ''
  return `Showing ${actors} of ${actors} actors and ${relations} of ${relations} relations${undated}`
}
