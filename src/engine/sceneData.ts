/**
 * What the renderer is handed: the drawing data derived once per graph (labels, their widths,
 * shapes, type colours) and once per view (edge lanes, node sizes, label order), the emphasis of
 * the moment, and the Scene assembled from them with the positions, transform and palette.
 */
import type { View } from '../model/filter'
import type { GraphIndex } from '../model/graphIndex'
import { computeEmphasis, noEmphasis, type Emphasis, type EmphasisIntent } from '../model/emphasis'
import { analysisMarks, NO_MARKS, type CampsOverlay, type ComparisonOverlay } from '../model/analysisMarks'
import type { HandedLinks, Layout } from '../sim/layout'
import { computeLanes, labelHalfWidth, nodeRadius } from '../render/geometry'
import type { Scene } from '../render/renderer'
import { KIND_SHAPE, LIGHT, type Palette, type Shape } from '../model/encoding'
import type { Transform } from '../shared/types'

/** The shapes the renderer knows, in the order `shapeOf` refers to them. */
export const SHAPES: readonly Shape[] = ['circle', 'square', 'hexagon', 'triangle', 'diamond', 'ring']

/** Drawing data that depends on the graph alone. */
export interface GraphDrawData {
  readonly labels: readonly string[]
  /** Half the width of each label on screen (CSS px), for fitting the view. */
  readonly labelWidth: Float32Array
  /** Per actor: its shape, as an index into SHAPES. */
  readonly shapeOf: Uint8Array
  readonly typeColors: readonly string[]
}

/** Drawing data that depends on the shown subgraph. */
export interface ViewDrawData {
  readonly lanes: Float32Array
  readonly radius: Float32Array
  /** Shown actors, most connected first: the order in which labels claim space. */
  readonly labelOrder: Uint32Array
}

export const EMPTY_GRAPH_DATA: GraphDrawData = {
  labels: [],
  labelWidth: new Float32Array(0),
  shapeOf: new Uint8Array(0),
  typeColors: [],
}

export const EMPTY_VIEW_DATA: ViewDrawData = {
  lanes: new Float32Array(0),
  radius: new Float32Array(0),
  labelOrder: new Uint32Array(0),
}

export function graphDrawData(index: GraphIndex): GraphDrawData {
  const labels = index.graph.actors.map((a) => a.label)
  return {
    labels,
    labelWidth: Float32Array.from(labels, (l) => labelHalfWidth(l)),
    shapeOf: Uint8Array.from(index.graph.actors, (a) => SHAPES.indexOf(KIND_SHAPE[a.kind])),
    typeColors: index.graph.relationTypes.map((t) => t.color),
  }
}

export function viewDrawData(index: GraphIndex, view: View): ViewDrawData {
  const radius = new Float32Array(index.actorCount)
  for (let a = 0; a < index.actorCount; a++) radius[a] = nodeRadius(view.degree[a]!)
  return { lanes: computeLanes(view), radius, labelOrder: byDegree(view.shownActors, view.degree) }
}

/** The shown relations as links between actor indices, for the layout. */
export function shownLinks(index: GraphIndex, view: View): HandedLinks {
  const shown = view.shownRelations
  const links = {
    src: new Uint32Array(shown.length),
    tgt: new Uint32Array(shown.length),
    again: () => shownLinks(index, view),
  }
  for (let i = 0; i < shown.length; i++) {
    links.src[i] = index.src[shown[i]!]!
    links.tgt[i] = index.tgt[shown[i]!]!
  }
  return links
}

