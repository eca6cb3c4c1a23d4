/**
 * Journey 7: keyboard only. From page load, Tab reaches the Actors list; Enter selects an actor;
 * Tab carries on into the details panel, where the actor's relations and their evidence are
 * reachable, with a visible focus indicator all along.
 */
import type { Page } from '@playwright/test'
import { detailsHeading, expect, openExplorer, readDataset, saveShot, test } from './fixtures'

interface Focus {
  tag: string
  text: string
  inActors: boolean
  inDetails: boolean
  focusVisible: boolean
  outline: string
}

const focused = (page: Page): Promise<Focus | null> =>
  page.evaluate(() => {
    const el = document.activeElement
    if (el === null || el === document.body) return null
    const style = getComputedStyle(el)
    return {
      tag: el.tagName,
      text: (el.textContent ?? '').trim(),
      inActors: el.closest('nav[aria-labelledby="actors-heading"]') !== null,
      inDetails: el.closest('#panel-right') !== null,
      focusVisible: el.matches(':focus-visible'),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    }
  })

/** Presses Tab (at most `max` times) until `done` holds for the focused element. */
async function tabUntil(page: Page, done: (f: Focus) => boolean, max: number): Promise<Focus> {
  const seen: string[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const f = await focused(page)
    if (f !== null) {
      seen.push(`${f.tag}:${f.text.slice(0, 20)}`)
      if (done(f)) return f
    }
  }
  throw new Error(`not reached after ${max} Tab presses; focus went through: ${seen.join(' | ')}`)
}

const expectVisibleFocus = (f: Focus) => {
  expect(f.focusVisible, `${f.tag} "${f.text}" matches :focus-visible`).toBe(true)
  expect(f.outline).not.toMatch(/^none/)
  expect(f.outline).not.toMatch(/ 0px$/)
}

test('Tab to an actor, Enter selects it, Tab on reaches its relations and evidence', async ({
  page,
  errors,
}, testInfo) => {
  const ds = readDataset()
  await openExplorer(page)
  // Start from the top of the document, as after a fresh load.
  expect(await focused(page)).toBeNull()

  const actor = await tabUntil(page, (f) => f.inActors && f.tag === 'BUTTON', 40)
  expectVisibleFocus(actor)
  expect(ds.actors.map((a) => a.label)).toContain(actor.text)
  await page.keyboard.press('Enter')
  await expect(detailsHeading(page)).toHaveText(actor.text)
  await expect(page.getByRole('button', { name: actor.text, exact: true }).first()).toHaveAttribute(
    'aria-pressed',
    'true',
  )

  // Tab on past the rest of the page into the details panel, to the first relation there.
  const inDetails = await tabUntil(page, (f) => f.inDetails && f.text === '(this relation)', 80)
  expectVisibleFocus(inDetails)
  await expect(detailsHeading(page)).toHaveText(actor.text)
  await saveShot(page, testInfo, 'keyboard-details')

  // Enter on it opens that relation, with its quotations.
  await page.keyboard.press('Enter')
  await expect(detailsHeading(page)).toContainText(actor.text)
  await expect(detailsHeading(page)).not.toHaveText(actor.text)
  const quotes = page.getByRole('complementary', { name: 'Selection details' }).locator('blockquote')
  expect(await quotes.count()).toBeGreaterThan(0)
  await expect(quotes.first()).toBeVisible()
  expect(errors.page).toEqual([])
  expect(errors.unexpectedConsole()).toEqual([])
})
