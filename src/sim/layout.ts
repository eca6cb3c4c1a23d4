/**
 * The layout interface the engine talks to. Positions live in one Float32Array (x, y per actor
 * index, for every actor in the graph, shown or not), so the renderer and the hit-tester read
 * numbers, and an implementation running in a Web Worker can hand the same array over per frame.
 */
export interface LayoutStatus {
  readonly running: boolean
  readonly alpha: number
  readonly ticks: number
}

/**
 * The links of setActive. With `again`, the arrays are handed over: a layout in a worker transfers
 * them (they are empty here afterwards) and calls `again` for a fresh pair should it need them once
 * more. Without it they are the caller's, and a worker layout sends copies.
 */
export interface HandedLinks {
  readonly src: Uint32Array
  readonly tgt: Uint32Array
  readonly again?: () => HandedLinks
}

export interface Layout {
  /** x at 2i, y at 2i+1, in world units. NaN until the actor has been laid out. */
  readonly positions: Float32Array
  /** 1 where the actor is pinned. */
  readonly pinned: Uint8Array
  /**
   * Which actors and links take part. Nodes that stay keep their place; nodes that come back
   * return near their last place; the simulation is reheated gently, never re-initialised, unless
   * `reheat` is false (a year comparison keeps every actor where it is).
   */
  setActive(actors: Uint32Array, links: HandedLinks, radius: Float32Array, reheat?: boolean): void
  /**
   * Advances the simulation for at most `budgetMs` (at least one tick when running), or, for a
   * layout that runs elsewhere (a Web Worker), swaps in the latest positions it has sent.
   * True when the positions changed.
   */
  step(budgetMs: number): boolean
  /**
   * Lays out for up to `ms` before the first paint (on the main thread: now, synchronously; in a
   * worker: there, before its first report).
   */
  warmUp(ms: number): void
  /** False until positions exist for the active actors (a worker has not answered yet). */
  ready(): boolean
  /**
   * Gives the active actors that have no position the one the simulation starts them from (d3's
   * phyllotaxis disc), so a first frame can be drawn before a worker's warm-up answers; ready() is
   * then true and the laid-out positions replace these when they arrive. Optional: a layout that
   * is ready at once has nothing to seed. True when it seeded.
   */
  seed?(): boolean
  /** Called when new positions arrived outside a frame, so the engine schedules one. */
  onUpdate(listener: (() => void) | null): void
  start(): void
  stop(): void
  reheat(alpha?: number): void
  /** Holds an actor at a world position (during a drag, and after it is dropped). */
  pin(actor: number, x: number, y: number): void
  release(actor: number): void
  /** Keeps the simulation warm while the user drags, so neighbours follow. */
  setDragging(dragging: boolean): void
  /**
   * Puts actors at given positions (x, y per actor; NaN leaves an actor to be laid out) and sets
   * the simulation's alpha. With `moving`, only the actors marked 1 (and pinned ones, where they
   * are pinned) take part in the settling that follows; the others hold still until the layout
   * comes to rest, a drag starts or it is reheated. An edit uses it: the map stays where it was
   * and only the new actor's neighbourhood moves. Optional: layouts without it are rebuilt.
   */
  place?(positions: Float32Array, moving: Uint8Array | null, alpha: number): void
  /** Forgets every position and pin and lays out afresh. */
  reset(): void
  status(): LayoutStatus
  destroy(): void
}
