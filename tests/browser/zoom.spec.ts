/**
 * Journey 3: zoom. The wheel zooms about the cursor (the world point under it stays put), the
 * toolbar buttons zoom in and out, and "Fit to view" brings the whole network back into view.
 */
import type { Page } from '@playwright/test'
import {
  canvasBox,
  canvasIsAt,
  expect,
  nodes,
  openExplorer,
  saveShot,
  test,
  transform,
  type HookTransform,
} from './fixtures'

/** The world point under a page point, given the canvas box and a transform. */
const toWorld = (t: HookTransform, box: { x: number; y: number }, px: number, py: number) => ({
  x: (px - box.x - t.x) / t.k,
  y: (py - box.y - t.y) / t.k,
})

/** A point on bare canvas (no overlay), off-centre so that a zoom about it is not a zoom about the middle. */
async function wheelPoint(page: Page): Promise<{ x: number; y: number }> {
  const box = await canvasBox(page)
  for (const [fx, fy] of [
    [0.3, 0.35],
    [0.7, 0.4],
    [0.4, 0.6],
    [0.5, 0.5],
  ] as const) {
    const p = { x: box.x + fx * box.width, y: box.y + fy * box.height }
    if (await canvasIsAt(page, p.x, p.y)) return p
  }
  throw new Error('no bare canvas point to wheel over')
}

/** Activates a toolbar button from the keyboard (a test below clicks them with the mouse). */
async function pressButton(page: Page, name: string) {
  const button = page.getByRole('button', { name, exact: true })
  await button.focus()
  await page.keyboard.press('Enter')
}

test.describe('zooming the graph', () => {
  test('the wheel zooms in about the cursor', async ({ page, errors }, testInfo) => {
    await openExplorer(page)
    const box = await canvasBox(page)
    const p = await wheelPoint(page)
    await page.mouse.move(p.x, p.y)
    const before = await transform(page)
    const worldBefore = toWorld(before, box, p.x, p.y)

    await page.mouse.wheel(0, -300)
    await expect.poll(async () => (await transform(page)).k).toBeGreaterThan(before.k * 1.2)
    const after = await transform(page)
    const worldAfter = toWorld(after, box, p.x, p.y)
    // The same world point is under the cursor (within one screen pixel: pointer positions are rounded).
    expect(Math.abs(worldAfter.x - worldBefore.x) * after.k).toBeLessThan(1)
    expect(Math.abs(worldAfter.y - worldBefore.y) * after.k).toBeLessThan(1)
    // And the translation did change: this was not a zoom about the origin.
    expect(Math.abs(after.x - before.x) + Math.abs(after.y - before.y)).toBeGreaterThan(10)

    // The drawn nodes follow: a node's screen distance from the cursor grows by the zoom ratio.
    const [n] = await nodes(page)
    const nWorld = toWorld(after, box, n!.x, n!.y)
    const nBefore = { x: box.x + nWorld.x * before.k + before.x, y: box.y + nWorld.y * before.k + before.y }
    const ratio = Math.hypot(n!.x - p.x, n!.y - p.y) / Math.hypot(nBefore.x - p.x, nBefore.y - p.y)
    expect(ratio).toBeCloseTo(after.k / before.k, 2)

    // Wheel the other way zooms back out.
    await page.mouse.wheel(0, 300)
    await expect.poll(async () => (await transform(page)).k).toBeLessThan(after.k / 1.2)
    await saveShot(page, testInfo, 'zoomed-wheel')
    expect(errors.page).toEqual([])
  })

  test('"Zoom in" and "Zoom out" change the scale in the right direction', async ({ page, errors }) => {
    await openExplorer(page)
    const k0 = (await transform(page)).k
    await pressButton(page, 'Zoom in')
    await expect.poll(async () => (await transform(page)).k).toBeGreaterThan(k0 * 1.1)
    const k1 = (await transform(page)).k
    await pressButton(page, 'Zoom out')
    await expect.poll(async () => (await transform(page)).k).toBeLessThan(k1 / 1.1)
    const k2 = (await transform(page)).k
    await pressButton(page, 'Zoom out')
    await expect.poll(async () => (await transform(page)).k).toBeLessThan(k2 / 1.1)
    expect(errors.page).toEqual([])
  })

  // The status line and the toolbar share the top of the graph area: nothing may lie over the buttons.
  test('"Zoom in" and "Zoom out" can be clicked with the mouse', async ({ page }) => {
    await openExplorer(page)
    const k0 = (await transform(page)).k
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click({ timeout: 3000 })
    await expect.poll(async () => (await transform(page)).k).toBeGreaterThan(k0 * 1.1)
    const k1 = (await transform(page)).k
    await page.getByRole('button', { name: 'Zoom out', exact: true }).click({ timeout: 3000 })
    await expect.poll(async () => (await transform(page)).k).toBeLessThan(k1 / 1.1)
  })

  test('"Fit to view" brings every node back inside the canvas after zooming far in', async ({
    page,
    errors,
  }, testInfo) => {
    await openExplorer(page)
    const box = await canvasBox(page)
    const inside = (n: { x: number; y: number }) =>
      n.x >= box.x && n.x <= box.x + box.width && n.y >= box.y && n.y <= box.y + box.height
    expect((await nodes(page)).every(inside)).toBe(true)

    const p = await wheelPoint(page)
    await page.mouse.move(p.x, p.y)
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -400)
    await expect.poll(async () => (await transform(page)).k).toBeGreaterThan(8)
    const outside = (await nodes(page)).filter((n) => !inside(n))
    expect(outside.length, 'zoomed far in, most nodes are out of view').toBeGreaterThan(10)
    await saveShot(page, testInfo, 'zoomed-in')

    await page.getByRole('button', { name: 'Fit to view' }).click()
    await expect.poll(async () => (await nodes(page)).filter((n) => !inside(n)).map((n) => n.id)).toEqual([])
    expect((await transform(page)).k).toBeLessThan(8)
    await saveShot(page, testInfo, 'fit-to-view')
    expect(errors.page).toEqual([])
  })

  // The legend, the status line and the toolbar sit beside the canvas, not over it: every fitted
  // node can be seen and clicked.
  test('after "Fit to view" no node lies under the legend, status line or toolbar', async ({ page }) => {
    await openExplorer(page)
    await page.getByRole('button', { name: 'Fit to view' }).click()
    const covered: string[] = []
    for (const n of await nodes(page)) if (!(await canvasIsAt(page, n.x, n.y))) covered.push(n.id)
    expect(covered).toEqual([])
  })
})
