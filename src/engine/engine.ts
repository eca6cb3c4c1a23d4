/**
 * The engine: the only module that knows the model, the layout, the renderer and the interaction
 * bindings together, and it only wires them: the store's intent (filter, selection, pause) and the
 * canvas input (input.ts) in; the layout, the scene data (sceneData.ts, with the pure emphasis of
 * model/emphasis.ts) and the frame loop (frameLoop.ts) out. React never sees a tick.
 *
 * Over 300 lines because it is the one place where the store's intents (filters, focus, path,
 * comparison, selection, pause) meet the layout, the scene data, the fades and the frame loop; each
 * job itself lives in its own module beside it.
 */
import { focusNeighbourhood, restrictView } from '../analysis/neighbourhood'
import { bestPath, shortestPaths } from '../analysis/paths'
import type { EmphasisIntent } from '../model/emphasis'
import { createDrawnViewCache, type DrawnViewCache } from '../model/comparedView'
import type { View } from '../model/filter'
import { glide } from '../interaction/glide'
import { createLayout } from '../sim/createLayout'
import type { Layout } from '../sim/layout'
import { fitTransform } from '../render/geometry'
import { createHitTester } from '../render/hitTest'
import { createRenderer } from '../render/renderer'
import type { Transform } from '../shared/types'
import type { ExplorerState, ExplorerStore } from '../state/store'
import { createFader, prefersReducedMotion } from './fade'
import { createFrameLoop, isBig } from './frameLoop'
import { bindCanvasInput } from './input'
import { createPins, screenLabels, screenNodes } from './placement'
import { createConnector } from './connector'
import { actorTooltipText, relationTooltipText } from '../model/tooltipText'
import { createTooltip, type Box } from './tooltip'
import { createSceneData, shownLinks } from './sceneData'
import type { Engine } from './types'
import { markOnce } from '../shared/marks'

export type { Engine, HookNode } from './types'

/** Milliseconds of layout before the first paint. */
const WARM_UP_MS = 250

/** What the store asks to emphasise (the hover is the engine's own), over the full view. */
const intentOf = (s: ExplorerState, view: View | null): EmphasisIntent => ({
  selection: s.selection,
  triangle: s.analysis.triangle,
  path: s.path?.drawn ?? null,
  // "Dim others" dims the rest through the emphasis; "Hide others" also restricts the drawn view,
  // where the same emphasis leaves everything shown at full strength.
  focusActors: view !== null ? (focusNeighbourhood(view, s.focus)?.actorIn ?? null) : null,
})

/** Alpha after an edit that adds actors (the layout's gentle reheat; d3-force stays off the page's first load). */
const EDIT_ALPHA = 0.25

/** Scale a search result is centred at, at least. */
const CENTRE_MIN_K = 1.2

