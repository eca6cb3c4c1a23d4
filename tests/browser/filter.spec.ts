/**
 * Journey 4: the type and stance filters. Unchecking one removes exactly its relations (and the
 * actors left with none) from the status line, the Actors list and the drawn graph; re-checking
 * restores everything. Expected numbers come from the dataset file, computed in node.
 */
import type { Page } from '@playwright/test'
import {
  expect,
  expectedCounts,
  nodes,
  openExplorer,
  readDataset,
  saveShot,
  shownActorIds,
  shownRelations,
  statusLine,
  statusText,
  test,
  type FilterSpec,
  type Stance,
} from './fixtures'

const STANCE_LABELS: Record<Stance, string> = {
  cooperative: 'Cooperative',
  hostile: 'Hostile',
  neutral: 'Neutral',
}

/** Status line, Actors list, engine nodes and the per-type/per-stance counts all match `f`. */
async function expectShown(page: Page, f: FilterSpec) {
  const ds = readDataset()
  const counts = expectedCounts(ds, f)
  await expect(statusLine(page)).toHaveText(statusText(counts))
  const ids = shownActorIds(ds, f)
  const labels = ds.actors.filter((a) => ids.has(a.id)).map((a) => a.label)
  const list = page.getByRole('navigation', { name: /^Actors/ }).getByRole('button')
  await expect(list).toHaveCount(labels.length)
  expect((await list.allTextContents()).sort()).toEqual([...labels].sort())
  await expect.poll(async () => (await nodes(page)).map((n) => n.id).sort()).toEqual([...ids].sort())
  const rels = shownRelations(ds, f)
  for (const t of ds.relationTypes) {
    const n = rels.filter((r) => r.type === t.id).length
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${t.label}`) })).toHaveAccessibleName(
      `${t.label} ${n}`,
    )
  }
  for (const [s, label] of Object.entries(STANCE_LABELS)) {
    const n = rels.filter((r) => r.stance === s).length
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${label}`) })).toHaveAccessibleName(
      `${label} ${n}`,
    )
  }
}

test.describe('filtering by type and stance', () => {
  test('unchecking "Military" removes exactly the military relations; re-checking restores them', async ({
    page,
    errors,
  }, testInfo) => {
    const ds = readDataset()
    const military = ds.relations.filter((r) => r.type === 'military').length
    const full = expectedCounts(ds)
    const without = expectedCounts(ds, { hideTypes: ['military'] })
    // Guard the premise: hiding military must change both counts, or the test proves little.
    expect(military).toBeGreaterThan(0)
    expect(without.relations).toBe(full.relations - military)
    expect(without.actors).toBeLessThan(full.actors)

    await openExplorer(page)
    await expectShown(page, {})
    const box = page.getByRole('checkbox', { name: /^Military/ })
    await expect(box).toBeChecked()
    await box.uncheck()
    await expect(box).not.toBeChecked()
    await expectShown(page, { hideTypes: ['military'] })
    await saveShot(page, testInfo, 'filtered-military')

    await box.check()
    await expect(box).toBeChecked()
    await expectShown(page, {})
    expect(errors.page).toEqual([])
    expect(errors.unexpectedConsole()).toEqual([])
  })

  test('unchecking "Hostile" removes exactly the hostile relations; re-checking restores them', async ({
    page,
    errors,
  }, testInfo) => {
    const ds = readDataset()
    const hostile = ds.relations.filter((r) => r.stance === 'hostile').length
    const full = expectedCounts(ds)
    const without = expectedCounts(ds, { hideStances: ['hostile'] })
    expect(hostile).toBeGreaterThan(0)
    expect(without.relations).toBe(full.relations - hostile)

    await openExplorer(page)
    const box = page.getByRole('checkbox', { name: /^Hostile/ })
    await box.uncheck()
    await expectShown(page, { hideStances: ['hostile'] })
    await saveShot(page, testInfo, 'filtered-hostile')

    // Both filters together: their effects combine.
    await page.getByRole('checkbox', { name: /^Military/ }).uncheck()
    await expectShown(page, { hideStances: ['hostile'], hideTypes: ['military'] })
    await page.getByRole('checkbox', { name: /^Military/ }).check()

    await box.check()
    await expectShown(page, {})
    expect(errors.page).toEqual([])
    expect(errors.unexpectedConsole()).toEqual([])
  })
})
