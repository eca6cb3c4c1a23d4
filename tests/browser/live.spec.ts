/**
 * Working together, live (issue 21): the collab server is started by the test on loopback (and
 * always stopped), pages join it from the links the app makes. Two editors converge, a viewer
 * watches live without controls and its forced writes are refused, a wrong secret and an old link
 * after "New links" are refused, the server dies and comes back without losing an edit, a page
 * edits while cut off and merges, and axe passes on the dialog and "People here".
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { HocuspocusProvider } from '@hocuspocus/provider'
import WebSocket from 'ws'
import * as Y from 'yjs'
import {
  actorButton,
  expect,
  openExplorer,
  readDataset,
  ROOT,
  saveShot,
  test,
  type ErrorLog,
} from './fixtures'

const APP_ORIGIN = `http://127.0.0.1:${process.env.TEST_PORT ?? 4317}`

interface V1 {
  actors: { id: string; label: string }[]
  relations: { id: string }[]
  title: string
}
const graph = (page: Page) => page.evaluate(() => window.__explorer!.graph() as unknown as V1)
const labels = async (page: Page) => (await graph(page)).actors.map((a) => a.label).sort()

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

/** `npm run collab` on loopback, as a child process (so the test can kill it like a crash). */
class CollabProcess {
  proc: ChildProcess | null = null
  out = ''
  constructor(
    readonly port: number,
    readonly data: string,
  ) {}
  get url() {
    return `ws://127.0.0.1:${this.port}`
  }
  async start() {
    this.out = ''
    // One process (node with tsx's loader, not the tsx wrapper), so a kill reaches the server itself.
    const proc = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/main.ts',
        '--port',
        String(this.port),
        '--data',
        this.data,
        '--origins',
        APP_ORIGIN,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    this.proc = proc
    proc.stdout!.on('data', (d: Buffer) => (this.out += d.toString()))
    proc.stderr!.on('data', (d: Buffer) => (this.out += d.toString()))
    await expect
      .poll(() => this.out, { timeout: 20_000, message: 'the collab server starts' })
      .toContain('listening')
  }
  async stop(signal: NodeJS.Signals = 'SIGTERM') {
    const p = this.proc
    if (p === null || p.exitCode !== null || p.signalCode !== null) return
    const exited = new Promise((r) => p.once('exit', r))
    p.kill(signal)
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
    if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL')
    this.proc = null
  }
}

let server: CollabProcess
let dataDir: string
test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'collab-browser-'))
  server = new CollabProcess(await freePort(), dataDir)
  await server.start()
})
// A journey that failed while the server was down leaves it down: the next one starts it again.
test.beforeEach(async () => {
  if (server.proc === null) await server.start()
})
test.afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

