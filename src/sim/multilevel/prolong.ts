/**
 * Prolongation: positions of a coarse level seed the next finer one. Each fine node starts at its
 * coarse node's place plus a seeded offset inside a disc whose area grows with the coarse node's
 * mass (a group of m actors takes about m times the room of one).
 */
export function prolong(
  parent: Uint32Array,
  coarseX: Float64Array,
  coarseY: Float64Array,
  coarseMass: Float64Array,
  /** Radius of the disc for a coarse node of mass 1, in world units. */
  spread: number,
  random: () => number,
  fineX: Float64Array = new Float64Array(parent.length),
  fineY: Float64Array = new Float64Array(parent.length),
): { x: Float64Array; y: Float64Array } {
  for (let i = 0; i < parent.length; i++) {
    const p = parent[i]!
    const r = spread * Math.sqrt(coarseMass[p]! * random())
    const a = 2 * Math.PI * random()
    fineX[i] = coarseX[p]! + r * Math.cos(a)
    fineY[i] = coarseY[p]! + r * Math.sin(a)
  }
  return { x: fineX, y: fineY }
}
