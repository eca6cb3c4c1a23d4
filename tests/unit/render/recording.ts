/** A recording stand-in for a 2D context: every call and every property set, in order. */
export interface Call {
  readonly op: string
  readonly args: readonly unknown[]
}

export function recordingContext(measure = (s: string) => s.length * 7): {
  ctx: CanvasRenderingContext2D
  calls: Call[]
} {
  const calls: Call[] = []
  const props: Record<string, unknown> = {}
  const ctx = new Proxy(props, {
    get(t, key) {
      if (typeof key !== 'string') return undefined
      if (key in t) return t[key]
      if (key === 'measureText') return (s: string) => ({ width: measure(s) })
      return (...args: unknown[]) => {
        calls.push({ op: key, args })
      }
    },
    set(t, key, value) {
      if (typeof key === 'string') {
        t[key] = value
        calls.push({ op: `=${key}`, args: [value] })
      }
      return true
    },
  }) as unknown as CanvasRenderingContext2D
  return { ctx, calls }
}
