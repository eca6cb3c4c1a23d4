/**
 * Compare years draws what either compared year shows, whatever the year window (issue 14, §3): with
 * the window on year B alone, a tie that ended between A and B is still drawn and can be clicked.
 * The years, the ended tie and every expected count are computed here from the data file, not with
 * the app's code.
 */
import {
  actorLabel,
  canvasBox,
  canvasIsAt,
  detailsHeading,
  expect,
  expectedCounts,
  layoutStatus,
  nodes,
  openExplorer,
  readDataset,
  saveShot,
  screenRadius,
  shownActorIds,
  shownRelations,
  statusLine,
  statusText,
  test,
  transform,
  waitForSettled,
  yearExtent,
  type Dataset,
  type DatasetRelation,
} from './fixtures'

const pair = (r: DatasetRelation) =>
  r.source < r.target ? `${r.source}|${r.target}` : `${r.target}|${r.source}`
const tie = (r: DatasetRelation) => `${pair(r)}|${r.type}`

/** The relations a single year shows (default filters: every type and stance, undated always). */
const inYear = (ds: Dataset, y: number) => shownRelations(ds, { from: y, to: y })

/** Ties (pair × type) present in A and absent in B. */
function endedTies(ds: Dataset, a: number, b: number): Set<string> {
  const inB = new Set(inYear(ds, b).map(tie))
  return new Set(
    inYear(ds, a)
      .map(tie)
      .filter((k) => !inB.has(k)),
  )
}

/** The drawn relations while comparing: those of year A and those of year B. */
function union(ds: Dataset, a: number, b: number): DatasetRelation[] {
  const ids = new Set([...inYear(ds, a), ...inYear(ds, b)].map((r) => r.id))
  return ds.relations.filter((r) => ids.has(r.id))
}

/**
 * Years A < B and an ended tie that is the only drawn relation of its pair (a straight line, so a
 * click on its midpoint lands on it), with an actor that year B alone does not show. The pair of
 * years with the most such ties, the latest first.
 */
function pickComparison(ds: Dataset) {
  const [lo, hi] = yearExtent(ds)
  let best: { a: number; b: number; ended: DatasetRelation[] } | null = null
  for (let b = hi; b > lo; b--)
    for (let a = b - 1; a >= lo; a--) {
      const ended = endedTies(ds, a, b)
      const drawn = union(ds, a, b)
      const perPair = new Map<string, number>()
      for (const r of drawn) perPair.set(pair(r), (perPair.get(pair(r)) ?? 0) + 1)
      const onlyA = shownActorIds(ds, { from: b, to: b })
      const lone = drawn.filter(
        (r) =>
          ended.has(tie(r)) &&
          perPair.get(pair(r)) === 1 &&
          (!onlyA.has(r.source) || !onlyA.has(r.target)) &&
          r.source !== r.target,
      )
      if (lone.length > (best?.ended.length ?? 0)) best = { a, b, ended: lone }
    }
  return best
}

