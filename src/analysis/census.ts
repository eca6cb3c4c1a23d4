/**
 * Triangle census of a signed network. Pure.
 *
 * Triangles of signed ties by their signs: +++, ++−, +−−, −−−. Strong balance (Cartwright & Harary
 * 1956): a triangle is balanced when the product of its signs is + (+++ and +−−). Weak balance
 * (Davis 1967): only ++− is unbalanced.
 */
import type { SignedNetwork } from './signed'

export interface Census {
  readonly '+++': number
  readonly '++-': number
  readonly '+--': number
  readonly '---': number
}

export interface CensusResult {
  readonly census: Census
  readonly triangles: number
  /** Balanced / all triangles (strong balance), or null when there is no triangle. */
  readonly strong: number | null
  /** (All − ++−) / all triangles (weak balance), or null when there is no triangle. */
  readonly weak: number | null
  /**
   * Unbalanced triangles (strong sense: ++− and −−−) as local actor triples a < b < c, flattened,
   * in ascending (a, b, c) order; at most `limit` of them.
   */
  readonly unbalanced: Int32Array
  /** Signs of the ties ab, ac, bc of each listed unbalanced triangle (+1 / -1), flattened. */
  readonly unbalancedSigns: Int8Array
  /** Number of unbalanced triangles in all (may exceed the listed ones). */
  readonly unbalancedCount: number
}

export const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den)

/**
 * Counts every triangle once as (a, b, c) with a < b < c: for each tie (a, b), the neighbours c > b
 * common to a and b, found by merging the two sorted neighbour rows.
 */
export function triangleCensus(net: SignedNetwork, limit = 5000): CensusResult {
  const { eu, ev, sign, adjStart, adjNbr, adjSign } = net
  const counts = [0, 0, 0, 0] // by number of negative ties: 0 → +++, 1 → ++−, 2 → +−−, 3 → −−−
  const listed: number[] = []
  const listedSigns: number[] = []
  let unbalancedCount = 0
  for (let k = 0; k < eu.length; k++) {
    const a = eu[k]!
    const b = ev[k]!
    const sab = sign[k]!
    let p = adjStart[a]!
    const pe = adjStart[a + 1]!
    let q = adjStart[b]!
    const qe = adjStart[b + 1]!
    // Skip to neighbours above b in both rows.
    while (p < pe && adjNbr[p]! <= b) p++
    while (q < qe && adjNbr[q]! <= b) q++
    while (p < pe && q < qe) {
      const x = adjNbr[p]!
      const y = adjNbr[q]!
      if (x < y) p++
      else if (y < x) q++
      else {
        const sac = adjSign[p]!
        const sbc = adjSign[q]!
        const neg = (sab < 0 ? 1 : 0) + (sac < 0 ? 1 : 0) + (sbc < 0 ? 1 : 0)
        counts[neg]!++
        if (neg === 1 || neg === 3) {
          unbalancedCount++
          if (listed.length < 3 * limit) {
            listed.push(a, b, x)
            listedSigns.push(sab, sac, sbc)
          }
        }
        p++
        q++
      }
    }
  }
  const triangles = counts[0]! + counts[1]! + counts[2]! + counts[3]!
  // Ties are visited in (a, b) order and common neighbours ascending, so the list is already sorted.
  return {
    census: { '+++': counts[0]!, '++-': counts[1]!, '+--': counts[2]!, '---': counts[3]! },
    triangles,
    strong: ratio(counts[0]! + counts[2]!, triangles),
    weak: ratio(triangles - counts[1]!, triangles),
    unbalanced: Int32Array.from(listed),
    unbalancedSigns: Int8Array.from(listedSigns),
    unbalancedCount,
  }
}
