/**
 * A recording stand-in for the part of CanvasRenderingContext2D the renderer and the legend use,
 * writing SVG instead of pixels. The SVG export runs the very same drawing code as the screen, so
 * the file shows exactly what the user saw (edges, shapes, pins, the labels that were placed).
 */

type Cmd = string

const num = (v: number) => (Math.round(v * 100) / 100).toString()

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  )
}

export interface SvgContext {
  /** The context, typed as a canvas context for the code that draws into it. */
  readonly ctx: CanvasRenderingContext2D
  /** The finished document. */
  toString(): string
}

export function createSvgContext(
  width: number,
  height: number,
  measure: (font: string, text: string) => number,
): SvgContext {
  const out: string[] = []
  let path: Cmd[] = []
  // Only scale and translation are used (the device pixel ratio); that is all this supports.
  let sx = 1
  let sy = 1
  let tx = 0
  let ty = 0
  let dash: number[] = []
  const X = (x: number) => num(x * sx + tx)
  const Y = (y: number) => num(y * sy + ty)
  const state = {
    fillStyle: '#000' as string,
    strokeStyle: '#000' as string,
    lineWidth: 1,
    globalAlpha: 1,
    font: '10px sans-serif',
    textAlign: 'start' as CanvasTextAlign,
    textBaseline: 'alphabetic' as CanvasTextBaseline,
    lineJoin: 'miter' as CanvasLineJoin,
    lineCap: 'butt' as CanvasLineCap,
  }
  const alpha = () => (state.globalAlpha < 1 ? ` opacity="${num(state.globalAlpha)}"` : '')
  const strokeAttrs = () =>
    `fill="none" stroke="${escapeXml(state.strokeStyle)}" stroke-width="${num(state.lineWidth * sx)}"` +
    (dash.length > 0 ? ` stroke-dasharray="${dash.map((d) => num(d * sx)).join(' ')}"` : '') +
    (state.lineJoin !== 'miter' ? ` stroke-linejoin="${state.lineJoin}"` : '') +
    (state.lineCap !== 'butt' ? ` stroke-linecap="${state.lineCap}"` : '') +
    alpha()
  const fontAttrs = () => {
    // "600 12px system-ui, …" → weight, size, family
    const m = /^\s*(?:(\d{3}|bold|normal)\s+)?([\d.]+)px\s+(.*)$/.exec(state.font)
    const weight = m?.[1] ?? 'normal'
    const size = Number(m?.[2] ?? 10) * sx
    const family = m?.[3] ?? 'sans-serif'
    return `font-family="${escapeXml(family)}" font-size="${num(size)}"${weight !== 'normal' ? ` font-weight="${weight}"` : ''}`
  }
  const anchor = () =>
    state.textAlign === 'center'
      ? ' text-anchor="middle"'
      : state.textAlign === 'right' || state.textAlign === 'end'
        ? ' text-anchor="end"'
        : ''
  const baseline = () =>
    state.textBaseline === 'top'
      ? ' dominant-baseline="text-before-edge"'
      : state.textBaseline === 'middle'
        ? ' dominant-baseline="central"'
        : ''

  const api = {
    ...state,
    beginPath() {
      path = []
    },
    moveTo(x: number, y: number) {
      path.push(`M${X(x)} ${Y(y)}`)
    },
    lineTo(x: number, y: number) {
      path.push(`L${X(x)} ${Y(y)}`)
    },
    quadraticCurveTo(cx: number, cy: number, x: number, y: number) {
      path.push(`Q${X(cx)} ${Y(cy)} ${X(x)} ${Y(y)}`)
    },
    rect(x: number, y: number, w: number, h: number) {
      path.push(`M${X(x)} ${Y(y)}h${num(w * sx)}v${num(h * sy)}h${num(-w * sx)}Z`)
    },
    arc(cx: number, cy: number, r: number, a0: number, a1: number) {
      const R = r * sx
      const full = Math.abs(a1 - a0) >= Math.PI * 2 - 1e-6
      const px = (a: number) => X(cx + r * Math.cos(a))
      const py = (a: number) => Y(cy + r * Math.sin(a))
      path.push(`${path.length === 0 ? 'M' : 'L'}${px(a0)} ${py(a0)}`)
      if (full) {
        path.push(`A${num(R)} ${num(R)} 0 1 1 ${px(a0 + Math.PI)} ${py(a0 + Math.PI)}`)
        path.push(`A${num(R)} ${num(R)} 0 1 1 ${px(a0)} ${py(a0)}`)
      } else {
        const large = Math.abs(a1 - a0) > Math.PI ? 1 : 0
        path.push(`A${num(R)} ${num(R)} 0 ${large} 1 ${px(a1)} ${py(a1)}`)
      }
    },
    closePath() {
      path.push('Z')
    },
    stroke() {
      if (path.length > 0) out.push(`<path d="${path.join('')}" ${strokeAttrs()}/>`)
    },
    fill() {
      if (path.length > 0)
        out.push(`<path d="${path.join('')}" fill="${escapeXml(state.fillStyle)}"${alpha()}/>`)
    },
    fillRect(x: number, y: number, w: number, h: number) {
      out.push(
        `<rect x="${X(x)}" y="${Y(y)}" width="${num(w * sx)}" height="${num(h * sy)}" fill="${escapeXml(state.fillStyle)}"${alpha()}/>`,
      )
    },
    setLineDash(d: number[]) {
      dash = [...d]
    },
    getLineDash() {
      return [...dash]
    },
    setTransform(a: number, _b: number, _c: number, d: number, e: number, f: number) {
      sx = a
      sy = d
      tx = e
      ty = f
    },
    save() {},
    restore() {},
    measureText(text: string) {
      return { width: measure(state.font, text) } as TextMetrics
    },
    fillText(text: string, x: number, y: number) {
      out.push(
        `<text x="${X(x)}" y="${Y(y)}" ${fontAttrs()}${anchor()}${baseline()} fill="${escapeXml(state.fillStyle)}"${alpha()}>${escapeXml(text)}</text>`,
      )
    },
    strokeText(text: string, x: number, y: number) {
      out.push(
        `<text x="${X(x)}" y="${Y(y)}" ${fontAttrs()}${anchor()}${baseline()} fill="none" stroke="${escapeXml(state.strokeStyle)}" stroke-width="${num(state.lineWidth * sx)}" stroke-linejoin="round"${alpha()}>${escapeXml(text)}</text>`,
      )
    },
    clearRect() {},
    /** Bitmaps the renderer composites (the layer of tiny nodes in very large scenes) become <image>s. */
    drawImage(src: CanvasImageSource, ...a: number[]) {
      if (typeof document === 'undefined' || !(src instanceof HTMLCanvasElement)) return
      const [sx0, sy0, sw, sh, dx, dy, dw, dh] =
        a.length >= 8
          ? a
          : [0, 0, src.width, src.height, a[0] ?? 0, a[1] ?? 0, a[2] ?? src.width, a[3] ?? src.height]
      if (!(sw! > 0 && sh! > 0)) return
      const crop = document.createElement('canvas')
      crop.width = sw!
      crop.height = sh!
      crop.getContext('2d')?.drawImage(src, sx0!, sy0!, sw!, sh!, 0, 0, sw!, sh!)
      out.push(
        `<image x="${X(dx!)}" y="${Y(dy!)}" width="${num(dw! * sx)}" height="${num(dh! * sy)}"${alpha()} href="${crop.toDataURL('image/png')}"/>`,
      )
    },
  }
  // Style properties are plain fields on `api`; read them through `state` when writing.
  const ctx = new Proxy(api, {
    get(target, key) {
      if (key in state) return state[key as keyof typeof state]
      return (target as Record<string | symbol, unknown>)[key]
    },
    set(_target, key, value) {
      if (key in state) (state as Record<string, unknown>)[key as string] = value
      return true
    },
  })
  return {
    ctx: ctx as unknown as CanvasRenderingContext2D,
    toString() {
      return (
        `<?xml version="1.0" encoding="UTF-8"?>\n` +
        `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}">\n` +
        out.join('\n') +
        `\n</svg>\n`
      )
    },
  }
}
