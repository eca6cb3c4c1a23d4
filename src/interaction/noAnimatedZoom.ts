/**
 * Stands in for d3-transition and d3-interpolate (vite.config.ts aliases both here). d3-zoom
 * imports them for animated zooms (a transition passed to zoom.transform, double-click zoom),
 * which this app never uses: double-click zoom is off and every zoom is set at once
 * (interaction/panZoom.ts, glide.ts). With d3-color, d3-ease and d3-timer they are 10 kB gzipped
 * of the first load. What d3-zoom calls when nothing is animated is interrupting a node's running
 * transitions, and with no transition there is none to interrupt.
 */
import { selection } from 'd3-selection'

/** Interrupts the node's running transition: there never is one. */
export function interrupt(_node: Element, _name?: string): void {}

/** The zoom interpolator of an animated zoom: never asked for (no transitions). */
export function interpolateZoom(): never {
  throw new Error('d3-interpolate is not bundled (src/interaction/noAnimatedZoom.ts): zoom without animation')
}

const proto = selection.prototype as unknown as Record<string, unknown>
proto['interrupt'] = function (this: unknown) {
  return this
}
proto['transition'] = function () {
  throw new Error('d3-transition is not bundled (src/interaction/noAnimatedZoom.ts): zoom without animation')
}