/** A browser's log of a lost server: expected while it is down, so allowed. */
const allowLostServer = (errors: ErrorLog) =>
  errors.allowConsole(/WebSocket connection to 'ws:\/\/127\.0\.0\.1/)

const liveStatus = (page: Page) =>
  page.getByRole('status').filter({ hasText: /^(Live|Connecting…|Offline —|Not connected)/ })

/** Shares the bundled network from a fresh page and returns both links. */
async function share(page: Page, name: string): Promise<{ editor: string; viewer: string }> {
  await openExplorer(page)
  await page.getByRole('button', { name: 'Share live…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Share live' })
  await dialog.getByLabel('Server address').fill(server.url)
  await dialog.getByLabel('Your name').fill(name)
  await dialog.getByRole('button', { name: 'Start sharing' }).click()
  const editor = await dialog.getByRole('textbox', { name: 'Editor link' }).inputValue()
  const viewer = await dialog.getByRole('textbox', { name: 'Viewer link' }).inputValue()
  expect(editor).toContain('#live=')
  expect(viewer).toContain('#live=')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(liveStatus(page)).toHaveText('Live')
  return { editor, viewer }
}

async function join(page: Page, link: string, name: string) {
  await page.goto(link)
  const dialog = page.getByRole('dialog', { name: 'Join a live map' })
  await dialog.getByLabel('Your name').fill(name)
  await dialog.getByRole('button', { name: 'Join' }).click()
  await expect(liveStatus(page)).toContainText('Live')
}

async function addActor(page: Page, label: string) {
  const edit = page.getByRole('button', { name: 'Edit', exact: true })
  if ((await edit.getAttribute('aria-pressed')) !== 'true') await edit.click()
  await page.getByRole('toolbar', { name: 'Editing' }).getByRole('button', { name: 'New actor' }).click()
  const dialog = page.getByRole('dialog', { name: 'New actor' })
  await dialog.getByLabel('Label').fill(label)
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(dialog).toBeHidden()
}

test('two editors edit at once and converge; People here lists both; History names who', async ({
  page,
  launch,
}, testInfo) => {
  const links = await share(page, 'Ana')
  const other = (await launch()).pages()[0]!
  await join(other, links.editor, 'Bo')
  await expect.poll(() => labels(other)).toEqual(await labels(page))
  const people = page.getByRole('region', { name: 'People here' })
  await expect(people).toContainText('Ana (you)')
  await expect(people).toContainText('Bo')
  await Promise.all([addActor(page, 'Atlantis'), addActor(other, 'Lemuria')])
  for (const p of [page, other])
    await expect.poll(() => labels(p)).toEqual(expect.arrayContaining(['Atlantis', 'Lemuria']))
  expect(await labels(page)).toEqual(await labels(other))
  // History: who made each change.
  await page.getByRole('toolbar', { name: 'Editing' }).getByRole('button', { name: 'History' }).click()
  const log = page.getByRole('region', { name: 'Changes in this room' })
  await expect(log).toContainText(/Ana: .*Atlantis/)
  await expect(log).toContainText(/Bo: .*Lemuria/)
  // Bo's selection is outlined in Bo's colour on Ana's map.
  const chosen = readDataset().actors[0]!
  await actorButton(other, chosen.label).click()
  const ring = page.locator(`.peer-ring[data-person="Bo"]`)
  await expect(ring).toHaveAttribute('data-actor', chosen.id)
  await expect(ring).toBeVisible()
  const bo = await people
    .getByRole('listitem')
    .filter({ hasText: /^Bo$/ })
    .locator('.person-swatch')
    .evaluate((e) => getComputedStyle(e).backgroundColor)
  expect(await ring.evaluate((e) => getComputedStyle(e).borderTopColor)).toBe(bo)
  await saveShot(page, testInfo, 'live-two-editors')
  // Undo undoes only your own change.
  await other.getByRole('toolbar', { name: 'Editing' }).getByRole('button', { name: /^Undo/ }).click()
  for (const p of [page, other]) await expect.poll(() => labels(p)).not.toContain('Lemuria')
  expect(await labels(page)).toContain('Atlantis')
})

/** The parts of a live link (its fragment is `live=<server>~<room>~<secret>`). */
function partsOf(link: string): { server: string; room: string; secret: string } {
  const [s, room, secret] = new URL(link).hash.slice('#live='.length).split('~') as [string, string, string]
  return { server: decodeURIComponent(s), room, secret }
}

test('a viewer sees the changes live, has no editing controls, and its forced writes are refused', async ({
  page,
  launch,
}) => {
  const links = await share(page, 'Ana')
  const viewer = (await launch()).pages()[0]!
  await join(viewer, links.viewer, 'Vic')
  await expect(liveStatus(viewer)).toContainText('View only')
  await expect(viewer.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0)
  await expect(viewer.getByRole('button', { name: 'Share live…' })).toHaveCount(0)
  await expect(viewer.getByRole('toolbar', { name: 'Editing' })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'People here' })).toContainText('Vic')

  // A change appears in the other client within a second (from when the form closes, applied).
  await addActor(page, 'Atlantis')
  const t0 = Date.now()
  await expect.poll(() => labels(viewer), { intervals: [20] }).toContain('Atlantis')
  expect(Date.now() - t0).toBeLessThan(1000)

  // A modified client holding the viewer secret writes anyway (the provider library, in Node).
  const { server: url, room, secret } = partsOf(links.viewer)
  const doc = new Y.Doc()
  const forced = new HocuspocusProvider({
    url,
    name: room,
    document: doc,
    token: secret,
    WebSocketPolyfill: class extends WebSocket {
      constructor(u: string) {
        super(u, { origin: APP_ORIGIN })
      }
    },
  } as ConstructorParameters<typeof HocuspocusProvider>[0])
  try {
    await expect
      .poll(() => doc.getMap('actors').size, { message: 'the forced client synced' })
      .toBeGreaterThan(0)
    doc.transact(() => {
      const a = new Y.Map<unknown>()
      for (const [k, v] of Object.entries({ id: 'forced', label: 'Forced In', kind: 'state', o: 9999 }))
        a.set(k, v)
      doc.getMap('actors').set('forced', a)
      doc.getMap('meta').set('title', 'Defaced')
    })
    // A later editor change arrives; the forced one never does.
    await addActor(page, 'Mu')
    await expect.poll(() => labels(viewer)).toContain('Mu')
    expect(await labels(page)).not.toContain('Forced In')
    expect(await labels(viewer)).not.toContain('Forced In')
    expect((await graph(page)).title).not.toBe('Defaced')
  } finally {
    forced.destroy()
  }
})