/** The scene of the moment, from the derived data and the current positions, emphasis and view. */
export function composeScene(
  g: GraphDrawData,
  v: ViewDrawData,
  now: {
    view: View
    layout: Layout
    emphasis: Emphasis
    transform: Transform
    palette: Palette
    quality: 'full' | 'fast'
  },
): Scene {
  return {
    view: now.view,
    positions: now.layout.positions,
    pinned: now.layout.pinned,
    radius: v.radius,
    lanes: v.lanes,
    shapes: SHAPES,
    shapeOf: g.shapeOf,
    labels: g.labels,
    labelOrder: v.labelOrder,
    typeColors: g.typeColors,
    emphasis: now.emphasis,
    transform: now.transform,
    palette: now.palette,
    quality: now.quality,
  }
}

/**
 * The scene data of one engine: the graph, its current view and what is derived from them, the
 * hovered actor and the emphasis. Holds no positions (the layout's) and no transform (the input's).
 */
export function createSceneData() {
  let index: GraphIndex | null = null
  let view: View | null = null
  let g = EMPTY_GRAPH_DATA
  let v = EMPTY_VIEW_DATA
  let hovered = -1
  let intent: EmphasisIntent = {}
  let emphasis = noEmphasis(0, 0)
  let palette: Palette = LIGHT
  // Balance and year comparison (issue 14): analysis results drawn over the view, and their marks.
  let overlay: AnalysisOverlay = NO_OVERLAY
  let marks = NO_MARKS
  const remark = () => {
    marks =
      index === null || view === null
        ? NO_MARKS
        : analysisMarks(index, view, overlay.camps, overlay.comparison)
  }
  const recompute = () => {
    if (index === null || view === null) return
    const hover = hovered >= 0 ? index.graph.actors[hovered]!.id : null
    emphasis = computeEmphasis(index, view, { ...intent, hover, analysis: marks })
  }
  return {
    index: () => index,
    view: () => view,
    graphData: () => g,
    viewData: () => v,
    setGraph(next: GraphIndex) {
      index = next
      view = null
      hovered = -1
      g = graphDrawData(next)
      overlay = NO_OVERLAY
      marks = NO_MARKS
    },
    /** Takes a new view (false when it is the current one); a hidden hovered actor is forgotten. */
    setView(next: View): boolean {
      if (index === null || next === view) return false
      view = next
      v = viewDrawData(index, view)
      if (hovered >= 0 && view.actorShown[hovered] !== 1) hovered = -1
      remark()
      recompute()
      return true
    },
    /** Camps and frustrated ties, or a comparison of two years, to draw over the view. */
    setOverlay(next: AnalysisOverlay) {
      overlay = next
      remark()
      recompute()
    },
    /** What the user asked to see emphasised (everything but the hover, which is set below). */
    setIntent(next: EmphasisIntent) {
      intent = next
      recompute()
    },
    /** The actor under the pointer, or -1; false when it did not change. */
    setHover(a: number): boolean {
      if (a === hovered) return false
      hovered = a
      recompute()
      return true
    },
    setPalette(p: Palette) {
      palette = p
    },
    scene(layout: Layout, transform: Transform, quality: 'full' | 'fast'): Scene {
      return composeScene(g, v, { view: view!, layout, emphasis, transform, palette, quality })
    },
  }
}

export type SceneData = ReturnType<typeof createSceneData>

/** What the balance and comparison views draw over the graph (results, not intent). */
export interface AnalysisOverlay {
  readonly camps: CampsOverlay | null
  readonly comparison: ComparisonOverlay | null
}
export const NO_OVERLAY: AnalysisOverlay = { camps: null, comparison: null }

/** Actors by degree, highest first, ties by index (a counting sort: linear, no comparator calls). */
export function byDegree(actors: Uint32Array, degree: Uint32Array): Uint32Array {
  let max = 0
  for (const a of actors) if (degree[a]! > max) max = degree[a]!
  const start = new Uint32Array(max + 2)
  for (const a of actors) start[max - degree[a]! + 1]!++
  for (let d = 0; d <= max; d++) start[d + 1]! += start[d]!
  const out = new Uint32Array(actors.length)
  for (const a of actors) out[start[max - degree[a]!]!++] = a
  return out
}
