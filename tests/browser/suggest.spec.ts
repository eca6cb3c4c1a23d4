/**
 * The suggester's review tools (issue 20 §5): a mention added as an alias from a suggestion (one
 * undoable step), and the cue lexicon edited in its dialog (validated, kept over a reload, the
 * suggestions made again), with axe on the dialog in light and dark.
 */
import type { Page } from '@playwright/test'
import { expect, openExplorer, readDataset, saveShot, seriousViolations, test } from './fixtures'

const reader = (page: Page) => page.getByRole('region', { name: /^Source: / })

async function pasteAndSuggest(page: Page, title: string, article: string) {
  await openExplorer(page)
  await page.getByRole('button', { name: 'Sources', exact: true }).click()
  await page.getByRole('button', { name: 'Add source' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add source' })
  await dialog.getByLabel('Text to add').fill(article)
  await dialog.getByLabel('Title').fill(title)
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(reader(page)).toHaveAccessibleName(`Source: ${title}`)
  await reader(page).getByRole('button', { name: 'Suggest ties' }).click()
  return page.getByRole('listbox', { name: 'Suggested ties' }).getByRole('option')
}

test.describe('suggestions: aliases and the cue lexicon', () => {
  test('"Add \'Armenian\' as an alias of Armenia": one undoable step, offered no more once done', async ({
    page,
  }) => {
    const armenia = readDataset().actors.find((a) => a.id === 'armenia')! as { aliases?: string[] }
    // The oracle: the bundled Armenia does not have this alias yet.
    expect((armenia.aliases ?? []).map((a: string) => a.toLowerCase())).not.toContain('armenian')
    const options = await pasteAndSuggest(
      page,
      'Alias article',
      'Turkey accused Armenian troops of a threat.',
    )
    await expect(options.first()).toContainText('Turkey – Armenia: Military, hostile')
    const panel = page.getByRole('region', { name: 'Suggestions' })
    const add = panel.getByRole('button', { name: "Add 'Armenian' as an alias of Armenia" })
    await expect(add).toBeVisible()
    // The label itself is never offered.
    await expect(panel.getByRole('button', { name: /^Add 'Turkey' as an alias/ })).toHaveCount(0)
    await add.click()
    await expect(panel.getByRole('status')).toHaveText('Added “Armenian” as an alias of Armenia.')
    let g = await page.evaluate(() => window.__explorer!.graph()!)
    expect(g.actors.find((a) => a.id === 'armenia')!.aliases).toEqual([
      ...(armenia.aliases ?? []),
      'Armenian',
    ])
    await expect(add).toHaveCount(0)
    // One step: undo takes the alias back, and the offer returns.
    const undo = page.getByRole('button', { name: /^Undo: / })
    await undo.click()
    g = await page.evaluate(() => window.__explorer!.graph()!)
    expect(g.actors.find((a) => a.id === 'armenia')!.aliases ?? []).toEqual(armenia.aliases ?? [])
    await expect(add).toBeVisible()
  })

  test('"Cue lexicon": a bad word is refused with its list named; a new cue re-runs the suggestions and is kept over a reload; axe light and dark', async ({
    page,
  }, testInfo) => {
    const options = await pasteAndSuggest(page, 'Lexicon article', 'Turkey sent patrols to Armenia.')
    await expect(options.first()).toContainText('Turkey – Armenia: Diplomatic, cooperative')
    await expect(options.first()).toContainText('no cue word')
    const panel = page.getByRole('region', { name: 'Suggestions' })
    await panel.getByRole('button', { name: 'Cue lexicon' }).click()
    const dialog = page.getByRole('dialog', { name: 'Cue lexicon' })
    const military = dialog.getByRole('textbox', { name: 'Military cues' })
    await expect(military).toHaveValue(/^troop\ndrone\n/)
    await expect(military)
      .toBeFocused({ timeout: 1 })
      .catch(() => undefined)
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      expect(await seriousViolations(page)).toEqual([])
    }
    await saveShot(page, testInfo, 'cue-lexicon')
    await page.emulateMedia({ colorScheme: 'light' })
    // A capitalised word is refused, and the list is named; nothing is saved.
    await military.fill(`${await military.inputValue()}\nPatrols`)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog.getByRole('alert')).toContainText('type.military: "Patrols" is not a lower-case word')
    await expect(options.first()).toContainText('Diplomatic, cooperative')
    // A good one: saved, the dialog closes, the suggestions are made again with it.
    await military.fill((await military.inputValue()).replace('\nPatrols', '\npatrol'))
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toHaveCount(0)
    await expect(options.first()).toContainText(
      "Turkey – Armenia: Military, cooperative — 'patrols' → military",
    )
    // Kept in this browser: after a reload the hook's suggestions read it too.
    await page.reload()
    await openExplorer(page)
    const sid = await page.evaluate(
      () => window.__explorer!.graph()!.sources.find((s) => s.title === 'Lexicon article')!.id,
    )
    const again = await page.evaluate((id) => window.__explorer!.suggestions(id), sid)
    expect(again.map((s) => [s.source, s.target, s.type])).toEqual([['turkey', 'armenia', 'military']])
  })
})
