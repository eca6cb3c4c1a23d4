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
