/**
 * The line that follows the pointer while a tie is drawn in Edit mode: one SVG line over the
 * canvas, moved directly (no React, no redraw of the graph).
 */
const SVG = 'http://www.w3.org/2000/svg'

export function createConnector(canvas: HTMLCanvasElement) {
  let svg: SVGSVGElement | null = null
  let line: SVGLineElement | null = null
  const ensure = () => {
    if (svg !== null || canvas.parentElement === null) return
    svg = document.createElementNS(SVG, 'svg')
    svg.setAttribute('class', 'connector')
    svg.setAttribute('aria-hidden', 'true')
    line = document.createElementNS(SVG, 'line')
    svg.appendChild(line)
    canvas.parentElement.appendChild(svg)
  }
  return {
    show(l: { x1: number; y1: number; x2: number; y2: number } | null) {
      if (l === null) {
        if (svg !== null) svg.style.display = 'none'
        return
      }
      ensure()
      if (svg === null || line === null) return
      svg.style.display = ''
      line.setAttribute('x1', String(l.x1))
      line.setAttribute('y1', String(l.y1))
      line.setAttribute('x2', String(l.x2))
      line.setAttribute('y2', String(l.y2))
    },
    destroy() {
      svg?.remove()
      svg = null
    },
  }
}
