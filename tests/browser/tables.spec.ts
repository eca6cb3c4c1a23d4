/**
 * Tables analysts already have (issue 15): a SIPRI-style register with its preset, an ACLED-style
 * event table mapped by hand, a headerless GDELT file with its preset, broken tables that leave the
 * view as it was, and axe on the "Map columns" dialog. The expected ties were worked out by hand from
 * the fixture files (tests/fixtures/tables/), as written beside each expectation.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
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

const TABLES = join(ROOT, 'tests/fixtures/tables')

async function dropFile(page: Page, name: string): Promise<void> {
  const data = readFileSync(join(TABLES, name)).toString('base64')
  const dt = await page.evaluateHandle(
    ({ name, data }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name))
      return transfer
    },
    { name, data },
  )
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt })
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt })
}

const dialog = (page: Page) => page.getByRole('dialog', { name: /^Map columns/ })
const role = (page: Page, name: string) => dialog(page).getByLabel(name, { exact: true })

test.describe('opening tables through "Map columns"', () => {
  test('a SIPRI-style register with its preset: directed arms ties with years and evidence', async ({
    page,
  }) => {
    await openExplorer(page)
    const before = await statusLine(page).textContent()
    await dropFile(page, 'sipri-register.csv')
    await expect(dialog(page)).toBeVisible()
    // The first rows are previewed (the header is row 4, after the preamble).
    await expect(dialog(page).getByRole('columnheader', { name: 'Supplier' })).toBeVisible()
    await expect(dialog(page).getByRole('cell', { name: 'Barak-8' })).toBeVisible()
    await dialog(page).getByLabel('Preset').selectOption({ label: 'SIPRI arms transfers' })
    await expect(role(page, 'Source column')).toHaveValue('Supplier')
    await expect(role(page, 'Target column')).toHaveValue('Recipient')
    await expect(role(page, 'Start year column')).toHaveValue('Year of order')
    await expect(role(page, 'End year column')).toHaveValue('Year(s) of delivery')
    await expect(dialog(page).getByLabel('Directed')).toBeChecked()
    await dialog(page).getByRole('button', { name: 'Open' }).click()
    await expect(dialog(page)).toHaveCount(0)
    // 5 actors (Israel, Azerbaijan, Russia, Armenia, Türkiye); 4 ties: Israel→Azerbaijan 2016–2020
    // (rows 5–6) and 2023 (row 7, after two years without a row), Russia→Armenia, Türkiye→Azerbaijan.
    await expect(statusLine(page)).toHaveText('Showing 5 of 5 actors and 4 of 4 relations')
    expect(before).not.toBe('Showing 5 of 5 actors and 4 of 4 relations')
    const notes = page.getByRole('status').filter({ hasText: /What was assumed/ })
    await expect(notes).toContainText('preset SIPRI arms transfers')
    await expect(notes).toContainText('3 lines before the table (rows 1–3) were read as a preamble')
    await actorButton(page, 'Israel').click()
    await expect(detailsHeading(page)).toHaveText('Israel')
    const details = page.locator('#panel-right')
    await expect(details).toContainText('Israel → Azerbaijan, 2016–2020: 2 rows')
    await expect(details).toContainText('Israel → Azerbaijan, 2023: 1 row')
    await expect(details.getByText('Deal worth $5 bn incl. radars')).toBeVisible()
    await expect(details).toContainText('row 5 of sipri-register.csv')
  })

  test('an ACLED-style table mapped by hand: aggregated ties', async ({ page }, testInfo) => {
    await openExplorer(page)
    await dropFile(page, 'acled-by-hand.csv')
    await expect(dialog(page)).toBeVisible()
    await expect(dialog(page).getByRole('button', { name: 'Open' })).toBeDisabled()
    await role(page, 'Source column').selectOption('First party')
    await role(page, 'Target column').selectOption('Second party')
    await role(page, 'Date column').selectOption('Day')
    await role(page, 'Type column').selectOption('Kind of event')
    await role(page, 'Stance column').selectOption('Kind of event')
    await role(page, 'Quote column').selectOption('Description')
    await role(page, 'Source name column').selectOption('Outlet')
    await dialog(page).getByLabel('Type rule').selectOption({ label: 'ACLED event types' })
    await dialog(page).getByLabel('Stance rule').selectOption({ label: 'ACLED event types' })
    await dialog(page).getByLabel('Both directions are one tie').check()
    await saveShot(page, testInfo, 'tables-map-columns')
    await dialog(page).getByRole('button', { name: 'Open' }).click()
    // Rows 2–3 (2020) one tie; rows 4 (2022) and 6 (2023) one tie over consecutive years; row 7 a
    // diplomatic neutral tie; row 5 has no second party and is counted, not tied: 4 actors, 3 ties.
    await expect(statusLine(page)).toHaveText('Showing 4 of 4 actors and 3 of 3 relations')
    const notes = page.getByRole('status').filter({ hasText: /What was assumed/ })
    await expect(notes).toContainText('1 row has no target')
    await actorButton(page, 'Military Forces of Armenia').click()
    const details = page.locator('#panel-right')
    await expect(details).toContainText(
      'Military Forces of Armenia – Military Forces of Azerbaijan, 2020: 2 rows',
    )
    await expect(details).toContainText(
      'Military Forces of Armenia – Military Forces of Azerbaijan, 2022–2023: 2 rows',
    )
    await expect(details.getByText('Offensive in Karabakh.')).toBeVisible()
  })

  test('the mapping is remembered for the header, restored next time and said in the notes', async ({
    page,
  }) => {
    await openExplorer(page)
    await dropFile(page, 'acled-by-hand.csv')
    await expect(dialog(page)).toContainText('roles were guessed')
    await role(page, 'Source column').selectOption('First party')
    await role(page, 'Target column').selectOption('Second party')
    await dialog(page).getByRole('button', { name: 'Open' }).click()
    // Row 5 has no second party: its first party makes no actor, so 4 actors.
    await expect(statusLine(page)).toHaveText(/^Showing \d+ of 4 actors/)
    await dropFile(page, 'acled-by-hand.csv')
    await expect(dialog(page)).toContainText('the mapping last used for this header was restored')
    await expect(role(page, 'Source column')).toHaveValue('First party')
    await expect(role(page, 'Target column')).toHaveValue('Second party')
    await dialog(page).getByRole('button', { name: 'Open' }).click()
    const notes = page.getByRole('status').filter({ hasText: /What was assumed/ })
    await expect(notes).toContainText('This mapping was remembered from the last table with the same header')
    await expect(notes).toContainText('Source ← "First party"')
  })

  test('a headerless GDELT-style file with its preset', async ({ page }) => {
    await openExplorer(page)
    await dropFile(page, 'gdelt1-events.tsv')
    await expect(dialog(page)).toBeVisible()
    await dialog(page).getByLabel('Preset').selectOption({ label: 'GDELT 1.0 events' })
    await expect(role(page, 'Source column')).toHaveValue('Actor1CountryCode')
    await expect(dialog(page).getByRole('columnheader', { name: 'SQLDATE' })).toBeVisible()
    await dialog(page).getByRole('button', { name: 'Open' }).click()
    // IRN→AZE 2016–2017 (rows 1–2) and 2019 (row 5); AZE→ARM 2016 (row 3); row 4 has no Actor2.
    await expect(statusLine(page)).toHaveText('Showing 3 of 3 actors and 3 of 3 relations')
    await expect(actorButton(page, 'Azerbaijan')).toBeVisible()
  })

  test('a SIPRI-like register with split records and Windows-1252 opens whole, the repair said', async ({
    page,
  }) => {
    await openExplorer(page)
    await dropFile(page, 'sipri-split-records.csv')
    await expect(dialog(page)).toBeVisible()
    await dialog(page).getByLabel('Preset').selectOption({ label: 'SIPRI arms transfers' })
    await dialog(page).getByRole('button', { name: 'Open' }).click()
    await expect(dialog(page)).toHaveCount(0)
    // By hand: 6 actors; Israel→Azerbaijan 2016–2020 (rows 5 and 6, rejoined) and 2023 (row 12),
    // Russia→Armenia (row 8), Türkiye→Azerbaijan (row 9, rejoined from rows 9–11), India→Armenia (row 13).
    await expect(statusLine(page)).toHaveText('Showing 6 of 6 actors and 5 of 5 relations')
    const notes = page.getByRole('status').filter({ hasText: /What was assumed/ })
    await expect(notes).toContainText('The file was read as Windows-1252')
    await expect(notes).toContainText(
      '2 records had an unquoted line break inside a cell and were rejoined: rows 6, 9',
    )
    await actorButton(page, 'Türkiye').click()
    await expect(page.getByText('Türkiye’s first export of the type')).toBeVisible()
  })

  test('broken tables get a report and the current view stays', async ({ page }) => {
    await openExplorer(page)
    const before = await statusLine(page).textContent()
    await dropFile(page, 'ragged-rows.csv')
    await expect(dialog(page)).toBeVisible()
    await role(page, 'Source column').selectOption('Country A')
    await role(page, 'Target column').selectOption('Country B')
    await role(page, 'Date column').selectOption('Date')
    await dialog(page).getByRole('button', { name: 'Open' }).click()
    const report = page.getByRole('alert').filter({ hasText: /Could not open ragged-rows.csv/ })
    await expect(report).toContainText('row 3')
    await expect(report).toContainText('the row has 2 values but the table has 3 columns')
    await expect(report).toContainText('The network on screen has not changed.')
    await expect(statusLine(page)).toHaveText(before!)
    await report.getByRole('button', { name: 'Dismiss' }).click()
    await dropFile(page, 'encoding-unknown.csv')
    const report2 = page.getByRole('alert').filter({ hasText: /Could not open encoding-unknown.csv/ })
    await expect(report2).toContainText('the encoding was not recognised')
    await expect(statusLine(page)).toHaveText(before!)
  })

  test('Escape closes the dialog and nothing is opened', async ({ page }) => {
    await openExplorer(page)
    const before = await statusLine(page).textContent()
    await dropFile(page, 'dyad-years.csv')
    await expect(dialog(page)).toBeVisible()
    await expect(dialog(page).getByLabel('Preset')).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(dialog(page)).toHaveCount(0)
    await expect(statusLine(page)).toHaveText(before!)
  })

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe: no serious or critical violations in the dialog (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme })
      await openExplorer(page)
      await dropFile(page, 'sipri-register.csv')
      await expect(dialog(page)).toBeVisible()
      const results = await new AxeBuilder({ page }).include('.map-dialog').analyze()
      expect(results.passes.length).toBeGreaterThan(5)
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))
      expect(bad).toEqual([])
    })
  }
})
