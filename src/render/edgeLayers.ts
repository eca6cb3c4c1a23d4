/**
 * Edge layers: the edges of each bucket (type × stance × emphasis) kept as a bitmap of their own,
 * so a frame whose geometry did not change redraws only the buckets whose relations did, and
 * composites the rest. A type or stance toggle composites what it kept; a year step redraws the
 * buckets that gained or lost a relation. Relations fading in or out after a change get one layer
 * each way, drawn once per change and composited at the fade's strength every frame.
 *
 * Compositing the layers in bucket order gives what drawing the buckets straight onto the frame
 * gives (source-over is associative; only 8-bit rounding differs).
 */
import { bucketOrder, strokeBucket, type EdgeBuckets, type EdgeClass } from './edges'
import type { Frame, Scene } from './scene'

/** Above this many bytes of layers the renderer draws edges straight onto the frame instead. */
export const LAYER_BYTES_MAX = 160 * 2 ** 20
/** Main layers (one per style at normal emphasis) plus the two fade layers, for the memory bound. */
const LAYERS_PER_FRAME = 11

interface Layer {
  readonly canvas: HTMLCanvasElement
  readonly ctx: CanvasRenderingContext2D
  /** Relations drawn in it and each one's lane: it is up to date when both are unchanged. */
  items: Uint32Array
  lanes: Float32Array
  /** For fade layers: the change drawn (Fade.id), -1 when none. */
  fadeId: number
  empty: boolean
}

/** The buckets of the relations fading out and in. */
export interface Fading {
  readonly leaving: EdgeBuckets
  readonly entering: EdgeBuckets
}

export interface EdgeLayers {
  /** Whether layers can be used for frames of this many device pixels. */
  fits(devicePixels: number): boolean
  /**
   * Brings the layers up to date for the frame, redrawing only what changed; yields after every
   * `chunk` edges with the layer's context (to rasterise a slice). Does not touch `f.ctx`.
   */
  update(
    f: Frame,
    scene: Scene,
    main: EdgeBuckets,
    cls: EdgeClass,
    fading: Fading | null,
    chunk: number,
  ): Generator<CanvasRenderingContext2D, void, void>
  /** Composites the layers brought up to date by update() into `ctx`, in bucket order. */
  composite(ctx: CanvasRenderingContext2D, scene: Scene, main: EdgeBuckets, fading: Fading | null): void
  /** How many edges draw() would redraw for this frame (the rest is composited). */
  stale(f: Frame, scene: Scene, main: EdgeBuckets, cls: EdgeClass, fading: Fading | null): number
  /** Forgets every layer's content (the geometry changed). */
  invalidate(): void
  /** Layers redrawn in the last frame (for tests). */
  redrawn(): number
  destroy(): void
}

