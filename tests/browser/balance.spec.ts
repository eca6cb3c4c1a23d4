/**
 * Journeys of issue 14: the Balance panel on a small signed network, the balance-by-year chart,
 * Compare years on the bundled dataset, and axe on all three in light and dark. Every expected
 * number is computed here, in node, from the data file with the definitions of the README (signed
 * pairs, triangles by enumeration, the frustration index by trying every split), not with the
 * app's code.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  ROOT,
  expect,
  fromYear,
  openExplorer,
  readDataset,
  saveShot,
  test,
  toYear,
  type Dataset,
  type DatasetRelation,
} from './fixtures'

const FIXTURE = '/fixtures/signed-balance.json'
const fixture = JSON.parse(readFileSync(join(ROOT, 'tests', FIXTURE), 'utf8')) as Dataset

// ---------------------------------------------------------------------------------------------
// The test's own oracle

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)

/** Signed pairs of a set of relations: + / − / contested / unsigned. */
function signedPairs(rels: DatasetRelation[]) {
  const flags = new Map<string, Set<string>>()
  for (const r of rels) {
    if (r.source === r.target) continue
    const k = pairKey(r.source, r.target)
    flags.set(k, (flags.get(k) ?? new Set()).add(r.stance))
  }
  const sign = new Map<string, 1 | -1>()
  let contested = 0
  let unsigned = 0
  for (const [k, s] of flags) {
    if (s.has('cooperative') && s.has('hostile')) contested++
    else if (s.has('cooperative')) sign.set(k, 1)
    else if (s.has('hostile')) sign.set(k, -1)
    else unsigned++
  }
  return { sign, contested, unsigned }
}

function balanceOracle(rels: DatasetRelation[]) {
  const { sign, contested, unsigned } = signedPairs(rels)
  const actors = [...new Set([...sign.keys()].flatMap((k) => k.split('|')))].sort()
  const census = { '+++': 0, '++-': 0, '+--': 0, '---': 0 }
  for (let i = 0; i < actors.length; i++)
    for (let j = i + 1; j < actors.length; j++)
      for (let k = j + 1; k < actors.length; k++) {
        const s = [
          pairKey(actors[i]!, actors[j]!),
          pairKey(actors[i]!, actors[k]!),
          pairKey(actors[j]!, actors[k]!),
        ].map((p) => sign.get(p))
        if (s.some((x) => x === undefined)) continue
        const neg = s.filter((x) => x === -1).length
        census[(['+++', '++-', '+--', '---'] as const)[neg]!]++
      }
  const triangles = census['+++'] + census['++-'] + census['+--'] + census['---']
  // Every split of the signed actors (the first fixed in camp 0).
  let best = Infinity
  let bestSplits: string[][][] = []
  for (let mask = 0; mask < 1 << (actors.length - 1); mask++) {
    const side = (id: string) => (actors.indexOf(id) === 0 ? 0 : (mask >> (actors.indexOf(id) - 1)) & 1)
    let cost = 0
    for (const [k, s] of sign) {
      const [a, b] = k.split('|') as [string, string]
      const same = side(a) === side(b)
      if (s > 0 ? !same : same) cost++
    }
    const split = [actors.filter((a) => side(a) === 0), actors.filter((a) => side(a) === 1)]
    if (cost < best) {
      best = cost
      bestSplits = [split]
    } else if (cost === best) bestSplits.push(split)
  }
  return {
    census,
    triangles,
    strong: (census['+++'] + census['+--']) / triangles,
    frustration: best,
    bestSplits,
    contested,
    unsigned,
    actors,
  }
}

/** Tie states per the README: pair × type in one year. */
function tieStates(ds: Dataset, year: number) {
  const flags = new Map<string, Set<string>>()
  const rels = new Map<string, DatasetRelation[]>()
  for (const r of ds.relations) {
    const active = r.start === undefined || (r.start <= year && (r.end ?? Infinity) >= year)
    if (!active) continue
    const [a, b] = r.source < r.target ? [r.source, r.target] : [r.target, r.source]
    const k = `${a}|${b}|${r.type}`
    flags.set(k, (flags.get(k) ?? new Set()).add(r.stance))
    rels.set(k, [...(rels.get(k) ?? []), r])
  }
  const state = new Map<string, string>()
  for (const [k, s] of flags)
    state.set(
      k,
      s.has('cooperative') && s.has('hostile')
        ? 'contested'
        : s.has('cooperative')
          ? 'cooperative'
          : s.has('hostile')
            ? 'hostile'
            : 'neutral',
    )
  return { state, rels }
}