test('a wrong secret is refused', async ({ page, launch }) => {
  const links = await share(page, 'Ana')
  const { secret } = partsOf(links.editor)
  const wrong = links.editor.replace(secret, secret.slice(0, -3) + (secret.endsWith('aaa') ? 'bbb' : 'aaa'))
  const other = (await launch()).pages()[0]!
  await other.goto(wrong)
  const dialog = other.getByRole('dialog', { name: 'Join a live map' })
  await dialog.getByLabel('Your name').fill('Eve')
  await dialog.getByRole('button', { name: 'Join' }).click()
  await expect(other.getByRole('alert')).toContainText('The server refused this link')
  await expect(liveStatus(other)).toHaveText('Not connected')
  await expect(page.getByRole('region', { name: 'People here' })).not.toContainText('Eve')
})

test('after "New links" the old links fail and their holders are disconnected', async ({ page, launch }) => {
  const links = await share(page, 'Ana')
  const viewer = (await launch()).pages()[0]!
  await join(viewer, links.viewer, 'Vic')
  await page.getByRole('button', { name: 'Share live…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Share live' })
  await dialog.getByRole('button', { name: 'New links' }).click()
  await expect(dialog.getByRole('textbox', { name: 'Editor link' })).not.toHaveValue(links.editor)
  const fresh = {
    editor: await dialog.getByRole('textbox', { name: 'Editor link' }).inputValue(),
    viewer: await dialog.getByRole('textbox', { name: 'Viewer link' }).inputValue(),
  }
  expect(fresh.viewer).not.toBe(links.viewer)
  await dialog.getByRole('button', { name: 'Close' }).click()
  // The connected holder of the old viewer link is out.
  await expect(viewer.getByRole('alert').first()).toContainText(/new links|refused/i)
  await expect(liveStatus(viewer)).toContainText('Not connected')
  // The old editor link fails; the new viewer link works.
  const late = (await launch()).pages()[0]!
  await late.goto(links.editor)
  await late.getByRole('dialog', { name: 'Join a live map' }).getByLabel('Your name').fill('Late')
  await late.getByRole('button', { name: 'Join' }).click()
  await expect(late.getByRole('alert')).toContainText('The server refused this link')
  const ok = (await launch()).pages()[0]!
  await join(ok, fresh.viewer, 'Newcomer')
  await expect(page.getByRole('region', { name: 'People here' })).toContainText('Newcomer')
  // The maker is still live and editing.
  await expect(liveStatus(page)).toHaveText('Live')
})

test('the server is killed and restarted mid-session: no edit is lost on either side', async ({
  page,
  launch,
  errors,
}) => {
  allowLostServer(errors)
  const links = await share(page, 'Ana')
  const other = (await launch()).pages()[0]!
  await join(other, links.editor, 'Bo')
  await addActor(page, 'Before')
  await expect.poll(() => labels(other)).toContain('Before')
  await server.stop('SIGKILL')
  for (const p of [page, other])
    await expect(liveStatus(p)).toHaveText('Offline — your changes will be sent when the server is back')
  await addActor(page, 'While down A')
  await addActor(other, 'While down B')
  await server.start()
  for (const p of [page, other]) await expect(liveStatus(p)).toHaveText('Live', { timeout: 30_000 })
  for (const p of [page, other])
    await expect
      .poll(() => labels(p), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(['Before', 'While down A', 'While down B']))
  expect(await labels(page)).toEqual(await labels(other))
})