test('while comparing, a tie ended between A and B is drawn with the window on year B alone', async ({
  page,
  errors,
}, testInfo) => {
  const ds = readDataset()
  const pick = pickComparison(ds)
  expect(pick, 'the bundled dataset has a tie that ended between two years').not.toBeNull()
  const { a, b, ended } = pick!
  expect(endedTies(ds, a, b).size).toBeGreaterThan(0)
  const onlyB = { from: b, to: b }

  // The window on year B alone: the ended ties' relations and their year-A-only actors are not drawn.
  await openExplorer(page, `/?from=${b}&to=${b}`)
  await expect(statusLine(page)).toHaveText(statusText(expectedCounts(ds, onlyB)))
  const idsOf = async () => (await nodes(page)).map((n) => n.id).sort()
  expect(await idsOf()).toEqual([...shownActorIds(ds, onlyB)].sort())
  const hiddenBefore = ended
    .flatMap((r) => [r.source, r.target])
    .filter((id) => !shownActorIds(ds, onlyB).has(id))
  expect(hiddenBefore.length).toBeGreaterThan(0)
  // Positions on the canvas (the canvas itself moves when the Compare panel opens).
  const onCanvas = async () => {
    const box = await canvasBox(page)
    return new Map((await nodes(page)).map((n) => [n.id, { x: n.x - box.x, y: n.y - box.y }]))
  }
  const positionsBefore = await onCanvas()
  const transformBefore = await transform(page)

  // Compare A with B: the window stays on B, the graph draws what A or B shows.
  await page.getByRole('button', { name: 'Compare years' }).click()
  const region = page.getByRole('region', { name: 'Compare years' })
  await region.getByRole('combobox', { name: 'Year A' }).selectOption(String(a))
  await region.getByRole('combobox', { name: 'Year B' }).selectOption(String(b))
  await expect(page).toHaveURL(new RegExp(`yearA=${a}&yearB=${b}`))
  await expect(page).toHaveURL(new RegExp(`from=${b}&to=${b}`))
  await expect(region.getByTestId('count-ended')).toHaveText(String(endedTies(ds, a, b).size))
  const drawn = union(ds, a, b)
  const drawnActors = new Set(drawn.flatMap((r) => [r.source, r.target]))
  const undated = drawn.filter((r) => r.start === undefined).length
  await expect(statusLine(page)).toHaveText(
    `Comparing ${a} with ${b} — showing ${drawnActors.size} of ${ds.actors.length} actors and ${drawn.length} of ${ds.relations.length} relations of either year${undated > 0 ? ` (${undated} undated)` : ''}`,
  )
  await expect.poll(idsOf).toEqual([...drawnActors].sort())
  for (const id of hiddenBefore) expect(await idsOf()).toContain(id)
  await waitForSettled(page)

  // Same layout: the actors year B showed have not moved (the zoom and the canvas are unchanged too).
  const { k } = await transform(page)
  expect(k).toBe(transformBefore.k)
  const ticks = (await layoutStatus(page))!.ticks
  for (const [id, p] of await onCanvas()) {
    const before = positionsBefore.get(id)
    if (before !== undefined) expect(Math.hypot(p.x - before.x, p.y - before.y), id).toBeLessThan(0.5)
  }

  // A click on the ended relation's line opens its details.
  const degree = new Map<string, number>()
  for (const r of drawn) for (const id of [r.source, r.target]) degree.set(id, (degree.get(id) ?? 0) + 1)
  const at = new Map((await nodes(page)).map((n) => [n.id, n]))
  let target: { r: DatasetRelation; x: number; y: number; clear: number } | null = null
  for (const r of ended) {
    const p = at.get(r.source)!
    const q = at.get(r.target)!
    // The point of the line farthest from every actor's disc.
    for (let t = 0.2; t <= 0.8; t += 0.05) {
      const x = p.x + (q.x - p.x) * t
      const y = p.y + (q.y - p.y) * t
      let clear = Infinity
      for (const n of at.values())
        clear = Math.min(clear, Math.hypot(n.x - x, n.y - y) - screenRadius(degree.get(n.id) ?? 0, k))
      if ((target === null || clear > target.clear) && (await canvasIsAt(page, x, y)))
        target = { r, x, y, clear }
    }
  }
  expect(target, 'an ended relation has its line on the canvas').not.toBeNull()
  expect(target!.clear, 'the point clicked is off every actor').toBeGreaterThan(2)
  const { r } = target!
  await page.mouse.click(target!.x, target!.y)
  await expect(detailsHeading(page)).toHaveText(
    `${actorLabel(ds, r.source)} ${r.directed ? '→' : '–'} ${actorLabel(ds, r.target)}`,
  )
  await expect(page).toHaveURL(new RegExp(`[?&]sel=relation:${r.id}(&|$)`))
  await saveShot(page, testInfo, 'compare-ended-drawn')
  expect((await layoutStatus(page))!.ticks, 'the layout did not run again').toBe(ticks)
  await page.keyboard.press('Escape')

  // Ending the comparison brings back the window's view.
  await page.getByRole('button', { name: 'Compare years', pressed: true }).click()
  await expect(statusLine(page)).toHaveText(statusText(expectedCounts(ds, onlyB)))
  await expect.poll(idsOf).toEqual([...shownActorIds(ds, onlyB)].sort())
  expect(errors.page).toEqual([])
})
