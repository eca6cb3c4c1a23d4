/**
 * The pixel layer: many tiny nodes written as discs straight into an ImageData, then composited
 * over the frame once. A path of thousands of subpaths costs far more to fill.
 */

/** "#rgb" / "#rrggbb" as one pixel of an ImageData viewed as Uint32 (little-endian: ABGR), opaque. */
export function packColor(hex: string): number {
  let h = hex.replace('#', '')
  if (h.length === 3) h = h.replace(/./g, (c) => c + c)
  const v = Number.parseInt(h.slice(0, 6), 16)
  if (Number.isNaN(v)) return 0xff000000
  const r = (v >> 16) & 255
  const g = (v >> 8) & 255
  const b = v & 255
  return (0xff000000 | (b << 16) | (g << 8) | r) >>> 0
}

/** A transparent layer of w × h device pixels and the rectangle written so far. */
export interface Pixels {
  readonly data: Uint32Array
  readonly w: number
  readonly h: number
  x0: number
  y0: number
  x1: number
  y1: number
}

/** Writes a disc of radius r (device px) centred on (cx, cy) in a packed colour. */
export function disc(p: Pixels, cx: number, cy: number, r: number, color: number): void {
  const { data, w, h } = p
  const yTop = Math.max(0, Math.round(cy - r))
  const yBottom = Math.min(h - 1, Math.round(cy + r) - 1)
  const left = Math.max(0, Math.round(cx - r))
  const right = Math.min(w - 1, Math.round(cx + r) - 1)
  if (yBottom < yTop || right < left) return
  const r2 = r * r
  for (let y = yTop; y <= yBottom; y++) {
    const dy = y + 0.5 - cy
    const half = Math.sqrt(Math.max(0, r2 - dy * dy))
    const xl = Math.max(left, Math.round(cx - half))
    const xr = Math.min(right, Math.round(cx + half) - 1)
    for (let i = y * w + xl, end = y * w + xr; i <= end; i++) data[i] = color
  }
  if (left < p.x0) p.x0 = left
  if (right > p.x1) p.x1 = right
  if (yTop < p.y0) p.y0 = yTop
  if (yBottom > p.y1) p.y1 = yBottom
}

export interface PixelLayer {
  /** A cleared layer of w × h device pixels (the buffers are kept between frames). */
  begin(w: number, h: number): Pixels
  /** Composites the touched rectangle over `ctx` (at its current alpha), then clears it. */
  end(ctx: CanvasRenderingContext2D, p: Pixels): void
}

export function createPixelLayer(): PixelLayer {
  let pixelCanvas: HTMLCanvasElement | null = null
  let pixelImage: ImageData | null = null
  return {
    begin(w, h) {
      if (pixelCanvas === null) pixelCanvas = document.createElement('canvas')
      if (pixelImage === null || pixelImage.width !== w || pixelImage.height !== h) {
        pixelCanvas.width = w
        pixelCanvas.height = h
        pixelImage = new ImageData(w, h)
      }
      return { data: new Uint32Array(pixelImage.data.buffer), w, h, x0: w, y0: h, x1: -1, y1: -1 }
    },
    end(ctx, p) {
      if (p.x1 < 0 || pixelCanvas === null || pixelImage === null) return
      const { data, w } = p
      const pw = p.x1 - p.x0 + 1
      const ph = p.y1 - p.y0 + 1
      pixelCanvas.getContext('2d')!.putImageData(pixelImage, 0, 0, p.x0, p.y0, pw, ph)
      ctx.save()
      ctx.setTransform(1, 0, 0, 1, 0, 0)
      ctx.drawImage(pixelCanvas, p.x0, p.y0, pw, ph, p.x0, p.y0, pw, ph)
      ctx.restore()
      for (let y = p.y0; y <= p.y1; y++) data.fill(0, y * w + p.x0, y * w + p.x1 + 1)
    },
  }
}