/** A TCP relay between one page and the server, which the test can cut and restore. */
async function relay(target: number) {
  const port = await freePort()
  const sockets = new Set<import('node:net').Socket>()
  let srv: import('node:net').Server | null = null
  const { connect } = await import('node:net')
  const up = () =>
    new Promise<void>((resolve) => {
      srv = createServer((c) => {
        const s = connect(target, '127.0.0.1')
        sockets.add(c).add(s)
        c.pipe(s).pipe(c)
        const end = () => (c.destroy(), s.destroy(), sockets.delete(c), sockets.delete(s))
        c.on('error', end).on('close', end)
        s.on('error', end).on('close', end)
      })
      srv.listen(port, '127.0.0.1', () => resolve())
    })
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy()
      sockets.clear()
      if (srv === null) return resolve()
      srv.close(() => resolve())
      srv = null
    })
  await up()
  return { port, up, down }
}

test('a client goes offline, edits, reconnects and merges', async ({ page, launch, errors }) => {
  allowLostServer(errors)
  const links = await share(page, 'Ana')
  // Bo reaches the server through a relay the test can cut: only Bo goes offline.
  const r = await relay(server.port)
  const { room, secret } = partsOf(links.editor)
  const viaRelay = links.editor.replace(
    /#live=.*$/,
    `#live=${encodeURIComponent(`ws://127.0.0.1:${r.port}`)}~${room}~${secret}`,
  )
  const other = (await launch()).pages()[0]!
  try {
    await join(other, viaRelay, 'Bo')
    await r.down()
    await expect(liveStatus(other)).toHaveText('Offline — your changes will be sent when the server is back')
    await addActor(other, 'Offline idea')
    await addActor(page, 'Online idea')
    await expect.poll(() => labels(other)).not.toContain('Online idea')
    expect(await labels(page)).not.toContain('Offline idea')
    await r.up()
    await expect(liveStatus(other)).toHaveText('Live', { timeout: 30_000 })
    for (const p of [page, other])
      await expect
        .poll(() => labels(p), { timeout: 15_000 })
        .toEqual(expect.arrayContaining(['Offline idea', 'Online idea']))
    expect(await labels(page)).toEqual(await labels(other))
  } finally {
    await r.down()
  }
})

test('axe: the Share live dialog, the join dialog and People here', async ({ page, launch }, testInfo) => {
  const serious = async (selector: string, on = page) => {
    const results = await new AxeBuilder({ page: on }).include(selector).analyze()
    expect(results.passes.length).toBeGreaterThan(3)
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id)
  }
  await openExplorer(page)
  await page.getByRole('button', { name: 'Share live…' }).click()
  // The dialog's chunk loads on first use: axe waits for the dialog itself.
  await expect(page.getByRole('dialog', { name: 'Share live' })).toBeVisible()
  expect(await serious('[role="dialog"]')).toEqual([])
  await page.getByRole('dialog', { name: 'Share live' }).getByLabel('Server address').fill(server.url)
  await page.getByRole('dialog', { name: 'Share live' }).getByLabel('Your name').fill('Ana')
  await page.getByRole('button', { name: 'Start sharing' }).click()
  const links = {
    editor: await page.getByRole('textbox', { name: 'Editor link' }).inputValue(),
  }
  expect(await serious('[role="dialog"]')).toEqual([])
  await saveShot(page, testInfo, 'live-share-dialog')
  await page.getByRole('button', { name: 'Close' }).click()
  const other = (await launch()).pages()[0]!
  await other.goto(links.editor)
  await expect(other.getByRole('dialog', { name: 'Join a live map' })).toBeVisible()
  expect(await serious('[role="dialog"]', other)).toEqual([])
  await join(other, links.editor, 'Bo')
  await expect(page.getByRole('region', { name: 'People here' })).toContainText('Bo')
  await expect(page.locator('.live-bar')).toBeVisible()
  expect(await serious('.people')).toEqual([])
  expect(await serious('.live-bar')).toEqual([])
})
