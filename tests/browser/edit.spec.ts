/**
 * Editing journeys (issue 19): create an actor and a tie by dragging, edit a stance in the details,
 * undo everything back to the start, reload and find the edits, the history and undo still there,
 * two pages editing one network, and storage refused (quota) with the edits kept in memory.
 */
import type { Page } from '@playwright/test'
import {
  canvasBox,
  expect,
  nodeById,
  nodes,
  openExplorer,
  readDataset,
  saveShot,
  seriousViolations,
  test,
  waitForSettled,
} from './fixtures'

interface V1 {
  title: string
  actors: { id: string; label: string; kind: string; aliases?: string[] }[]
  relations: {
    id: string
    source: string
    target: string
    stance: string
    type: string
    evidence?: unknown[]
  }[]
}
const graph = (page: Page) => page.evaluate(() => window.__explorer!.graph() as unknown as V1)

const editButton = (page: Page) => page.getByRole('button', { name: 'Edit', exact: true })
const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'Saved in this browser' })

async function startEditing(page: Page) {
  await editButton(page).click()
  await expect(editButton(page)).toHaveAttribute('aria-pressed', 'true')
}

/** Adds an actor through the "New actor" form, at a double-click on empty canvas. */
async function addActorAt(page: Page, label: string, x: number, y: number) {
  await page.mouse.dblclick(x, y)
  const dialog = page.getByRole('dialog', { name: 'New actor' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Label').fill(label)
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(dialog).toBeHidden()
}

/** A point of the canvas with no actor within `clear` px. */
async function emptyPoint(page: Page, clear = 60): Promise<{ x: number; y: number }> {
  const box = await canvasBox(page)
  const all = await nodes(page)
  for (let gy = 0.15; gy < 0.9; gy += 0.07)
    for (let gx = 0.1; gx < 0.9; gx += 0.05) {
      const x = box.x + box.width * gx
      const y = box.y + box.height * gy
      if (all.every((n) => Math.hypot(n.x - x, n.y - y) > clear)) return { x, y }
    }
  throw new Error('no empty point on the canvas')
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

test('create an actor and a tie by dragging, edit a stance, undo everything back to the start', async ({
  page,
}, testInfo) => {
  await openExplorer(page)
  const start = await graph(page)
  expect(start.actors).toHaveLength(readDataset().actors.length)
  await startEditing(page)
  const before = await nodes(page)
  const box = await canvasBox(page)
  const at = await emptyPoint(page)
  await addActorAt(page, 'Testland', at.x, at.y)
  await expect(page.locator('#details-heading')).toHaveText('Testland')
  await expect.poll(async () => (await graph(page)).actors.some((a) => a.label === 'Testland')).toBe(true)
  // The new actor appears where it was made; nobody else jumps.
  await expect.poll(async () => (await nodes(page)).some((n) => n.label === 'Testland')).toBe(true)
  const made = (await nodes(page)).find((n) => n.label === 'Testland')!
  const shift = (await canvasBox(page)).y - box.y
  expect(Math.hypot(made.x - at.x, made.y - shift - at.y)).toBeLessThan(20)
  // Measured within the canvas (the page around it may reflow when the status changes).
  const after = await nodes(page)
  const boxAfter = await canvasBox(page)
  const moves = before.map((b) => {
    const a = after.find((n) => n.id === b.id)!
    return Math.hypot(a.x - boxAfter.x - (b.x - box.x), a.y - boxAfter.y - (b.y - box.y))
  })
  expect(median(moves)).toBeLessThan(0.01 * Math.hypot(box.width, box.height))

  // A tie by dragging from Testland to Azerbaijan: a line follows, the layout does not move.
  const az = await nodeById(page, 'azerbaijan')
  await page.mouse.move(made.x, made.y)
  await page.mouse.down()
  await page.mouse.move((made.x + az.x) / 2, (made.y + az.y) / 2, { steps: 5 })
  await expect(page.locator('svg.connector line')).toBeVisible()
  await page.mouse.move(az.x, az.y, { steps: 5 })
  await page.mouse.up()
  const dialog = page.getByRole('dialog', { name: 'New relation' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByText('From: Testland')).toBeVisible()
  await expect(dialog.getByText('To: Azerbaijan')).toBeVisible()
  await dialog.getByLabel('Stance').selectOption('cooperative')
  await dialog.getByLabel('Start year').fill('2024')
  await dialog.getByLabel('Summary').fill('Testland and Azerbaijan cooperate (a test tie).')
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.locator('#details-heading')).toHaveText('Testland – Azerbaijan')
  await expect(page.getByRole('textbox', { name: 'Quotation', exact: true })).toBeFocused()

  // Edit the stance in the details: it applies at once, with a named undo step.
  await page.getByLabel('Stance').selectOption('hostile')
  await expect(
    page.getByRole('button', { name: 'Undo: stance of Testland – Azerbaijan to hostile' }),
  ).toBeVisible()
  const edited = await graph(page)
  expect(
    edited.relations.find((r) => r.source === edited.actors.find((a) => a.label === 'Testland')!.id)?.stance,
  ).toBe('hostile')
  await expect(saved(page)).toBeVisible()
  await saveShot(page, testInfo, 'edited')

  // An invalid value is refused at the field with its reason, and nothing is stored.
  const endYear = page.getByLabel('End year')
  await endYear.fill('1999')
  await endYear.press('Enter')
  await expect(page.getByText('end (1999) is before start (2024)')).toBeVisible()
  expect(await graph(page)).toEqual(edited)

  // Undo everything (keyboard and button): the network equals the start.
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await page.getByRole('button', { name: /^Undo: / }).click()
  await page.getByRole('button', { name: /^Undo: / }).click()
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled()
  expect(await graph(page)).toEqual(start)
  // …and redo comes back step by step.
  await page.keyboard.press('Control+Shift+z')
  expect((await graph(page)).actors.some((a) => a.label === 'Testland')).toBe(true)
})

test('reload: the edits and the history are there, and undo still works', async ({ page }) => {
  await openExplorer(page)
  const start = await graph(page)
  await startEditing(page)
  await page.getByRole('button', { name: 'New actor' }).click()
  const dialog = page.getByRole('dialog', { name: 'New actor' })
  await dialog.getByLabel('Label').fill('Reloadia')
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await page.getByLabel('Kind').selectOption('organisation')
  await expect(saved(page)).toBeVisible()
  const edited = await graph(page)

  await page.reload()
  await openExplorer(page, page.url())
  expect(await graph(page)).toEqual(edited)
  await startEditing(page)
  await page.getByRole('button', { name: 'History' }).click()
  const history = page.getByRole('region', { name: 'History' })
  await expect(history.getByText('add actor Reloadia')).toBeVisible()
  await expect(history.getByText('kind of Reloadia to organisation')).toBeVisible()
  await page.getByRole('button', { name: 'Undo: kind of Reloadia to organisation' }).click()
  await page.getByRole('button', { name: 'Undo: add actor Reloadia' }).click()
  const undone = await graph(page)
  expect(undone.actors).toEqual(start.actors)
  expect(undone.relations).toEqual(start.relations)
  await waitForSettled(page)
})

test('a near-duplicate label warns before adding', async ({ page }) => {
  await openExplorer(page)
  await startEditing(page)
  await page.getByRole('button', { name: 'New actor' }).click()
  const dialog = page.getByRole('dialog', { name: 'New actor' })
  await dialog.getByLabel('Label').fill('Azerbajan')
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(dialog.getByText('Azerbaijan already exists')).toBeVisible()
  await dialog.getByRole('button', { name: 'Use Azerbaijan' }).click()
  await expect(page.locator('#details-heading')).toHaveText('Azerbaijan')
  expect((await graph(page)).actors.filter((a) => a.label.startsWith('Azerba'))).toHaveLength(1)
})

test('two pages of one browser edit the same network, and both edits survive', async ({ launch }) => {
  const context = await launch()
  const one = await context.newPage()
  await openExplorer(one)
  await startEditing(one)
  await one.getByRole('button', { name: 'New actor' }).click()
  await one.getByRole('dialog', { name: 'New actor' }).getByLabel('Label').fill('First tab land')
  await one
    .getByRole('dialog', { name: 'New actor' })
    .getByRole('button', { name: 'Add', exact: true })
    .click()
  await expect(saved(one)).toBeVisible()

  const two = await context.newPage()
  await openExplorer(two)
  expect((await graph(two)).actors.some((a) => a.label === 'First tab land')).toBe(true)
  await startEditing(two)
  await two.getByRole('button', { name: 'New actor' }).click()
  await two.getByRole('dialog', { name: 'New actor' }).getByLabel('Label').fill('Second tab land')
  await two
    .getByRole('dialog', { name: 'New actor' })
    .getByRole('button', { name: 'Add', exact: true })
    .click()
  // The other tab sees it within a second, and its own edit is kept.
  await expect
    .poll(async () => (await graph(one)).actors.filter((a) => a.label.endsWith('tab land')).length, {
      timeout: 2000,
    })
    .toBe(2)
  const label = one.getByRole('textbox', { name: 'Label', exact: true })
  await label.fill('First tab land, renamed')
  await label.press('Enter')
  await expect
    .poll(async () => (await graph(two)).actors.some((a) => a.label === 'First tab land, renamed'), {
      timeout: 2000,
    })
    .toBe(true)
  await expect(saved(two)).toBeVisible()
  await expect(saved(one)).toBeVisible()
  // A third page opened now has both (nothing was written over).
  const three = await context.newPage()
  await openExplorer(three)
  const labels = (await graph(three)).actors.map((a) => a.label)
  expect(labels).toEqual(expect.arrayContaining(['First tab land, renamed', 'Second tab land']))
})

test('storage full: the alert shows, the edits stay in memory, and "Export now" works', async ({
  context,
  errors,
}) => {
  errors.allowConsole(/quota|QuotaExceeded|Failed to load resource/i)
  // The quota is set before the app opens its databases (Chromium applies it to connections opened after).
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await page.goto('/favicon.svg')
  const origin = new URL(page.url()).origin
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 })
  await openExplorer(page)
  await startEditing(page)
  await page.getByRole('button', { name: 'New actor' }).click()
  await page.getByRole('dialog', { name: 'New actor' }).getByLabel('Label').fill('Quotaland')
  await page
    .getByRole('dialog', { name: 'New actor' })
    .getByRole('button', { name: 'Add', exact: true })
    .click()
  const alert = page.getByRole('alert').filter({ hasText: 'not saved in this browser' })
  await expect(alert).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /^Not saved: / })).toBeVisible()
  expect((await graph(page)).actors.some((a) => a.label === 'Quotaland')).toBe(true)
  const download = page.waitForEvent('download')
  await alert.getByRole('button', { name: 'Export now' }).click()
  const file = await download
  const chunks = (await (await file.createReadStream()).toArray()) as Buffer[]
  const exported = JSON.parse(Buffer.concat(chunks).toString('utf8')) as V1
  expect(exported.actors.some((a) => a.label === 'Quotaland')).toBe(true)
  await cdp.send('Storage.overrideQuotaForOrigin', { origin })
})

