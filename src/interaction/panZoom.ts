/**
 * Pan and zoom on an element with d3-zoom: wheel, trackpad, touch pinch and background drag.
 * The zoom keeps the point under the cursor fixed (d3-zoom's own behaviour). Double-click zoom is
 * off: double-click on a node releases its pin.
 */
import { select } from 'd3-selection'
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom'
import type { Transform } from '../shared/types'

export interface PanZoom {
  transform(): Transform
  setTransform(t: Transform): void
  scaleBy(factor: number, at?: [number, number]): void
  destroy(): void
}

export const MIN_ZOOM = 0.02
export const MAX_ZOOM = 12

export function createPanZoom(el: HTMLElement, onTransform: (t: Transform) => void): PanZoom {
  const selection = select<HTMLElement, unknown>(el)
  let current: Transform = { k: 1, x: 0, y: 0 }
  const behaviour: ZoomBehavior<HTMLElement, unknown> = zoom<HTMLElement, unknown>()
    .scaleExtent([MIN_ZOOM, MAX_ZOOM])
    .clickDistance(4)
    .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
      const { k, x, y } = event.transform
      current = { k, x, y }
      onTransform(current)
    })
  selection.call(behaviour).on('dblclick.zoom', null)
  return {
    transform: () => current,
    setTransform(t) {
      selection.call(behaviour.transform, zoomIdentity.translate(t.x, t.y).scale(t.k))
    },
    scaleBy(factor, at) {
      if (at) selection.call(behaviour.scaleBy, factor, at)
      else selection.call(behaviour.scaleBy, factor)
    },
    destroy() {
      selection.on('.zoom', null)
    },
  }
}
