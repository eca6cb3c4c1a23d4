/*
 * Injected into every benchmarked page before its own scripts (Playwright addInitScript).
 * - Long tasks: a buffered PerformanceObserver('longtask') keeps [startTime, duration] of every
 *   main-thread task over 50 ms.
 * - Frames: between start() and stop(), a requestAnimationFrame loop records each frame's
 *   timestamp, and optionally counts the frames in which the page's layout reports running.
 * - marks: [t0, t1] spans in which the harness itself ran heavy code in the page (reading every
 *   node position); long tasks overlapping them are not counted against the page.
 */
;(() => {
  const longTasks = []
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration])
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // no Long Tasks API: longest block is reported as unknown
  }
  let rec = null
  const loop = (ts) => {
    if (rec === null) return
    rec.t.push(ts)
    if (rec.sample) {
      try {
        if (window.__bench?.running()) rec.running++
      } catch {
        // hook not ready
      }
    }
    requestAnimationFrame(loop)
  }
  window.__benchRec = {
    longTasks,
    marks: [],
    start(sampleRunning) {
      rec = { t: [], running: 0, sample: !!sampleRunning }
      requestAnimationFrame(loop)
    },
    stop() {
      const r = rec
      rec = null
      return r === null ? { t: [], running: 0 } : { t: r.t, running: r.running }
    },
  }
})()