export function createEngine(
  canvas: HTMLCanvasElement,
  store: ExplorerStore,
  opts: {
    onPinsChanged?: () => void
    onTransformChanged?: (t: Transform) => void
    /** The Explorer's view cache, shared with its panels (a fresh one when absent). */
    views?: DrawnViewCache
    /** Edit mode's gestures: a drag between actors makes a tie, a background double-click an actor. */
    edit?: {
      active(): boolean
      onConnect(fromId: string, toId: string): void
      onBackgroundDoubleClick(world: { x: number; y: number }): void
    }
  } = {},
): Engine {
  const views = opts.views ?? createDrawnViewCache()
  // The screen keeps its edge layers between frames: filter changes redraw only what changed.
  const renderer = createRenderer(canvas, { layers: true })
  const fader = createFader(prefersReducedMotion)
  const data = createSceneData()
  data.setIntent(intentOf(store.getState(), null))
  /** The view of the filters (the layout's); the drawn one is it, or its focus under "Hide others". */
  let baseView: View | null = null
  let cancelGlide = () => {}
  let layout: Layout | null = null
  let transform: Transform = { k: 1, x: 0, y: 0 }
  let size = { width: 0, height: 0 }
  let transformRestored = false
  /** Fit the view once the layout has its first positions (a worker answers asynchronously). */
  let pendingFit = false
  /**
   * The first frame of a big graph shows the layout's seed (its starting disc) while the worker
   * warms up; the view is fitted again when the laid-out positions arrive, unless the user moved it.
   */
  let refitOnLayout = false
  /** True while the engine itself sets the transform (a fit), so it is not taken for the user's. */
  let fitting = false

  const live = () => {
    const index = data.index()
    const view = data.view()
    return index === null || layout === null || view === null ? null : { index, layout, view }
  }
  const hit = createHitTester(() => ({
    view: data.view()!,
    positions: layout!.positions,
    radius: data.viewData().radius,
    lanes: data.viewData().lanes,
  }))
  const scene = (quality: 'full' | 'fast') => data.scene(layout!, transform, quality)
  /** The scene on screen: with what is fading in or out. */
  const frameScene = (quality: 'full' | 'fast') => ({
    ...scene(quality),
    fade: fader.fade(performance.now()),
  })
  const loop = createFrameLoop({
    renderer,
    current: live,
    scene: frameScene,
    animating: () => fader.active(performance.now()),
    transform: () => transform,
    dragging: () => input.dragging(),
    onMoved() {
      hit.invalidate()
      if (refitOnLayout) {
        refitOnLayout = false
        pendingFit = true
      }
    },
    beforeDraw() {
      // Before the first resize there is nothing to draw on (nor a size to fit the view to).
      if (size.width <= 0) return false
      if (pendingFit) {
        pendingFit = false
        engine.fitView()
      }
      // An actor's tooltip stays beside it as the layout moves it.
      if (tip?.kind === 'actor') placeTip()
    },
  })
  const invalidate = loop.invalidate

  /**
   * The tooltip's subject: an actor (kept beside it while the layout moves it), or a tie at the
   * point where it was pointed at. `keyboard`: shown for the focus in a list, not for the pointer,
   * so a pan or zoom moves it along instead of taking it away.
   */
  let tip:
    | { kind: 'actor'; a: number; keyboard: boolean }
    | { kind: 'relation'; r: number; x: number; y: number }
    | null = null
  const tooltip = createTooltip(canvas)
  const hideTip = () => {
    tip = null
    tooltip.hide()
  }
  /** Writes and places the tooltip for `tip`, or hides it when its subject is no longer shown. */
  const placeTip = () => {
    const view = data.view()
    if (tip === null || view === null || layout === null) return hideTip()
    if (tip.kind === 'relation') {
      if (view.relationShown[tip.r] !== 1) return hideTip()
      // The pointed spot and the pointer's arrow below-right of it.
      const box: Box = { x: tip.x - 10, y: tip.y - 10, w: 30, h: 34 }
      return tooltip.show(relationTooltipText(view, tip.r), box)
    }
    const a = tip.a
    if (view.actorShown[a] !== 1) return hideTip()
    const x = layout.positions[2 * a]! * transform.k + transform.x
    const y = layout.positions[2 * a + 1]! * transform.k + transform.y
    const r = Math.max(data.viewData().radius[a]! * transform.k, 2) + 4
    tooltip.show(actorTooltipText(view, a), { x: x - r, y: y - r, w: 2 * r, h: 2 * r })
  }
  const pointTip = (a: number, r: number, x: number, y: number) => {
    if (a >= 0) tip = { kind: 'actor', a, keyboard: false }
    else if (r >= 0) tip = { kind: 'relation', r, x, y }
    else return hideTip()
    placeTip()
  }
  const pinsChanged = () => {
    opts.onPinsChanged?.()
    invalidate()
  }

  /** `still`: the actors keep their places (no reheat), for the start, end and course of a comparison. */
  function applyView(prevFilter?: ExplorerState['filter'], still = false) {
    const index = data.index()
    if (index === null || layout === null) return
    const state = store.getState()
    const { filter, analysis } = state
    // While two years are compared the graph draws what either year shows, whatever the window.
    const base = views(index, filter, analysis.compare, state.checked)
    const focus = state.focus?.mode === 'hide' ? focusNeighbourhood(base, state.focus) : null
    const drawn = focus === null ? base : restrictView(base, focus)
    const baseChanged = base !== baseView
    baseView = base
    data.setIntent(intentOf(state, base))
    const before = data.view()
    const beforeData = data.viewData()
    if (!data.setView(drawn)) {
      invalidate() // the same view, another emphasis (a focus switched to "Dim others")
      return
    }
    const view = data.view()!
    // Only a move of the year window is shown as motion; other filter changes are instant.
    const onlyYears =
      prevFilter !== undefined &&
      prevFilter.yearWindow !== filter.yearWindow &&
      prevFilter.hiddenTypes === filter.hiddenTypes &&
      prevFilter.hiddenStances === filter.hiddenStances &&
      prevFilter.showUnconnected === filter.showUnconnected &&
      prevFilter.minSources === filter.minSources &&
      prevFilter.hideContested === filter.hideContested
    if (before !== null && onlyYears)
      fader.change(
        { view: before, lanes: beforeData.lanes, radius: beforeData.radius },
        view,
        performance.now(),
      )
    else fader.stop()
    // The layout runs on the filters' view alone: a focus hides or dims, it never moves anyone.
    if (baseChanged)
      layout.setActive(base.shownActors, shownLinks(index, base), data.viewData().radius, !still)
    hit.invalidate()
    // The tooltip's counts follow the filters; a subject they hide takes it away.
    if (tip !== null) placeTip()
    invalidate()
  }

  const unsubscribe = store.subscribe((state, prev) => {
    // While two years are compared, and when a comparison starts or ends, no actor moves.
    if (state.filter !== prev.filter || state.focus !== prev.focus)
      applyView(
        state.filter !== prev.filter ? prev.filter : undefined,
        // Entering or leaving Edit mode shows or hides actors with no tie: nobody else moves.
        state.analysis.compare !== null || state.filter.showIsolated !== prev.filter.showIsolated,
      )
    else if (state.analysis.compare !== prev.analysis.compare || state.checked !== prev.checked)
      applyView(undefined, true)
    else if (
      state.selection !== prev.selection ||
      state.path !== prev.path ||
      state.analysis.triangle !== prev.analysis.triangle
    ) {
      data.setIntent(intentOf(state, baseView))
      invalidate()
    }
    if (state.layoutPaused !== prev.layoutPaused) {
      if (state.layoutPaused) layout?.stop()
      else {
        layout?.start()
        layout?.reheat(0.1)
      }
      invalidate()
    }
  })

  const connector = createConnector(canvas)
  const input = bindCanvasInput(canvas, {
    connecting: () => opts.edit?.active() === true,
    onConnector: (line) => connector.show(line),
    onConnect(from, to) {
      const index = data.index()
      if (index !== null) opts.edit?.onConnect(index.graph.actors[from]!.id, index.graph.actors[to]!.id)
    },
    onBackgroundDoubleClick(x, y) {
      if (opts.edit?.active() === true) opts.edit.onBackgroundDoubleClick(engine.worldAt(x, y))
    },
    store,
    current: live,
    transform: () => transform,
    actorAt: (x, y) => (data.view() === null ? -1 : hit.actorAt(x, y, transform)),
    relationAt: (x, y) => hit.relationAt(x, y, transform),
    onTransform(t) {
      transform = t
      // No pointer tooltip during a pan or a zoom (a keyboard one moves along, in the next frame).
      if (tip !== null && !(tip.kind === 'actor' && tip.keyboard)) hideTip()
      if (!fitting) refitOnLayout = false
      opts.onTransformChanged?.(t)
      loop.viewChanged()
    },
    onPinMoved() {
      hit.invalidate()
      invalidate()
    },
    onPinsChanged: pinsChanged,
    invalidate,
    onHover(a, r, x, y) {
      if (data.setHover(a)) invalidate()
      pointTip(a, r, x, y)
    },
    onGesture: hideTip,
    onLongPress: pointTip,
  })
  const { panZoom } = input
  const pins = createPins(() => live())

  const resizeObserver = new ResizeObserver(() => {
    const rect = canvas.getBoundingClientRect()
    const first = size.width === 0
    size = { width: rect.width, height: rect.height }
    renderer.resize(size.width, size.height, window.devicePixelRatio || 1)
    // A kept zoom (restored after a reload) wins over fitting the first frame.
    if (first && size.width > 0 && layout?.ready() === true && !transformRestored) engine.fitView()
    invalidate()
  })
  resizeObserver.observe(canvas)

  const engine: Engine = {
    setGraph(next) {
      markOnce('engine')
      data.setGraph(next)
      markOnce('scene')
      layout?.destroy()
      layout = createLayout(next.actorCount)
      markOnce('layout')
      layout.onUpdate(loop.schedule)
      if (store.getState().layoutPaused) layout.stop()
      applyView()
      // Warm-up before the first paint: small graphs appear settled, large ones get a head start.
      layout.warmUp(WARM_UP_MS)
      markOnce('warmed')
      // A big graph does not settle in the warm-up anyway: its first frame shows the starting disc
      // at once, and the layout unfolds from there.
      const view = data.view()
      refitOnLayout = view !== null && isBig(view) && layout.seed?.() === true
      markOnce('seeded')
      hit.invalidate()
      pendingFit = true
      invalidate()
    },
    updateGraph(next, placed) {
      const prev = data.index()
      if (prev === null || layout === null || layout.place === undefined) return engine.setGraph(next)
      const same =
        prev.actorCount === next.actorCount &&
        prev.graph.actors.every((a, i) => next.graph.actors[i]!.id === a.id)
      const kept = pins.list()
      if (!same) {
        const n = next.actorCount
        const at = new Float32Array(n * 2).fill(NaN)
        const moving = new Uint8Array(n)
        const old = layout.positions
        const fresh: number[] = []
        next.graph.actors.forEach((a, i) => {
          const j = prev.actorIndex.get(a.id)
          if (j !== undefined) {
            at[2 * i] = old[2 * j]!
            at[2 * i + 1] = old[2 * j + 1]!
          } else fresh.push(i)
        })
        for (const i of fresh) {
          // A new actor with ties settles among its neighbours; one without stays where it was made.
          if (next.adjStart[i + 1]! > next.adjStart[i]!) moving[i] = 1
          const p = placed?.get(next.graph.actors[i]!.id)
          if (p !== undefined) {
            at[2 * i] = p.x
            at[2 * i + 1] = p.y
          }
          for (let k = next.adjStart[i]!; k < next.adjStart[i + 1]!; k++) {
            const r = next.adjRel[k]!
            const o = next.src[r] === i ? next.tgt[r]! : next.src[r]!
            moving[o] = 1
            if (Number.isNaN(at[2 * i]!) && !Number.isNaN(at[2 * o]!)) {
              // Beside the actor it is tied to, on the side away from the centre of the map.
              const angle = Math.atan2(at[2 * o + 1]!, at[2 * o]!) + (i % 7) * 0.4
              at[2 * i] = at[2 * o]! + Math.cos(angle) * 60
              at[2 * i + 1] = at[2 * o + 1]! + Math.sin(angle) * 60
            }
          }
          if (Number.isNaN(at[2 * i]!)) {
            // Nothing to go by: the centre of the screen.
            const c = engine.worldAt(size.width / 2, size.height / 2)
            at[2 * i] = c.x + (i % 5) * 12
            at[2 * i + 1] = c.y
          }
        }
        data.setGraph(next)
        layout.destroy()
        layout = createLayout(n)
        layout.onUpdate(loop.schedule)
        if (store.getState().layoutPaused) layout.stop()
        layout.place!(at, moving, moving.includes(1) ? EDIT_ALPHA : 0)
        // Pins stay where they were (without the reheat a restore after a reload gives).
        for (const p of kept) {
          const a = next.actorIndex.get(p.id)
          if (a !== undefined) layout.pin(a, p.x, p.y)
        }
      } else data.setGraph(next)
      // The filters' view of the new graph, with no reheat: an edit never scrambles the map.
      baseView = null
      applyView(undefined, true)
      hit.invalidate()
      invalidate()
    },
    worldAt(x, y) {
      return { x: (x - transform.x) / transform.k, y: (y - transform.y) / transform.k }
    },
    fitView() {
      const c = live()
      if (c === null) return
      const label = (a: number) => data.graphData().labelWidth[a]!
      const radius = data.viewData().radius
      const t = fitTransform(c.view.shownActors, c.layout.positions, radius, label, size.width, size.height)
      if (t === null) return
      fitting = true
      try {
        panZoom.setTransform(t)
      } finally {
        fitting = false
      }
    },
    zoomBy: (factor) => panZoom.scaleBy(factor, [size.width / 2, size.height / 2]),
    centreOn(actorId) {
      const c = live()
      const a = c?.index.actorIndex.get(actorId)
      if (c === null || a === undefined || c.view.actorShown[a] !== 1 || size.width === 0) return
      const k = Math.max(transform.k, CENTRE_MIN_K)
      const to = {
        k,
        x: size.width / 2 - c.layout.positions[2 * a]! * k,
        y: size.height / 2 - c.layout.positions[2 * a + 1]! * k,
      }
      cancelGlide()
      cancelGlide = glide(transform, to, (t) => panZoom.setTransform(t), {
        reduced: prefersReducedMotion(),
        centre: [size.width / 2, size.height / 2],
      })
    },
    path(fromId, toId) {
      const index = data.index()
      if (index === null || baseView === null) return null
      const a = index.actorIndex.get(fromId)
      const b = index.actorIndex.get(toId)
      if (a === undefined || b === undefined) return null
      const shortest = shortestPaths(index, baseView.relationShown, a, b)
      const best = bestPath(index, baseView.relationShown, a, b)
      if (shortest === null || best === null) return null
      const ids = (p: readonly number[]) => p.map((x) => index.graph.actors[x]!.id)
      return { hops: shortest.paths.map(ids), count: shortest.count, best: ids(best.path) }
    },
    resetLayout() {
      if (layout === null) return
      layout.reset()
      refitOnLayout = false
      layout.start()
      store.getState().setLayoutPaused(false)
      layout.warmUp(WARM_UP_MS)
      hit.invalidate()
      pendingFit = true
      pinsChanged()
    },
    unpin: (actorId) => pins.release(actorId) && pinsChanged(),
    isPinned: (actorId) => pins.isPinned(actorId),
    setPalette(p) {
      data.setPalette(p)
      invalidate()
    },
    nodes() {
      const c = live()
      return c === null
        ? []
        : screenNodes(c.index, c.view, c.layout, transform, canvas.getBoundingClientRect())
    },
    labels() {
      const index = data.index()
      return index === null ? [] : screenLabels(index, renderer.lastLabels(), canvas.getBoundingClientRect())
    },
    transform: () => ({ ...transform }),
    pins: () => pins.list(),
    restorePins(list) {
      if (!pins.restore(list)) return
      hit.invalidate()
      pinsChanged()
    },
    setTransform(t) {
      if (![t.k, t.x, t.y].every(Number.isFinite) || t.k <= 0) return
      transformRestored = true
      pendingFit = false
      refitOnLayout = false
      panZoom.setTransform(t)
    },
    snapshot: () => (live() === null ? null : { scene: scene('full'), ...size }),
    layout() {
      if (layout === null) return { running: false, alpha: 0, ticks: 0 }
      const status = layout.status()
      return { ...status, running: status.running && !store.getState().layoutPaused }
    },
    setOverlay(overlay) {
      data.setOverlay(overlay)
      invalidate()
    },
    graphIndex: () => data.index(),
    showActorTooltip(actorId) {
      const a = actorId === null ? undefined : data.index()?.actorIndex.get(actorId)
      if (a === undefined) {
        if (tip?.kind === 'actor' && tip.keyboard) hideTip()
        return null
      }
      tip = { kind: 'actor', a, keyboard: true }
      placeTip()
      return tooltip.visible() ? tooltip.id : null
    },
    destroy() {
      cancelGlide()
      tooltip.destroy()
      loop.destroy()
      unsubscribe()
      resizeObserver.disconnect()
      input.destroy()
      connector.destroy()
      layout?.destroy()
      renderer.destroy()
    },
  }
  return engine
}
