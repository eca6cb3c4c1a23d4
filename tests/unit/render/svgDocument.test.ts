/**
 * The editable SVG export, parsed back with xmldom: one element per actor and relation in view in
 * its layer, ids and titles, the screen's encoding as attributes, culling, and hostile text kept as
 * text. Expected values are worked out by hand from the small graphs below.
 */
import { DOMParser } from '@xmldom/xmldom'
import { describe, expect, it } from 'vitest'
import { computeView, DEFAULT_FILTER, type FilterState } from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import type { Graph, Relation } from '../../../src/model/types'
import { computeLanes } from '../../../src/render/geometry'
import { DARK, LIGHT } from '../../../src/model/encoding'
import type { LegendInfo } from '../../../src/render/legend'
import { drawLegend } from '../../../src/render/exportImage'
import { buildSvg, legendShows, type SvgScene } from '../../../src/render/svgDocument'
import { escapeXml, paint } from '../../../src/render/svgMarkup'
import { tinyGraph } from '../helpers'
import { recordingContext } from './recording'

type El = ReturnType<ReturnType<DOMParser['parseFromString']>['getElementById']> & {}

function parse(svg: string) {
  const problems: string[] = []
  // xmldom warns about U+FFFD (it suspects a decoding problem): here it is the escaping's own output.
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (!(level === 'warning' && msg.includes('replacement character'))) problems.push(`${level}: ${msg}`)
    },
  }).parseFromString(svg, 'image/svg+xml')
  expect(problems).toEqual([])
  const root = doc.documentElement!
  const all = (name: string, under: El = root as El) => Array.from(under.getElementsByTagName(name)) as El[]
  const layer = (id: string) => {
    const g = all('g').find((e) => e.getAttribute('id') === id)
    expect(g, `layer ${id}`).toBeDefined()
    return g!
  }
  /** The layer's direct children that carry a data-id. */
  const items = (id: string) =>
    (Array.from(layer(id).childNodes) as El[]).filter((n) => n.nodeType === 1 && n.getAttribute('data-id'))
  const titleOf = (e: El) => all('title', e)[0]?.textContent ?? null
  return { doc, root, all, layer, items, titleOf }
}

const LEGEND: LegendInfo = {
  title: 'Tiny',
  subtitle: 'All years · Showing 4 of 5 actors',
  types: [
    { label: 'Military', color: '#E69F00' },
    { label: 'Economic', color: '#56B4E9' },
  ],
  kinds: ['state'],
}

/** A scene at transform k = 2, (5, 7): actor i at the world positions given. */
function sceneOf(
  graph: Graph,
  world: [number, number][],
  filter: FilterState = DEFAULT_FILTER,
  extra: Partial<SvgScene> = {},
): SvgScene {
  const index = buildIndex(graph)
  const view = computeView(index, filter)
  const positions = new Float32Array(world.flat())
  return {
    view,
    positions,
    radius: new Float32Array(graph.actors.length).fill(6),
    lanes: computeLanes(view),
    labels: graph.actors.map((a) => a.label),
    labelOrder: Uint32Array.from(view.shownActors),
    typeColors: graph.relationTypes.map((t) => t.color),
    transform: { k: 2, x: 5, y: 7 },
    palette: LIGHT,
    ...extra,
  }
}

const rels: Partial<Relation>[] = [
  {
    id: 'ab-mil',
    source: 'a',
    target: 'b',
    type: 'military',
    stance: 'hostile',
    start: 2020,
    end: 2023,
    directed: true,
  },
  { id: 'ab-eco', source: 'a', target: 'b', type: 'economic', stance: 'cooperative' },
  { id: 'bc', source: 'b', target: 'c', type: 'economic', stance: 'neutral', start: 2018 },
  { id: 'cd', source: 'c', target: 'd', type: 'diplomatic', stance: 'cooperative', start: 2001, end: 2001 },
  // d–e: e is far off screen to the right, d too: the relation is out of view
  { id: 'de', source: 'd', target: 'e', type: 'military', stance: 'cooperative' },
]
// world → screen: x·2 + 5, y·2 + 7. a (25, 47), b (225, 47), c (225, 247), d (2005, 247) off, e (4005, 247) off
const world: [number, number][] = [
  [10, 20],
  [110, 20],
  [110, 120],
  [1000, 120],
  [2000, 120],
]