function compareOracle(ds: Dataset, a: number, b: number) {
  const A = tieStates(ds, a)
  const B = tieStates(ds, b)
  const out = {
    formed: [] as string[],
    ended: [] as string[],
    changed: [] as string[],
    unchanged: [] as string[],
  }
  for (const k of new Set([...A.state.keys(), ...B.state.keys()])) {
    const sa = A.state.get(k)
    const sb = B.state.get(k)
    if (sa === undefined) out.formed.push(k)
    else if (sb === undefined) out.ended.push(k)
    else if (sa !== sb) out.changed.push(k)
    else out.unchanged.push(k)
  }
  for (const list of Object.values(out)) list.sort()
  return { ...out, A, B }
}

async function seriousViolations(page: Page, include: string) {
  const results = await new AxeBuilder({ page }).include(include).analyze()
  expect(results.passes.length).toBeGreaterThan(5)
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))
}

const balanceRegion = (page: Page) => page.getByRole('region', { name: 'Balance', exact: true })
const measure = (page: Page, term: string) =>
  balanceRegion(page)
    .locator('dt', { hasText: new RegExp(`^${term}$`) })
    .locator('xpath=following-sibling::dd[1]')

// ---------------------------------------------------------------------------------------------

test.describe('structural balance (issue 14)', () => {
  test('the Balance panel reads the census, ratio, index and camps of a small signed network', async ({
    page,
    errors,
  }, testInfo) => {
    const o = balanceOracle(fixture.relations)
    // The fixture is built so that the best split is unique (up to swapping the camps).
    expect(o.bestSplits).toHaveLength(1)
    expect(o.frustration).toBeGreaterThan(0)
    await openExplorer(page, `/?graph=${FIXTURE}`)
    await page.getByRole('button', { name: 'Balance', exact: true }).click()
    await expect(balanceRegion(page)).toBeVisible()
    await expect(page).toHaveURL(/balance=1/)
    await expect(measure(page, 'Triangles')).toHaveText(String(o.triangles))
    await expect(measure(page, 'Balance ratio')).toHaveText(o.strong.toFixed(3))
    await expect(measure(page, 'Frustration index')).toHaveText(`${o.frustration} (exact)`)
    await expect(measure(page, 'Contested pairs')).toHaveText(String(o.contested))
    await expect(measure(page, 'Unsigned pairs')).toHaveText(String(o.unsigned))
    const census = balanceRegion(page).getByRole('table', { name: 'Triangle census' })
    for (const [k, n] of Object.entries(o.census))
      await expect(
        census.getByRole('row', { name: new RegExp(`^${k.replace(/\+/g, '\\+').replace(/-/g, '−')} `) }),
      ).toContainText(String(n))
    const [c0, c1] = o.bestSplits[0]!
    const label = (id: string) => fixture.actors.find((a) => a.id === id)!.label
    const campText = (i: number, ids: string[]) =>
      `Camp ${i}: ${ids.length} actors — ${ids.map(label).sort().join(', ')}`
    // The camp holding the smaller id comes first.
    await expect(balanceRegion(page).getByTestId('camp-1')).toHaveText(campText(1, c0!))
    await expect(balanceRegion(page).getByTestId('camp-2')).toHaveText(campText(2, c1!))
    // The hook says the same, in the documented shape.
    const hook = await page.evaluate(() =>
      (window as never as { __explorer: { balance(): Promise<unknown> } }).__explorer.balance(),
    )
    expect(hook).toEqual({
      triangles: o.triangles,
      census: o.census,
      strong: o.strong,
      weak: (o.triangles - o.census['++-']) / o.triangles,
      frustration: { value: o.frustration, lower: o.frustration, exact: true },
      camps: [c0, c1],
      contested: o.contested,
      unsigned: o.unsigned,
    })
    // Show camps: off by default; on, the legend explains camps and frustrated ties.
    const show = page.getByRole('checkbox', { name: 'Show camps' })
    await expect(show).not.toBeChecked()
    await show.check()
    await expect(page.getByRole('list', { name: 'Balance and comparison marks' })).toContainText(
      'Frustrated tie',
    )
    await expect(page).toHaveURL(/camps=1/)
    // Why unbalanced? → a triangle → its three ties quoted side by side.
    await page.getByRole('button', { name: /^Why unbalanced\?/ }).click()
    const first = page.locator('#why-unbalanced ul.triangles button').first()
    await first.click()
    const quotes = page.getByRole('region', { name: 'Quotations of the chosen triangle' })
    await expect(quotes.getByRole('heading', { level: 4 })).toHaveCount(3)
    const [x, y, z] = ((await first.textContent()) ?? '').split(':')[0]!.split(', ')
    const ids = [x, y, z].map((l) => fixture.actors.find((a) => a.label === l)!.id)
    // Each quoted relation is a signed relation between two of the three.
    const expectedQuotes = fixture.relations
      .filter((r) => r.stance !== 'neutral' && ids.includes(r.source) && ids.includes(r.target))
      .map((r) => r.evidence[0]!.quote)
      .sort()
    expect((await quotes.locator('blockquote').allTextContents()).sort()).toEqual(expectedQuotes)
    await saveShot(page, testInfo, 'balance-fixture')
    expect(errors.page).toEqual([])
  })

  test('a click or Enter on a year of the series moves the window there', async ({ page, errors }) => {
    await openExplorer(page, `/?graph=${FIXTURE}&balance=1`)
    const years = page.getByRole('group', { name: 'Years of the balance series' })
    // 2015–2020: one button per year, named with the test's own numbers for that year.
    await expect(years.getByRole('button')).toHaveCount(6)
    for (const y of [2016, 2019]) {
      const rels = fixture.relations.filter(
        (r) => r.start === undefined || (r.start <= y && (r.end ?? Infinity) >= y),
      )
      const o = balanceOracle(rels)
      const ratio = o.triangles === 0 ? 'none (no triangle)' : o.strong.toFixed(3)
      await expect(
        years.getByRole('button', {
          name: `${y}: balance ratio ${ratio}, ${signedPairs(rels).sign.size} signed ties`,
        }),
      ).toBeVisible()
    }
    await years.getByRole('button', { name: /^2018:/ }).click()
    await expect(fromYear(page)).toHaveAttribute('aria-valuenow', '2018')
    await expect(toYear(page)).toHaveAttribute('aria-valuenow', '2018')
    await expect(years.getByRole('button', { name: /^2018:/ })).toHaveAttribute('aria-current', 'true')
    // Keyboard: arrow to 2016, Enter.
    await years.getByRole('button', { name: /^2018:/ }).focus()
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Enter')
    await expect(fromYear(page)).toHaveAttribute('aria-valuenow', '2016')
    await expect(toYear(page)).toHaveAttribute('aria-valuenow', '2016')
    // The panel now speaks of 2016 only.
    const o2016 = balanceOracle(
      fixture.relations.filter(
        (r) => r.start === undefined || (r.start <= 2016 && (r.end ?? Infinity) >= 2016),
      ),
    )
    await expect(measure(page, 'Triangles')).toHaveText(String(o2016.triangles))
    expect(errors.page).toEqual([])
  })

  test('Compare years on the bundled dataset: counts, hook and the evidence of a formed tie', async ({
    page,
    errors,
  }, testInfo) => {
    const ds = readDataset()
    const o = compareOracle(ds, 2016, 2021)
    expect(o.formed.length).toBeGreaterThan(0)
    await openExplorer(page)
    await page.getByRole('button', { name: 'Compare years' }).click()
    const region = page.getByRole('region', { name: 'Compare years' })
    await region.getByRole('combobox', { name: 'Year A' }).selectOption('2016')
    await region.getByRole('combobox', { name: 'Year B' }).selectOption('2021')
    await expect(page).toHaveURL(/yearA=2016&yearB=2021/)
    await expect(region.getByTestId('count-formed')).toHaveText(String(o.formed.length))
    await expect(region.getByTestId('count-ended')).toHaveText(String(o.ended.length))
    await expect(region.getByTestId('count-changed')).toContainText(String(o.changed.length))
    await expect(region.getByTestId('count-unchanged')).toHaveText(String(o.unchanged.length))
    const hook = await page.evaluate(() =>
      (window as never as { __explorer: { compare(a: number, b: number): unknown } }).__explorer.compare(
        2016,
        2021,
      ),
    )
    expect(hook).toEqual({ formed: o.formed, ended: o.ended, changed: o.changed, unchanged: o.unchanged })
    // A year with itself: all unchanged.
    const same = await page.evaluate(() =>
      (
        window as never as {
          __explorer: { compare(a: number, b: number): { formed: string[]; changed: string[] } }
        }
      ).__explorer.compare(2021, 2021),
    )
    expect(same.formed).toEqual([])
    expect(same.changed).toEqual([])
    // The evidence of the first formed tie: nothing in 2016, its relations' quotations in 2021.
    const key = o.formed[0]!
    const [a, b, type] = key.split('|') as [string, string, string]
    const label = (id: string) => ds.actors.find((x) => x.id === id)!.label
    const typeLabel = ds.relationTypes.find((t) => t.id === type)!.label
    const formed = region.getByRole('region', { name: 'Formed ties' })
    await formed.locator('summary', { hasText: `${label(a)} – ${label(b)} · ${typeLabel}:` }).click()
    const item = formed.locator('details[open]')
    await expect(
      item.getByRole('heading', { name: 'In 2016' }).locator('xpath=following-sibling::*[1]'),
    ).toHaveText('No shown relation.')
    const quotes = o.B.rels.get(key)!.flatMap((r) => r.evidence.map((e) => e.quote))
    expect(quotes.length).toBeGreaterThan(0)
    for (const q of quotes) await expect(item.locator('blockquote', { hasText: q })).toHaveCount(1)
    await saveShot(page, testInfo, 'compare-bundled')
    expect(errors.page).toEqual([])
  })

  test('"Export analysis" writes the same CSV twice: series, census with camps, comparison', async ({
    page,
    errors,
  }) => {
    const ds = readDataset()
    const o = compareOracle(ds, 2016, 2021)
    await openExplorer(page, '/?balance=1&yearA=2016&yearB=2021')
    await expect(measure(page, 'Triangles')).toBeVisible()
    const grab = async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export analysis' }).click(),
      ])
      return readFileSync((await download.path())!, 'utf8')
    }
    const first = await grab()
    const second = await grab()
    expect(second).toBe(first)
    const lines = first.split('\r\n')
    expect(lines[0]).toBe('section,subject,measure,value')
    // Three rows per compared tie (state in A, state in B, change), one per tie of the test's own list.
    const ties = [...o.formed, ...o.ended, ...o.changed, ...o.unchanged]
    expect(lines.filter((l) => l.startsWith('comparison,')).length).toBe(3 * ties.length)
    for (const k of o.formed) expect(lines).toContain(`comparison,${k},change,formed`)
    // Every signed actor of the view has its camp.
    const signedActors = [...new Set([...signedPairs(ds.relations).sign.keys()].flatMap((k) => k.split('|')))]
    expect(lines.filter((l) => l.startsWith('camp,')).length).toBe(signedActors.length)
    expect(errors.page).toEqual([])
  })

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no serious violation on the panel, the chart and the compare view (${scheme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: scheme })
      await openExplorer(page, '/?balance=1&camps=1&yearA=2016&yearB=2021')
      await expect(balanceRegion(page).locator('dt', { hasText: 'Triangles' })).toBeVisible()
      await page.getByRole('button', { name: /^Why unbalanced\?/ }).click()
      await page.locator('#why-unbalanced ul.triangles button').first().click()
      await expect(
        page.getByRole('region', { name: 'Compare years' }).getByTestId('count-formed'),
      ).toBeVisible()
      await page.getByRole('region', { name: 'Formed ties' }).locator('summary').first().click()
      await page.locator('.series-table summary').click()
      expect(await seriousViolations(page, '#panel-right'), 'panels').toEqual([])
      expect(await seriousViolations(page, '.series'), 'chart').toEqual([])
      expect(await seriousViolations(page, '.legend'), 'legend').toEqual([])
    })
  }
})
