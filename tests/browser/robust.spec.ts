/**
 * Journey 10: a bad ?graph= file. A missing file (404), a file with a JSON syntax error and a
 * file with a dangling reference each give an alert naming the file and the reason, and nothing
 * crashes. A valid file from the same folder loads, so the alerts are about the files' contents.
 */
import { expect, openExplorer, saveShot, statusLine, statusText, test } from './fixtures'

const CASES = [
  {
    file: 'missing.json',
    reason: /the server answered 404/,
    // The browser itself logs the failed fetch; that one console error is expected.
    console: /Failed to load resource: the server responded with a status of 404/,
  },
  {
    file: 'malformed.json',
    // malformed.json lacks the comma after "title" (line 3), so the parser stops on line 4, column 3.
    reason: /not valid JSON at line 4, column 3/,
  },
  {
    file: 'invalid-refs.json',
    reason: /relations\[1\]\.target: no actor has the id "atlantis"/,
  },
] as const

test.describe('a bad graph file', () => {
  for (const c of CASES) {
    test(`?graph=/fixtures/${c.file} shows an alert naming the file and the reason`, async ({
      page,
      errors,
    }, testInfo) => {
      if ('console' in c) errors.allowConsole(c.console)
      await page.goto(`/?graph=/fixtures/${c.file}`)
      const alert = page.getByRole('alert')
      await expect(alert).toBeVisible()
      await expect(alert).toContainText(c.file)
      await expect(alert).toContainText(c.reason)
      // No explorer for a broken file.
      await expect(statusLine(page)).toHaveCount(0)
      await expect(page.getByRole('img')).toHaveCount(0)
      await saveShot(page, testInfo, `error-${c.file.replace('.json', '')}`)
      expect(errors.page).toEqual([])
      expect(errors.unexpectedConsole()).toEqual([])
    })
  }

  test('the alert offers the bundled dataset instead, and that link works', async ({ page, errors }) => {
    await page.goto('/?graph=/fixtures/malformed.json')
    await expect(page.getByRole('alert')).toContainText('malformed.json')
    await page.getByRole('link', { name: /bundled dataset/ }).click()
    await expect(statusLine(page)).toHaveText(/^Showing \d+ of \d+ actors/)
    await expect(page.getByRole('alert')).toHaveCount(0)
    expect(errors.page).toEqual([])
  })

  test('control: a valid file from the same folder loads', async ({ page, errors }) => {
    await openExplorer(page, '/?graph=/fixtures/valid.json')
    await expect(statusLine(page)).toHaveText(
      // Its one relation has no year.
      statusText({ actors: 2, totalActors: 3, relations: 1, totalRelations: 1, undated: 1 }),
    )
    await expect(page.getByRole('alert')).toHaveCount(0)
    expect(errors.page).toEqual([])
    expect(errors.unexpectedConsole()).toEqual([])
  })
})
