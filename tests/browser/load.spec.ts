/**
 * Journey 1: open the explorer (from the root and from a sub-path): a network is drawn on the
 * canvas, the status line gives the full counts of the dataset file, and nothing went wrong.
 */
import type { Page } from '@playwright/test'
import {
  canvasBox,
  expect,
  expectedCounts,
  nodes,
  openExplorer,
  readDataset,
  saveShot,
  statusLine,
  statusText,
  test,
} from './fixtures'

/** LIGHT.nodeFill in src/model/encoding.ts; the tests run in the default (light) colour scheme. */
const NODE_FILL = [0x3d, 0x4a, 0x5c] as const

interface Box {
  x: number
  y: number
  width: number
  height: number
}

interface Ink {
  /** Pixels differing from the white background, outside the DOM overlays. */
  ink: number
  /** Pixels looked at (outside the overlays). */
  total: number
  /** For each probe point: the pixel's [r, g, b] there, or null when masked or off the canvas. */
  probes: ([number, number, number] | null)[]
}

/**
 * Takes a screenshot of the canvas element and counts, in the page (which can decode PNG), the
 * pixels that are not the white background. The toolbar, status line and legend float over the
 * canvas, so their boxes are left out: what is counted is what the renderer drew.
 */
async function canvasInk(page: Page, probes: { x: number; y: number }[]): Promise<Ink> {
  const canvas = page.getByRole('img')
  const box = await canvasBox(page)
  const overlays: Box[] = []
  for (const o of [page.getByRole('toolbar', { name: 'Graph view' }), statusLine(page)]) {
    const b = await o.boundingBox()
    if (b !== null) overlays.push({ x: b.x - box.x, y: b.y - box.y, width: b.width, height: b.height })
  }
  const png = await canvas.screenshot()
  const local = probes.map((p) => ({ x: Math.round(p.x - box.x), y: Math.round(p.y - box.y) }))
  return page.evaluate(
    async ([b64, masks, points]) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
      const off = new OffscreenCanvas(bitmap.width, bitmap.height)
      const ctx = off.getContext('2d')!
      ctx.drawImage(bitmap, 0, 0)
      const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height)
      const masked = (x: number, y: number) =>
        masks.some((m) => x >= m.x - 2 && x <= m.x + m.width + 2 && y >= m.y - 2 && y <= m.y + m.height + 2)
      const inked = (x: number, y: number) => {
        const i = 4 * (y * width + x)
        return Math.max(255 - data[i]!, 255 - data[i + 1]!, 255 - data[i + 2]!) > 24
      }
      let ink = 0
      let total = 0
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          if (masked(x, y)) continue
          total++
          if (inked(x, y)) ink++
        }
      }
      const probes = points.map((p) => {
        if (p.x < 0 || p.y < 0 || p.x >= width || p.y >= height || masked(p.x, p.y)) return null
        const i = 4 * (p.y * width + p.x)
        return [data[i]!, data[i + 1]!, data[i + 2]!] as [number, number, number]
      })
      return { ink, total, probes }
    },
    [png.toString('base64'), overlays, local] as const,
  )
}

async function expectDrawnNetwork(page: Page) {
  const ds = readDataset()
  const shown = await nodes(page)
  expect(shown).toHaveLength(ds.actors.length)
  // Ring-shaped actors ("other") are hollow: their centre is background by design.
  const kinds = new Map(ds.actors.map((a) => [a.id, a.kind]))
  const solid = shown.filter((n) => kinds.get(n.id) !== 'other')
  const { ink, total, probes } = await canvasInk(page, solid)
  // A blank or nearly blank canvas has (almost) no ink; 26 nodes and 96 edges have a lot.
  expect(total).toBeGreaterThan(100_000)
  expect(ink, `non-background pixels out of ${total}`).toBeGreaterThan(15_000)
  expect(ink / total).toBeGreaterThan(0.03)
  // The nodes are drawn where the hook says they are: the centre pixel of at least 80 % of the
  // visible solid nodes has the light palette's node fill (#3d4a5c); a label may cover a few.
  // (Edges run to node centres, so "some ink there" would not prove that a node was drawn.)
  const visible = probes.filter((p) => p !== null)
  expect(visible.length).toBeGreaterThan(15)
  const filled = visible.filter((c) => Math.max(...c.map((v, i) => Math.abs(v - NODE_FILL[i]!))) <= 24).length
  expect(filled, `${filled} of ${visible.length} node centres have the node fill`).toBeGreaterThanOrEqual(
    Math.ceil(0.8 * visible.length),
  )
}

test.describe('loading the explorer', () => {
  test('draws the network and reports the full counts of the dataset', async ({ page, errors }, testInfo) => {
    const ds = readDataset()
    await openExplorer(page, '/')
    await expect(statusLine(page)).toHaveText(statusText(expectedCounts(ds)))
    await expect(page.getByRole('heading', { level: 1 })).toContainText(ds.title)
    // Every actor of the file is in the Actors list.
    await expect(page.getByRole('navigation', { name: /^Actors/ }).getByRole('button')).toHaveCount(
      ds.actors.length,
    )
    await expectDrawnNetwork(page)
    await saveShot(page, testInfo, 'loaded')
    expect(errors.page).toEqual([])
    expect(errors.unexpectedConsole()).toEqual([])
  })

  test('works the same from the sub-path /sub/explorer/', async ({ page, errors }, testInfo) => {
    const ds = readDataset()
    const dataRequests: string[] = []
    page.on('request', (r) => {
      if (r.url().endsWith('.json')) dataRequests.push(new URL(r.url()).pathname)
    })
    await openExplorer(page, '/sub/explorer/')
    await expect(statusLine(page)).toHaveText(statusText(expectedCounts(ds)))
    // The dataset came from under the sub-path, not from the root.
    expect(dataRequests.length).toBeGreaterThan(0)
    for (const p of dataRequests) expect(p.startsWith('/sub/explorer/')).toBe(true)
    await expectDrawnNetwork(page)
    await saveShot(page, testInfo, 'loaded-subpath')
    expect(errors.page).toEqual([])
    expect(errors.unexpectedConsole()).toEqual([])
  })
})