describe('buildSvg', () => {
  it('puts one element per relation and actor in view in its layer, with ids and titles', () => {
    const g = tinyGraph(rels)
    const { items, titleOf, layer } = parse(
      buildSvg(sceneOf(g, world), { width: 400, height: 300, legend: LEGEND }),
    )
    const relations = items('relations')
    // cd: c is on screen, d is off to the right (2005 > 400 + 40) but c is not: in view. de: both off.
    expect(relations.map((e) => e.getAttribute('data-id')).sort()).toEqual(['ab-eco', 'ab-mil', 'bc', 'cd'])
    expect(relations.every((e) => e.tagName === 'path')).toBe(true)
    const title = (id: string) => titleOf(relations.find((e) => e.getAttribute('data-id') === id)!)
    expect(title('ab-mil')).toBe('A → B: Military, hostile, 2020–2023')
    expect(title('ab-eco')).toBe('A — B: Economic, cooperative, undated')
    expect(title('bc')).toBe('B — C: Economic, neutral, since 2018')
    expect(title('cd')).toBe('C — D: Diplomatic, cooperative, 2001')
    const actors = items('actors')
    expect(actors.map((e) => e.getAttribute('data-id'))).toEqual(['a', 'b', 'c'])
    expect(actors.map((e) => titleOf(e))).toEqual(['A', 'B', 'C'])
    // state → circle at the screen position, radius 6·2
    expect(
      actors.map((e) => [e.tagName, e.getAttribute('cx'), e.getAttribute('cy'), e.getAttribute('r')]),
    ).toEqual([
      ['circle', '25', '47', '12'],
      ['circle', '225', '47', '12'],
      ['circle', '225', '247', '12'],
    ])
    const labels = items('labels')
    expect(labels.map((e) => [e.getAttribute('data-id'), e.textContent])).toEqual([
      ['a', 'A'],
      ['b', 'B'],
      ['c', 'C'],
    ])
    expect(layer('legend')).toBeDefined()
  })

  it('places a label where it covers no other actor, as the screen does', () => {
    const g = tinyGraph(rels)
    // b right under a: a (25, 47), b (25, 77), both radius 12. Below a (top 47 + 12 + 2 = 61) the
    // label would cover b's disc (from 65 down), so it goes above: top 47 − 12 − 2 − 15 + 1 = 19,
    // baseline 19 + 0.8·12 = 28.6.
    const near: [number, number][] = [[10, 20], [10, 35], ...world.slice(2)]
    const { items } = parse(buildSvg(sceneOf(g, near), { width: 400, height: 300, legend: LEGEND }))
    const label = items('labels').find((e) => e.getAttribute('data-id') === 'a')!
    expect([label.getAttribute('x'), label.getAttribute('y')]).toEqual(['25', '28.6'])
  })

  it('writes the stance dashes, type colours and arrowheads as attributes', () => {
    const g = tinyGraph(rels)
    const { items, all, root } = parse(
      buildSvg(sceneOf(g, world), { width: 400, height: 300, legend: LEGEND }),
    )
    const byId = new Map(items('relations').map((e) => [e.getAttribute('data-id'), e]))
    const mil = byId.get('ab-mil')!
    expect(mil.getAttribute('stroke')).toBe(g.relationTypes.find((t) => t.id === 'military')!.color)
    expect(mil.getAttribute('stroke-dasharray')).toBe('7 4')
    expect(byId.get('bc')!.getAttribute('stroke-dasharray')).toBe('1.5 3.5')
    expect(byId.get('ab-eco')!.hasAttribute('stroke-dasharray')).toBe(false)
    // few relations on screen: 1.6 px, as the screen draws them
    expect(mil.getAttribute('stroke-width')).toBe('1.6')
    // at 0.85 opacity; an undated one lighter, 0.85 × 0.4
    // (stroke-opacity, so that the arrowhead keeps the screen's 0.9 whatever the line's opacity)
    expect(mil.getAttribute('stroke-opacity')).toBe('0.85')
    expect(byId.get('ab-eco')!.getAttribute('stroke-opacity')).toBe('0.34')
    // the directed one ends at the arrowhead's tip, 12 + 2 px from b's centre, with a marker in its colour
    expect(mil.getAttribute('marker-end')).toBe('url(#arrow-0)')
    expect(byId.get('ab-eco')!.hasAttribute('marker-end')).toBe(false)
    const marker = all('marker').find((m) => m.getAttribute('id') === 'arrow-0')!
    expect(all('path', marker)[0]!.getAttribute('fill')).toBe(mil.getAttribute('stroke'))
    expect(all('path', marker)[0]!.getAttribute('fill-opacity')).toBe('0.9')
    const end = /([\d.]+) ([\d.]+)$/.exec(mil.getAttribute('d')!)!
    expect(Math.hypot(Number(end[1]) - 225, Number(end[2]) - 47)).toBeCloseTo(14, 1)
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg')
  })

  it('offsets parallel relations into lanes on either side of the straight line', () => {
    const g = tinyGraph(rels)
    const { items } = parse(buildSvg(sceneOf(g, world), { width: 400, height: 300, legend: LEGEND }))
    const byId = new Map(items('relations').map((e) => [e.getAttribute('data-id'), e]))
    // a (25, 47) → b (225, 47): two lanes, ±0.5 → control points 2·0.5·min(9, 200·0.15) = 9 px off the
    // midpoint (125, 47): y 38 and 56. The undirected one keeps its control point…
    const control = (id: string) =>
      /Q([\d.]+) ([\d.]+)/.exec(byId.get(id)!.getAttribute('d')!)!.slice(1).map(Number) as [number, number]
    const [ex, ey] = control('ab-eco')
    expect([ex, ey]).toEqual([125, ey === 38 ? 38 : 56])
    // …the directed one is cut short at its arrowhead, so its control point slides along the line
    // from a to the original control point (125, 94 − ey), the other side of the straight line.
    const [mx, my] = control('ab-mil')
    const oy = 94 - ey
    expect(mx).toBeGreaterThan(100)
    expect((mx - 25) / 100).toBeCloseTo((my - 47) / (oy - 47), 2)
    // a single relation is a straight line
    expect(byId.get('bc')!.getAttribute('d')).toBe('M225 47L225 247')
  })

  it('follows the filter: hidden types and stances, the year window', () => {
    const g = tinyGraph(rels)
    const filter: FilterState = { ...DEFAULT_FILTER, hiddenTypes: ['economic'], yearWindow: [2019, 2024] }
    const { items, all, layer } = parse(
      buildSvg(sceneOf(g, world, filter), { width: 400, height: 300, legend: LEGEND }),
    )
    // economic hidden: ab-eco, bc gone; cd (2001) outside the window; de is undated and shown but off screen
    expect(items('relations').map((e) => e.getAttribute('data-id'))).toEqual(['ab-mil'])
    expect(items('actors').map((e) => e.getAttribute('data-id'))).toEqual(['a', 'b'])
    // no undated relation in view: no legend entry for them
    expect(all('text', layer('legend')).map((e) => e.textContent)).not.toContain('Undated (lighter)')
  })

  it('draws each kind with its shape', () => {
    const g = tinyGraph(rels)
    const kinds = ['organisation', 'armed-group', 'other', 'bloc', 'person'] as const
    const graph: Graph = { ...g, actors: g.actors.map((a, i) => ({ ...a, kind: kinds[i]! })) }
    const spread: [number, number][] = [
      [10, 20],
      [110, 20],
      [110, 120],
      [60, 120],
      [10, 120],
    ]
    const { items } = parse(buildSvg(sceneOf(graph, spread), { width: 400, height: 300, legend: LEGEND }))
    const tags = Object.fromEntries(items('actors').map((e) => [e.getAttribute('data-id'), e.tagName]))
    expect(tags).toEqual({ a: 'rect', b: 'polygon', c: 'circle', d: 'polygon', e: 'polygon' })
    const a = items('actors')[0]!
    // square: half side 12·0.88 = 10.56 around (25, 47)
    expect([a.getAttribute('x'), a.getAttribute('y'), a.getAttribute('width')]).toEqual([
      '14.44',
      '36.44',
      '21.12',
    ])
    const b = items('actors')[1]!
    expect(b.getAttribute('points')!.split(' ')).toHaveLength(3)
    const c = items('actors')[2]!
    expect(c.getAttribute('fill')).toBe(LIGHT.background) // a ring
  })

  it('keeps hostile labels as text', () => {
    const evil = '<script>alert(1)</script><g id="actors">&amp;"\'\u0001'
    const g = tinyGraph(rels)
    const graph: Graph = {
      ...g,
      title: '</svg><svg onload="x()">',
      actors: g.actors.map((a, i) => (i === 0 ? { ...a, id: 'x"><b', label: evil } : a)),
      relations: g.relations.map((r) => (r.source === 'a' ? { ...r, source: 'x"><b' } : r)),
    }
    // a moved to (605, 207) on a wider view, so that its long label has room below it
    const moved: [number, number][] = [[300, 100], ...world.slice(1)]
    const svg = buildSvg(sceneOf(graph, moved), {
      width: 1000,
      height: 300,
      legend: { ...LEGEND, title: graph.title, types: [{ label: '<i>t</i>', color: '"/><x' }] },
    })
    const { all, items, titleOf } = parse(svg)
    expect(all('script')).toHaveLength(0)
    expect(all('i')).toHaveLength(0)
    expect(all('x')).toHaveLength(0)
    expect(all('g').filter((e) => e.getAttribute('id') === 'actors')).toHaveLength(1)
    const shown = evil.replace('\u0001', '\uFFFD')
    const a = items('actors').find((e) => e.getAttribute('data-id') === 'x"><b')!
    expect(titleOf(a)).toBe(shown)
    expect(items('labels').find((e) => e.getAttribute('data-id') === 'x"><b')!.textContent).toBe(shown)
    expect(items('relations').some((e) => titleOf(e)!.startsWith(`${shown} → B:`))).toBe(true)
    const texts = all('text').map((e) => e.textContent)
    expect(texts).toContain('</svg><svg onload="x()">')
    expect(texts).toContain('<i>t</i>')
  })

  it('writes rgba() colours as a hex colour and an opacity, which every editor reads', () => {
    const g = tinyGraph(rels)
    const { items, all } = parse(
      buildSvg(sceneOf(g, world, DEFAULT_FILTER, { palette: DARK }), {
        width: 400,
        height: 300,
        legend: LEGEND,
      }),
    )
    // DARK.labelHalo is rgba(20,24,31,0.9)
    const label = items('labels')[0]!
    expect([label.getAttribute('stroke'), label.getAttribute('stroke-opacity')]).toEqual(['#14181f', '0.9'])
    expect(
      all('*').some(
        (e) => /rgba/.test(e.getAttribute('fill') ?? '') || /rgba/.test(e.getAttribute('stroke') ?? ''),
      ),
    ).toBe(false)
    expect(
      all('rect')
        .find((e) => e.getAttribute('id') === 'background')!
        .getAttribute('fill'),
    ).toBe(DARK.background)
  })

  it('writes one opacity per paint, from an rgba() colour and an opacity together', () => {
    expect(paint('stroke', 'rgba(255,255,255,0.5)', 0.5)).toBe('stroke="#ffffff" stroke-opacity="0.25"')
    expect(paint('fill', '#D55E00', 0.9)).toBe('fill="#D55E00" fill-opacity="0.9"')
    expect(paint('fill', '#D55E00')).toBe('fill="#D55E00"')
    expect(paint('fill', '"/><x')).toBe('fill="&quot;/&gt;&lt;x"')
  })

  it('escapes the five markup characters and forbidden controls', () => {
    expect(escapeXml(`a<b>&"'\u0000\uD800z`)).toBe('a&lt;b&gt;&amp;&quot;&#39;\uFFFD\uFFFDz')
    expect(escapeXml('😀')).toBe('😀')
  })

  it('writes the legend: title, subtitle, types, stances, kinds', () => {
    const g = tinyGraph(rels)
    const { layer, all } = parse(buildSvg(sceneOf(g, world), { width: 400, height: 300, legend: LEGEND }))
    const texts = all('text', layer('legend')).map((e) => e.textContent)
    expect(texts).toEqual([
      'Tiny',
      'All years · Showing 4 of 5 actors',
      'Military',
      'Economic',
      'Cooperative',
      'Hostile',
      'Neutral',
      'Undated (lighter)',
      'State',
      '1 source',
      '2 sources',
      '3 or more sources',
    ])
    const lines = all('path', layer('legend'))
    expect(lines.map((e) => e.getAttribute('stroke-dasharray'))).toEqual([
      null,
      null,
      null,
      '7 4',
      '1.5 3.5',
      null,
      null,
      null,
      null,
    ])
    expect(lines[5]!.getAttribute('opacity')).toBe('0.4')
    // the evidence classes as in the screen's legend: 1.6 px × 1, 1.7 and 2.4
    expect(lines.slice(6).map((e) => e.getAttribute('stroke-width'))).toEqual(['1.6', '2.72', '3.84'])
  })

  it('holds every relation in view of a large view, and says how many the screen samples', () => {
    // 60 actors on a 10 × 6 grid, 13,000 relations between neighbours in a row (many per pair).
    const actors = Array.from({ length: 60 }, (_, i) => `n${i}`)
    const many: Partial<Relation>[] = []
    for (let i = 0; i < 13_000; i++) {
      const a = i % 60
      const b = a % 10 === 9 ? a - 1 : a + 1
      many.push({ id: `r${i}`, source: `n${a}`, target: `n${b}` })
    }
    const g = tinyGraph(many, actors)
    const grid = actors.map((_, i): [number, number] => [10 + (i % 10) * 18, 10 + Math.floor(i / 10) * 20])
    const svg = buildSvg(sceneOf(g, grid), { width: 400, height: 300, legend: LEGEND })
    const { items, all, layer } = parse(svg)
    expect(items('relations')).toHaveLength(13_000)
    expect(items('actors')).toHaveLength(60)
    // at rest the screen keeps every 2nd (ceil(13,000 / 12,000)) relation: r0, r2, … r12998 → 6,500
    const texts = all('text', layer('legend')).map((e) => e.textContent)
    expect(texts).toContain(
      'The screen draws a sample of 6,500 of the 13,000 relations in view; this file holds all 13,000.',
    )
    // over 3,000 in view: no arrowheads, hairlines
    expect(items('relations')[0]!.getAttribute('stroke-width')).toBe('1')
  }, 20_000)

  it('draws many tiny actors as plain discs, as the screen does, and a few with their shape', () => {
    const plainOrNot = (count: number) => {
      const ids = Array.from({ length: count }, (_, i) => `n${i}`)
      const g = tinyGraph([], ids)
      const graph: Graph = { ...g, actors: g.actors.map((a) => ({ ...a, kind: 'organisation' as const })) }
      const grid = ids.map((_, i): [number, number] => [(i % 40) * 3, Math.floor(i / 40) * 3])
      // radius 0.5 at k = 2: 1 px, drawn at the 2 px minimum; all 1,600 or 40 on a 400 × 300 view
      const scene = sceneOf(
        graph,
        grid,
        { ...DEFAULT_FILTER, showUnconnected: true },
        {
          radius: new Float32Array(count).fill(0.5),
        },
      )
      const { items } = parse(buildSvg(scene, { width: 400, height: 300, legend: LEGEND }))
      const actors = items('actors')
      expect(actors).toHaveLength(count)
      return new Set(actors.map((e) => `${e.tagName} ${e.getAttribute('stroke')}`))
    }
    // over 1,500 tiny ones: discs of radius 2, no outline
    expect(plainOrNot(1600)).toEqual(new Set(['circle null']))
    expect(plainOrNot(40)).toEqual(new Set([`rect ${LIGHT.nodeStroke}`]))
  })

  it('rings the selected actor in the accent colour', () => {
    const g = tinyGraph(rels)
    const base = sceneOf(g, world)
    const none = new Uint8Array(g.actors.length)
    const scene: SvgScene = {
      ...base,
      emphasis: {
        active: false,
        actors: none,
        relations: new Uint8Array(g.relations.length),
        selectedActor: 1,
        selectedRelation: -1,
        hoveredActor: -1,
      },
    }
    const { layer, items } = parse(buildSvg(scene, { width: 400, height: 300, legend: LEGEND }))
    const rings = (Array.from(layer('actors').childNodes) as El[]).filter(
      (n) => n.nodeType === 1 && n.getAttribute('data-role') === 'selection',
    )
    // b at (225, 47), radius 12 + 4
    expect(rings.map((e) => [e.getAttribute('cx'), e.getAttribute('cy'), e.getAttribute('r')])).toEqual([
      ['225', '47', '16'],
    ])
    expect(rings[0]!.getAttribute('stroke')).toBe(LIGHT.accent)
    expect(
      items('labels')
        .find((e) => e.getAttribute('data-id') === 'b')!
        .getAttribute('font-weight'),
    ).toBe('600')
  })

  it('dims what is not emphasised and draws the selected relation last', () => {
    const g = tinyGraph(rels)
    const base = sceneOf(g, world)
    const n = g.actors.length
    const actorsOn = new Uint8Array(n)
    actorsOn[1] = 1
    actorsOn[2] = 1
    const relationsOn = new Uint8Array(g.relations.length)
    relationsOn[2] = 1
    const scene = {
      ...base,
      emphasis: {
        active: true,
        actors: actorsOn,
        relations: relationsOn,
        selectedActor: -1,
        selectedRelation: 2,
        hoveredActor: -1,
      },
    }
    const { items, layer } = parse(buildSvg(scene, { width: 400, height: 300, legend: LEGEND }))
    const rel = items('relations')
    expect(rel[rel.length - 1]!.getAttribute('data-id')).toBe('bc')
    // under it, the accent halo along the same straight line b (225, 47) → c (225, 247)
    const children = (Array.from(layer('relations').childNodes) as El[]).filter((n) => n.nodeType === 1)
    const halo = children[children.length - 2]!
    expect(halo.getAttribute('data-role')).toBe('selection')
    expect(halo.getAttribute('d')).toBe('M225 47Q225 147 225 247')
    expect(halo.getAttribute('stroke')).toBe(LIGHT.accent)
    expect(rel[rel.length - 1]!.getAttribute('stroke-width')).toBe('3.2')
    expect(rel.find((e) => e.getAttribute('data-id') === 'ab-mil')!.getAttribute('stroke-opacity')).toBe(
      String(LIGHT.dimAlpha),
    )
    const act = items('actors')
    // dimmed a first, then b and c
    expect(act.map((e) => e.getAttribute('data-id'))).toEqual(['a', 'b', 'c'])
    expect(act[0]!.hasAttribute('opacity')).toBe(true)
    expect(act[1]!.hasAttribute('opacity')).toBe(false)
  })

  describe('evidence, as the screen draws it', () => {
    // a (25, 47), b (225, 47), c (225, 247), d (25, 247) on screen (x·2 + 5, y·2 + 7)
    const square: [number, number][] = [
      [10, 20],
      [110, 20],
      [110, 120],
      [10, 120],
      [2000, 120],
    ]
    const q = (source: string, quote = 'q') => ({ source, quote })
    const evidenceRels: Partial<Relation>[] = [
      // s1 quoted twice: still one distinct source
      { id: 'one', source: 'a', target: 'b', start: 2020, evidence: [q('s1'), q('s1', 'q2')] },
      { id: 'two', source: 'b', target: 'c', start: 2020, evidence: [q('s1'), q('s2')] },
      { id: 'three', source: 'c', target: 'd', start: 2020, evidence: [q('s3'), q('s1'), q('s2'), q('s3')] },
      {
        id: 'approx',
        source: 'a',
        target: 'c',
        start: 2015,
        approximate: true,
        evidence: [q('s1')],
      },
      // a contested pair: the same pair and type, cooperative and hostile
      { id: 'coop', source: 'a', target: 'd', stance: 'cooperative', start: 2020, evidence: [q('s1')] },
      { id: 'host', source: 'a', target: 'd', stance: 'hostile', start: 2020, evidence: [q('s2')] },
    ]
    const evidenceGraph = (): Graph => ({
      ...tinyGraph(evidenceRels),
      sources: [
        { id: 's1', title: 'S1' },
        { id: 's2', title: 'S2' },
        { id: 's3', title: 'S3' },
      ],
    })
    const children = (e: El) => (Array.from(e.childNodes) as El[]).filter((n) => n.nodeType === 1)

    it('widens a line by the distinct sources it quotes and fades approximate years', () => {
      const { items } = parse(
        buildSvg(sceneOf(evidenceGraph(), square), { width: 400, height: 300, legend: LEGEND }),
      )
      const attr = (id: string, name: string) =>
        items('relations')
          .find((e) => e.getAttribute('data-id') === id)!
          .getAttribute(name)
      // six relations on screen (≤ 400): 1.6 px × 1, 1.7, 2.4 for 1, 2, 3 distinct sources
      expect(['one', 'two', 'three'].map((id) => attr(id, 'stroke-width'))).toEqual(['1.6', '2.72', '3.84'])
      expect(['one', 'two', 'three'].map((id) => attr(id, 'stroke-opacity'))).toEqual([
        '0.85',
        '0.85',
        '0.85',
      ])
      // approximate years: 0.85 × 0.45 = 0.3825, at its one source's width
      expect(attr('approx', 'stroke-opacity')).toBe('0.38')
      expect(attr('approx', 'stroke-width')).toBe('1.6')
    })

    it('marks each relation of a contested pair with a diamond, a decoration apart from the relations', () => {
      const { items, layer, all } = parse(
        buildSvg(sceneOf(evidenceGraph(), square), { width: 400, height: 300, legend: LEGEND }),
      )
      // still one data-id'd element per relation
      expect(
        items('relations')
          .map((e) => e.getAttribute('data-id'))
          .sort(),
      ).toEqual(['approx', 'coop', 'host', 'one', 'three', 'two'].sort())
      const marks = children(layer('relations')).filter((e) => e.getAttribute('data-role') === 'contested')
      expect(marks.every((m) => !m.hasAttribute('data-id'))).toBe(true)
      // a (25, 47) → d (25, 247) in lanes ±0.5: control points 2·0.5·min(9, 200·0.15) = 9 px either side
      // of (25, 147); the curve's middle is halfway there, 4.5 px: diamonds of half size 4.5 at x 20.5, 29.5
      const byRelation = Object.fromEntries(marks.map((m) => [m.getAttribute('data-relation'), m]))
      expect(Object.keys(byRelation).sort()).toEqual(['coop', 'host'])
      expect(marks.map((m) => m.getAttribute('d')).sort()).toEqual([
        'M20.5 142.5L25 147L20.5 151.5L16 147Z',
        'M29.5 142.5L34 147L29.5 151.5L25 147Z',
      ])
      expect(marks[0]!.getAttribute('fill')).toBe(LIGHT.background)
      expect(marks[0]!.getAttribute('stroke')).toBe(LIGHT.accent)
      expect(marks[0]!.getAttribute('stroke-width')).toBe('1.6')
      // drawn over the relations (after the last of them)
      const kids = children(layer('relations'))
      expect(kids.slice(-2).every((e) => e.getAttribute('data-role') === 'contested')).toBe(true)
      // the legend adds the approximate and contested entries, the contested one with its diamond
      const texts = all('text', layer('legend')).map((e) => e.textContent)
      expect(texts.slice(-5)).toEqual([
        '1 source',
        '2 sources',
        '3 or more sources',
        'Approximate years (“c.” in the details)',
        'Contested: cooperative and hostile relations of one type',
      ])
      const legendApprox = all('path', layer('legend')).filter((e) => e.getAttribute('opacity') === '0.45')
      expect(legendApprox).toHaveLength(1)
      const legendDiamonds = all('path', layer('legend')).filter((e) => /Z$/.test(e.getAttribute('d') ?? ''))
      expect(legendDiamonds).toHaveLength(1)
      expect(legendDiamonds[0]!.getAttribute('stroke')).toBe(LIGHT.accent)
    })

    it('leaves out the marks of dimmed relations and of relations too short on screen', () => {
      const g = evidenceGraph()
      const relationsOn = new Uint8Array(g.relations.length)
      relationsOn[5] = 1 // host
      const scene = sceneOf(g, square, DEFAULT_FILTER, {
        emphasis: {
          active: true,
          actors: new Uint8Array(g.actors.length).fill(1),
          relations: relationsOn,
          selectedActor: -1,
          selectedRelation: -1,
          hoveredActor: -1,
        },
      })
      const marksOf = (sc: SvgScene) => {
        const { layer } = parse(buildSvg(sc, { width: 400, height: 300, legend: LEGEND }))
        return children(layer('relations'))
          .filter((e) => e.getAttribute('data-role') === 'contested')
          .map((e) => e.getAttribute('data-relation'))
      }
      expect(marksOf(scene)).toEqual(['host'])
      // d right under a, 26 px apart on screen (< 6 × 4.5 = 27): no mark at all, and no legend entry
      const near: [number, number][] = [square[0]!, square[1]!, square[2]!, [10, 33], square[4]!]
      expect(marksOf(sceneOf(g, near))).toEqual([])
      const { all, layer } = parse(buildSvg(sceneOf(g, near), { width: 400, height: 300, legend: LEGEND }))
      expect(all('text', layer('legend')).map((e) => e.textContent)).not.toContain(
        'Contested: cooperative and hostile relations of one type',
      )
    })

    it('the PNG legend has the same entries as the SVG legend, evidence included, drawn alike', () => {
      const legendTexts = (sc: SvgScene) => {
        const { all, layer } = parse(buildSvg(sc, { width: 400, height: 300, legend: LEGEND }))
        return all('text', layer('legend')).map((e) => e.textContent)
      }
      const pngTexts = (sc: SvgScene) => {
        const { ctx, calls } = recordingContext()
        drawLegend(ctx, LEGEND, LIGHT, 300, 400, true, legendShows(sc, 400, 300))
        return { calls, texts: calls.filter((c) => c.op === 'fillText').map((c) => c.args[0]) }
      }
      const g = evidenceGraph()
      const scene = sceneOf(g, square)
      const png = pngTexts(scene)
      expect(png.texts).toEqual(legendTexts(scene))
      expect(png.texts.slice(-5)).toEqual([
        '1 source',
        '2 sources',
        '3 or more sources',
        'Approximate years (“c.” in the details)',
        'Contested: cooperative and hostile relations of one type',
      ])
      // Each entry's swatch is drawn just before its label: the evidence widths 1.6 × 1, 1.7, 2.4,
      // the approximate line at 0.45, the contested line with a diamond in the accent colour.
      const before = (label: string) => {
        const at = png.calls.findIndex((c) => c.op === 'fillText' && c.args[0] === label)
        const prev = png.calls.slice(0, at)
        const last = (op: string) => prev.findLast((c) => c.op === op)?.args[0]
        return { lineWidth: last('=lineWidth'), alpha: last('=globalAlpha'), stroke: last('=strokeStyle') }
      }
      expect(['1 source', '2 sources', '3 or more sources'].map((l) => before(l).lineWidth)).toEqual([
        1.6,
        1.6 * 1.7,
        1.6 * 2.4,
      ])
      const approxAt = png.calls.findIndex(
        (c) => c.op === 'fillText' && String(c.args[0]).startsWith('Approximate'),
      )
      const approxStroke = png.calls.slice(0, approxAt).findLastIndex((c) => c.op === 'stroke')
      expect(png.calls.slice(0, approxStroke).findLast((c) => c.op === '=globalAlpha')?.args[0]).toBe(0.45)
      expect(before('Contested: cooperative and hostile relations of one type')).toMatchObject({
        stroke: LIGHT.accent,
        lineWidth: 1.6,
      })
      // A view without approximate years or contested marks has neither entry, in both.
      const near: [number, number][] = [square[0]!, square[1]!, square[2]!, [10, 33], square[4]!]
      const plain = sceneOf({ ...g, relations: g.relations.filter((r) => r.id !== 'approx') }, near)
      expect(pngTexts(plain).texts).toEqual(legendTexts(plain))
      expect(pngTexts(plain).texts.slice(-3)).toEqual(['1 source', '2 sources', '3 or more sources'])
    })

    it('puts the marks under the selected relation, as the screen does', () => {
      const g = evidenceGraph()
      const scene = sceneOf(g, square, DEFAULT_FILTER, {
        emphasis: {
          active: false,
          actors: new Uint8Array(g.actors.length),
          relations: new Uint8Array(g.relations.length),
          selectedActor: -1,
          selectedRelation: 0,
          hoveredActor: -1,
        },
      })
      const { layer } = parse(buildSvg(scene, { width: 400, height: 300, legend: LEGEND }))
      const roles = children(layer('relations')).map(
        (e) => e.getAttribute('data-role') ?? e.getAttribute('data-id'),
      )
      expect(roles.slice(-4)).toEqual(['contested', 'contested', 'selection', 'one'])
    })
  })
})

