/**
 * The Networks list (issue 19 §5): the network edited is listed with its size; "New network" starts
 * an empty one under a title; another opens with its edits and its undo; a duplicate is made, and
 * a deletion asks first and is undone.
 */
import type { Page } from '@playwright/test'
import { expect, openExplorer, readDataset, test } from './fixtures'

const graph = (page: Page) =>
  page.evaluate(() => window.__explorer!.graph() as unknown as { title: string; actors: { label: string }[] })

test('networks: list, new, open with history, duplicate, delete and undo the delete', async ({ page }) => {
  const ds = readDataset()
  await openExplorer(page)
  await page.getByRole('button', { name: 'Edit', exact: true }).click()
  await page.getByRole('button', { name: 'New actor' }).click()
  const form = page.getByRole('dialog', { name: 'New actor' })
  await form.getByLabel('Label').fill('Listland')
  await form.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved in this browser' })).toBeVisible()

  await page.getByRole('button', { name: 'Networks', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Networks' })
  const list = dialog.getByRole('list', { name: 'Networks in this browser' })
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list.getByRole('listitem').first()).toContainText(`${ds.actors.length + 1} actors`)
  await expect(list.getByRole('listitem').first()).toContainText('(on screen)')

  await dialog.getByRole('button', { name: 'New network' }).click()
  await dialog.getByLabel('Title').fill('Scratch map')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.locator('.dataset-title')).toHaveText('Scratch map')
  expect((await graph(page)).actors).toEqual([])

  await page.getByRole('button', { name: 'Networks', exact: true }).click()
  await expect(list.getByRole('listitem')).toHaveCount(2)
  const edited = list.getByRole('listitem').filter({ hasNotText: 'Scratch map' })
  const title = (await edited.locator('strong').textContent())!
  await edited.getByRole('button', { name: `Open ${title}` }).click()
  await expect(dialog).toBeHidden()
  await expect.poll(async () => (await graph(page)).actors.some((a) => a.label === 'Listland')).toBe(true)
  // Its history came with it: the addition can be undone.
  await expect(page.getByRole('button', { name: /^Undo: add actor Listland/i })).toBeVisible()

  await page.getByRole('button', { name: 'Networks', exact: true }).click()
  await dialog.getByRole('button', { name: 'Duplicate Scratch map' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(3)
  await dialog.getByRole('button', { name: 'Delete Scratch map (copy)' }).click()
  await dialog.getByRole('button', { name: 'Delete Scratch map (copy)' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await dialog.getByRole('button', { name: 'Undo delete' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(3)
  // After a reload, the network on screen is the one opened last.
  await openExplorer(page)
  await expect.poll(async () => (await graph(page)).actors.some((a) => a.label === 'Listland')).toBe(true)
})

test('add a second file to the network: matches listed for review, one undo step', async ({ page }) => {
  await openExplorer(page)
  await page.getByRole('button', { name: 'Edit', exact: true }).click()
  const start = await page.evaluate(() => window.__explorer!.graph())
  const iran = (start as unknown as { actors: { id: string; label: string }[] }).actors.find(
    (a) => a.label === 'Iran',
  )!
  const incoming = {
    schemaVersion: 1,
    title: 'Second file',
    sources: [{ id: 'n1', title: 'A later note' }],
    actors: [
      { id: 'x-iran', label: 'IRAN', kind: 'state' },
      { id: 'atl', label: 'Atlantis', kind: 'state' },
    ],
    relations: [
      {
        id: 'x1',
        source: 'x-iran',
        target: 'atl',
        type: 'diplomatic',
        stance: 'cooperative',
        summary: 'Iran and Atlantis talk',
        evidence: [{ source: 'n1', quote: 'Iran and Atlantis opened talks.' }],
      },
    ],
  }
  await page.getByLabel('File to add').setInputFiles({
    name: 'second.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(incoming)),
  })
  const review = page.getByRole('dialog', { name: 'Add to this network' })
  await expect(review).toContainText('1 actor matched, 1 new')
  await expect(review).toContainText('IRAN → Iran')
  await review.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(review).toBeHidden()
  const after = (await graph(page)) as unknown as {
    actors: { id: string; label: string }[]
    relations: { source: string; target: string; evidence?: { quote: string }[] }[]
  }
  const atl = after.actors.find((a) => a.label === 'Atlantis')!
  const tie = after.relations.find(
    (r) => [r.source, r.target].includes(iran.id) && [r.source, r.target].includes(atl.id),
  )!
  expect(tie.evidence?.map((e) => e.quote)).toEqual(['Iran and Atlantis opened talks.'])
  await page.getByRole('button', { name: /^Undo: add second\.json/ }).click()
  expect(await page.evaluate(() => window.__explorer!.graph())).toEqual(start)
})
