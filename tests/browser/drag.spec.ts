/**
 * Journey 2: drag a node with the mouse. It follows the pointer, stays where it was dropped
 * (pinned) while the layout carries on, and a double-click releases it.
 */
import type { Page } from '@playwright/test'
import {
  canvasBox,
  canvasIsAt,
  expect,
  nodeById,
  nodes,
  openExplorer,
  saveShot,
  test,
  waitForSettled,
  type HookNode,
} from './fixtures'

const DISTANCE = 100
const TOLERANCE = 10

/** A node, and a direction to drag it in, such that both ends are on bare canvas (no overlay). */
async function pickDrag(page: Page): Promise<{ node: HookNode; dx: number; dy: number }> {
  const box = await canvasBox(page)
  const all = await nodes(page)
  const preferred = ['azerbaijan', 'iran', 'russia', 'turkey']
  const ordered = [
    ...preferred.flatMap((id) => all.filter((n) => n.id === id)),
    ...all.filter((n) => !preferred.includes(n.id)),
  ]
  const directions = [
    [DISTANCE, 0],
    [-DISTANCE, 0],
    [0, DISTANCE],
    [0, -DISTANCE],
  ] as const
  for (const node of ordered) {
    for (const [dx, dy] of directions) {
      const ex = node.x + dx
      const ey = node.y + dy
      const inside =
        ex > box.x + 30 && ex < box.x + box.width - 30 && ey > box.y + 30 && ey < box.y + box.height - 30
      if (inside && (await canvasIsAt(page, node.x, node.y)) && (await canvasIsAt(page, ex, ey))) {
        return { node, dx, dy }
      }
    }
  }
  throw new Error('no node can be dragged 100 px over bare canvas')
}

test('dragging a node moves it, pins it there, and a double-click releases it', async ({
  page,
  errors,
}, testInfo) => {
  await openExplorer(page)
  await waitForSettled(page)
  const { node, dx, dy } = await pickDrag(page)
  expect(node.pinned).toBe(false)
  const target = { x: node.x + dx, y: node.y + dy }

  await page.mouse.move(node.x, node.y)
  await page.mouse.down()
  await page.mouse.move(node.x + dx / 4, node.y + dy / 4, { steps: 4 })
  // Mid-drag, the node is under the pointer.
  const mid = await nodeById(page, node.id)
  expect(Math.hypot(mid.x - (node.x + dx / 4), mid.y - (node.y + dy / 4))).toBeLessThan(TOLERANCE)
  await page.mouse.move(target.x, target.y, { steps: 12 })
  await page.mouse.up()

  const dropped = await nodeById(page, node.id)
  expect(dropped.pinned).toBe(true)
  expect(Math.hypot(dropped.x - target.x, dropped.y - target.y)).toBeLessThan(TOLERANCE)
  expect(Math.hypot(dropped.x - node.x, dropped.y - node.y)).toBeGreaterThan(DISTANCE - TOLERANCE)
  await saveShot(page, testInfo, 'dragged')

  // The layout keeps running after the drop (the drag warmed it up); the pinned node must not
  // drift while it does. Watch it for 1.5 s.
  const started = Date.now()
  while (Date.now() - started < 1500) {
    const now = await nodeById(page, node.id)
    expect(now.pinned).toBe(true)
    expect(Math.hypot(now.x - target.x, now.y - target.y)).toBeLessThan(TOLERANCE)
    await page.waitForTimeout(150)
  }
  await waitForSettled(page)
  const after = await nodeById(page, node.id)
  expect(Math.hypot(after.x - target.x, after.y - target.y)).toBeLessThan(TOLERANCE)
  expect(after.pinned).toBe(true)

  // Double-click releases the pin.
  await page.mouse.dblclick(after.x, after.y)
  await expect.poll(async () => (await nodeById(page, node.id)).pinned).toBe(false)
  // Other nodes were never pinned by any of this.
  expect((await nodes(page)).filter((n) => n.pinned)).toEqual([])

  expect(errors.page).toEqual([])
  expect(errors.unexpectedConsole()).toEqual([])
})