describe('support marks in the SVG', () => {
  // a (25, 47), b (225, 47), c (225, 247), d (25, 247) on screen
  const square: [number, number][] = [
    [10, 20],
    [110, 20],
    [110, 120],
    [10, 120],
    [2000, 120],
  ]
  const graph = tinyGraph([
    { id: 'quoted', source: 'a', target: 'b', start: 2020 },
    { id: 'bare', source: 'b', target: 'c', start: 2020, evidence: [] },
    { id: 'doubt', source: 'c', target: 'd', start: 2020 },
  ])
  const scene = (): SvgScene => {
    const s = sceneOf(graph, square)
    const view = computeView(s.view.index, DEFAULT_FILTER, { graph, questioned: new Set(['doubt']) })
    return { ...s, view, lanes: computeLanes(view) }
  }

  it('puts ∅ on the tie with no quotation and × on the questioned one, as decorations', () => {
    const { layer, all } = parse(buildSvg(scene(), { width: 400, height: 300, legend: LEGEND }))
    const rel = layer('relations')
    const marks = all('g', rel).filter((e) => e.hasAttribute('data-role'))
    expect(marks.map((e) => [e.getAttribute('data-role'), e.getAttribute('data-relation')])).toEqual([
      ['unsupported', 'bare'],
      ['questioned', 'doubt'],
    ])
    expect(marks.every((m) => !m.hasAttribute('data-id'))).toBe(true)
    // b (225, 47) → c (225, 247): ∅ at the middle (225, 147), a ring of 4.5 and its slash
    const [halo, mark] = all('path', marks[0]!)
    expect(mark!.getAttribute('d')).toBe(
      'M229.5 147A4.5 4.5 0 1 1 220.5 147A4.5 4.5 0 1 1 229.5 147M220.5 151.5L229.5 142.5',
    )
    expect(mark!.getAttribute('stroke')).toBe(LIGHT.label)
    expect(halo!.getAttribute('stroke')).toBe(LIGHT.background)
    // c (225, 247) → d (25, 247): × at the middle (125, 247), arms of 0.85 × 4.5 = 3.825 (128.825 rounds down in binary)
    expect(all('path', marks[1]!)[1]!.getAttribute('d')).toBe(
      'M121.18 243.18L128.82 250.83M128.82 243.18L121.18 250.83',
    )
    const texts = all('text', layer('legend')).map((e) => e.textContent)
    expect(texts.slice(-2)).toEqual([
      'Unsupported: no quotation',
      'Needs review or not found: a quotation its source does not confirm',
    ])
  })

  it('gives the PNG legend the same entries', () => {
    const s = scene()
    const shows = legendShows(s, 400, 300)
    expect(shows.unsupported).toBe(true)
    expect(shows.questioned).toBe(true)
    const { ctx, calls } = recordingContext()
    drawLegend(ctx, LEGEND, LIGHT, 0, 400, true, shows)
    const written = calls.filter((c) => c.op === 'fillText').map((c) => c.args[0])
    expect(written).toContain('Unsupported: no quotation')
    expect(written).toContain('Needs review or not found: a quotation its source does not confirm')
    expect(calls.some((c) => c.op === 'arc')).toBe(true)
  })
})
