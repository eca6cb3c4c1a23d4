// @vitest-environment node
/**
 * Two collab server instances on this machine, each with its own data folder (two machines),
 * sharing one redis-server that the test starts and always stops: a client on each instance
 * converges, a room made on one opens on the other, and "New links" on one disconnects the old
 * link's holders on the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connect, makeRoom, start, startRedis, tempDir, until, type Client, type Running } from './helpers'

describe('two instances through Redis', { timeout: 40_000 }, () => {
  let redis: Awaited<ReturnType<typeof startRedis>> | null = null
  const dirs = [tempDir('collab-one-'), tempDir('collab-two-')]
  const servers: Running[] = []
  const clients: Client[] = []
  const track = (c: Client) => (clients.push(c), c)

  beforeAll(async () => {
    redis = await startRedis()
    for (const [i, d] of dirs.entries())
      servers.push(
        await start(d.dir, { redis: { host: '127.0.0.1', port: redis.port } }, `instance-${i + 1}`),
      )
  }, 30_000)
  afterAll(async () => {
    try {
      for (const c of clients) c.destroy()
      for (const s of servers) await s.server.close()
    } finally {
      await redis?.stop()
      for (const d of dirs) d.remove()
    }
  }, 30_000)

  it('a client on instance 1 and a client on instance 2 of the same room converge', async () => {
    const [one, two] = servers as [Running, Running]
    const { room, maker, links } = await makeRoom(one.url)
    track(maker)
    maker.doc.getMap('meta').set('title', 'Made on one')
    // The room's secrets live in Redis: instance 2 knows the editor link.
    const b = track(connect(two.url, room, links.editor))
    await until('b synced', () => b.synced)
    await until('the title on two', () => b.doc.getMap('meta').get('title') === 'Made on one')
    // Concurrent edits on both sides.
    for (let i = 0; i < 20; i++) {
      const m1 = new Y.Map()
      m1.set('label', `one-${i}`)
      maker.doc.getMap('actors').set(`one-${i}`, m1)
      const m2 = new Y.Map()
      m2.set('label', `two-${i}`)
      b.doc.getMap('actors').set(`two-${i}`, m2)
    }
    maker.doc.getMap('meta').set('description', 'from one')
    b.doc.getMap('meta').set('description', 'from two')
    await until(
      'convergence',
      () =>
        maker.doc.getMap('actors').size === 40 &&
        b.doc.getMap('actors').size === 40 &&
        maker.doc.getMap('meta').get('description') === b.doc.getMap('meta').get('description'),
      10_000,
    )
    expect(Y.encodeStateVector(maker.doc)).toEqual(Y.encodeStateVector(b.doc))
    expect(maker.doc.getMap('actors').toJSON()).toEqual(b.doc.getMap('actors').toJSON())
    // A viewer on instance 2 is read-only there too.
    const v = track(connect(two.url, room, links.viewer))
    await until('v synced', () => v.synced && v.doc.getMap('actors').size === 40)
    v.doc.getMap('actors').set('intruder', new Y.Map())
    maker.doc.getMap('meta').set('title', 'after the viewer')
    await until('b sees the title', () => b.doc.getMap('meta').get('title') === 'after the viewer')
    expect(b.doc.getMap('actors').has('intruder')).toBe(false)
    expect(maker.doc.getMap('actors').has('intruder')).toBe(false)
  })

  it('"New links" on instance 1 disconnects the old link holders on instance 2', async () => {
    const [one, two] = servers as [Running, Running]
    const { room, maker, links } = await makeRoom(one.url)
    track(maker)
    const far = track(connect(two.url, room, links.editor))
    await until('far synced', () => far.synced)
    maker.provider.sendStateless(JSON.stringify({ type: 'rotate' }))
    await until('new links', () => maker.links()?.editor !== links.editor)
    maker.setToken(maker.links()!.editor)
    await until('far disconnected', () => far.closes.includes(4001))
    await until('far refused', () => far.denied.length > 0, 8000)
    const fresh = track(connect(two.url, room, maker.links()!.viewer))
    await until('fresh synced on two', () => fresh.synced)
    expect(two.logs.some((l) => l.includes('disconnected 1 connection(s)'))).toBe(true)
  })
})