export function createEdgeLayers(): EdgeLayers {
  const main = new Map<number, Layer>()
  const fadeLayers: Layer[] = []
  let redrawn = 0
  let canMake: boolean | null = null
  /** What the layers were drawn for, beyond their relations: geometry, size, styles. */
  let geometry = ''
  let positions = new Float32Array(0)

  const make = (w: number, h: number): Layer | null => {
    const canvas = document.createElement('canvas')
    canvas.width = w
    canvas.height = h
    const ctx = canvas.getContext('2d', { willReadFrequently: true })
    if (ctx === null) return null
    return { canvas, ctx, items: new Uint32Array(0), lanes: new Float32Array(0), fadeId: -1, empty: true }
  }
  const sized = (l: Layer, w: number, h: number) => {
    if (l.canvas.width !== w || l.canvas.height !== h) {
      l.canvas.width = w
      l.canvas.height = h
      l.empty = true
      l.fadeId = -1
      l.items = new Uint32Array(0)
    }
    return l
  }
  /** True when layer `l` holds exactly bucket `k` of `b` with the same lanes. */
  const holds = (l: Layer, b: EdgeBuckets, k: number, lanes: Float32Array) => {
    const from = b.start[k]!
    const n = b.start[k + 1]! - from
    if (l.items.length !== n) return false
    for (let i = 0; i < n; i++) {
      const r = b.items[from + i]!
      if (l.items[i] !== r || l.lanes[i] !== lanes[r]) return false
    }
    return true
  }
  const remember = (l: Layer, b: EdgeBuckets, k: number, lanes: Float32Array) => {
    const from = b.start[k]!
    const to = b.start[k + 1]!
    l.items = b.items.slice(from, to)
    l.lanes = Float32Array.from(l.items, (r) => lanes[r]!)
  }
  const begin = (l: Layer, dpr: number) => {
    l.ctx.setTransform(1, 0, 0, 1, 0, 0)
    l.ctx.clearRect(0, 0, l.canvas.width, l.canvas.height)
    l.ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    l.empty = false
    redrawn++
  }

  function geometryKey(f: Frame, scene: Scene, cls: EdgeClass): string {
    const t = scene.transform
    return [
      f.width,
      f.height,
      f.dpr,
      t.k,
      t.x,
      t.y,
      scene.quality ?? 'full',
      cls.thin,
      cls.many,
      scene.palette.dimAlpha,
      scene.typeColors.join(),
    ].join('|')
  }
  function samePositions(p: Float32Array): boolean {
    if (p.length !== positions.length) return false
    for (let i = 0; i < p.length; i++)
      if (p[i] !== positions[i] && !(Number.isNaN(p[i]!) && Number.isNaN(positions[i]!))) return false
    return true
  }

  const fresh = (f: Frame, scene: Scene, cls: EdgeClass) =>
    geometryKey(f, scene, cls) === geometry && samePositions(scene.positions)

  return {
    stale(f, scene, b, cls, fading) {
      if (!fresh(f, scene, cls)) {
        let all = b.start[b.keys]!
        if (fading !== null)
          all += fading.leaving.start[fading.leaving.keys]! + fading.entering.start[fading.entering.keys]!
        return all
      }
      let n = 0
      for (const k of bucketOrder(b.keys)) {
        const count = b.start[k + 1]! - b.start[k]!
        if (count === 0) continue
        const l = main.get(k)
        if (l === undefined || !holds(l, b, k, scene.lanes)) n += count
      }
      const fade = scene.fade ?? null
      if (fading !== null && fade !== null) {
        if (fadeLayers[0]?.fadeId !== fade.id) n += fading.leaving.start[fading.leaving.keys]!
        if (fadeLayers[1]?.fadeId !== fade.id) n += fading.entering.start[fading.entering.keys]!
      }
      return n
    },
    fits(devicePixels) {
      // Where no canvas can be made (no 2D context off screen), edges are drawn straight.
      if (canMake === null) canMake = make(1, 1) !== null
      return canMake && devicePixels * 4 * LAYERS_PER_FRAME <= LAYER_BYTES_MAX
    },
    *update(f, scene, b, cls, fading, chunk) {
      redrawn = 0
      const w = Math.round(f.width * f.dpr)
      const h = Math.round(f.height * f.dpr)
      if (!fresh(f, scene, cls)) {
        for (const l of main.values()) l.items = new Uint32Array(0)
        for (const l of fadeLayers) l.fadeId = -1
        geometry = geometryKey(f, scene, cls)
        positions = Float32Array.from(scene.positions)
      }
      const order = [...bucketOrder(b.keys)]
      for (const k of order) {
        const n = b.start[k + 1]! - b.start[k]!
        let l = main.get(k)
        // An empty bucket keeps its layer: toggling the type back on composites it again.
        if (n === 0) continue
        if (l === undefined) {
          const made = make(w, h)
          if (made === null) continue
          l = made
          main.set(k, l)
        }
        sized(l, w, h)
        if (holds(l, b, k, scene.lanes)) continue
        begin(l, f.dpr)
        for (const _ of strokeBucket(l.ctx, f.xy, scene, scene.lanes, b, k, cls, 1, chunk)) yield l.ctx
        remember(l, b, k, scene.lanes)
        yield l.ctx
      }
      const fade = scene.fade ?? null
      if (fading !== null && fade !== null) {
        const parts: [EdgeBuckets, Float32Array][] = [
          [fading.leaving, fade.leavingLanes],
          [fading.entering, scene.lanes],
        ]
        for (let i = 0; i < parts.length; i++) {
          const [fb, lanes] = parts[i]!
          if (fb.start[fb.keys] === 0) continue
          let l = fadeLayers[i]
          if (l === undefined) {
            const made = make(w, h)
            if (made === null) continue
            l = fadeLayers[i] = made
          }
          sized(l, w, h)
          if (l.fadeId === fade.id) continue
          begin(l, f.dpr)
          for (const k of order) {
            for (const _ of strokeBucket(l.ctx, f.xy, scene, lanes, fb, k, cls, 1, chunk)) yield l.ctx
          }
          l.fadeId = fade.id
          yield l.ctx
        }
      }
    },
    composite(ctx, scene, b, fading) {
      // In the order the buckets would have been drawn.
      const order = bucketOrder(b.keys)
      const fade = scene.fade ?? null
      ctx.save()
      ctx.setTransform(1, 0, 0, 1, 0, 0)
      ctx.globalAlpha = 1
      for (const k of order) {
        const l = main.get(k)
        if (l === undefined || b.start[k + 1] === b.start[k]) continue
        ctx.drawImage(l.canvas, 0, 0)
      }
      if (fading !== null && fade !== null) {
        const alphas = [1 - fade.t, fade.t]
        const parts = [fading.leaving, fading.entering]
        for (let i = 0; i < 2; i++) {
          const l = fadeLayers[i]
          if (l === undefined || l.fadeId !== fade.id || parts[i]!.start[parts[i]!.keys] === 0) continue
          ctx.globalAlpha = alphas[i]!
          ctx.drawImage(l.canvas, 0, 0)
        }
      }
      ctx.restore()
    },
    invalidate() {
      geometry = ''
    },
    redrawn: () => redrawn,
    destroy() {
      for (const l of [...main.values(), ...fadeLayers]) {
        l.canvas.width = 0
        l.canvas.height = 0
      }
      main.clear()
      fadeLayers.length = 0
    },
  }
}