for (const scheme of ['light', 'dark'] as const) {
  test(`axe passes on the editing forms, the details in Edit mode and the history (${scheme})`, async ({
    page,
  }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme })
    await openExplorer(page)
    await startEditing(page)
    await page.getByRole('button', { name: 'New actor' }).click()
    await expect(page.getByRole('dialog', { name: 'New actor' })).toBeVisible()
    expect(await seriousViolations(page), 'New actor').toEqual([])
    await page.getByRole('dialog', { name: 'New actor' }).getByLabel('Label').fill('Axeland')
    await page
      .getByRole('dialog', { name: 'New actor' })
      .getByRole('button', { name: 'Add', exact: true })
      .click()
    await page.getByRole('button', { name: 'New relation' }).click()
    await expect(page.getByRole('dialog', { name: 'New relation' })).toBeVisible()
    expect(await seriousViolations(page), 'New relation').toEqual([])
    await page.getByRole('dialog', { name: 'New relation' }).getByRole('button', { name: 'Cancel' }).click()
    await page.getByLabel('Kind').selectOption('bloc')
    await page.getByRole('button', { name: 'History' }).click()
    await expect(page.getByRole('region', { name: 'History' })).toBeVisible()
    expect(await seriousViolations(page), 'details, types and history').toEqual([])
    await saveShot(page, testInfo, `edit-${scheme}`)
  })
}
