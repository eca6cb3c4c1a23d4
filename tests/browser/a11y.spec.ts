/**
 * Journey 9: accessibility. axe-core finds no serious or critical violation in the main states:
 * just loaded, filtered, and with an actor selected (details panel full of evidence).
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { join } from 'node:path'
import {
  ROOT,
  actorButton,
  detailsHeading,
  expect,
  openExplorer,
  saveShot,
  statusLine,
  test,
} from './fixtures'

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

  test('no serious or critical violations with the export menu open, a problem report and import notes', async ({
    page,
  }, testInfo) => {
    await openExplorer(page)
    await page.locator('summary', { hasText: 'Export' }).click()
    await expect(page.getByRole('button', { name: 'Export SVG' })).toBeVisible()
    expect(await seriousViolations(page), 'export menu').toEqual([])
    await page.locator('summary', { hasText: 'Export' }).click()

    await page
      .getByLabel('Graph file')
      .setInputFiles(join(ROOT, 'tests/fixtures/hostile/dangling-target.json'))
    await expect(page.getByRole('alert')).toBeVisible()
    expect(await seriousViolations(page), 'problem report').toEqual([])
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click()

    await page.getByLabel('Graph file').setInputFiles(join(ROOT, 'tests/fixtures/formats/alliances.gexf'))
    await expect(page.getByText('What was assumed')).toBeVisible()
    expect(await seriousViolations(page), 'import notes').toEqual([])
    await saveShot(page, testInfo, 'a11y-import-notes')
  })
})
