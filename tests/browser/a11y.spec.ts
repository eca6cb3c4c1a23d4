/**
 * Journey 9: accessibility. axe-core finds no serious or critical violation in the main states:
 * just loaded, filtered, and with an actor selected (details panel full of evidence).
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { actorButton, detailsHeading, expect, openExplorer, saveShot, statusLine, test } from './fixtures'

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  // Guard against a vacuous pass: axe did look at the page.
  expect(results.passes.length).toBeGreaterThan(10)
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }))
}

test.describe('accessibility (axe)', () => {
  test('no serious or critical violations when loaded, filtered, and with an actor selected', async ({
    page,
    errors,
  }, testInfo) => {
    await openExplorer(page)
    expect(await seriousViolations(page), 'loaded').toEqual([])

    const status = await statusLine(page).textContent()
    await page.getByRole('checkbox', { name: /^Military/ }).uncheck()
    await expect(statusLine(page)).not.toHaveText(status ?? '')
    expect(await seriousViolations(page), 'filtered').toEqual([])

    await actorButton(page, 'Iran').click()
    await expect(detailsHeading(page)).toHaveText('Iran')
    await expect(page.locator('#panel-right blockquote').first()).toBeVisible()
    expect(await seriousViolations(page), 'actor selected').toEqual([])
    await saveShot(page, testInfo, 'a11y-selected')
    expect(errors.page).toEqual([])
    expect(errors.unexpectedConsole()).toEqual([])
  })
})
