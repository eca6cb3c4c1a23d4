/**
 * Types shared by the layers that draw and the layers that take input (render/, interaction/,
 * engine/), so that neither has to import the other for them. Types only: no code, no imports.
 */

/** The view transform: screen = world × k + (x, y), in CSS pixels of the canvas. */
export interface Transform {
  readonly k: number
  readonly x: number
  readonly y: number
}

/** An actor kept in place by hand, at a world position. */
export interface Pin {
  readonly id: string
  readonly x: number
  readonly y: number
}
