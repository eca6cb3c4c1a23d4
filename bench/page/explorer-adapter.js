/*
 * The benchmark hook for Alliance Explorer itself, injected before the app's scripts. It gives the
 * app the same `window.__bench` shape as the peer pages, by reading `window.__explorer` and by
 * operating the app's real controls: the type checkbox is clicked, the "From year" slider gets
 * arrow-key keydown events, "Pause layout"/"Resume layout" are clicked. It never calls app code.
 *
 * First frame: the first stroke() on the graph canvas (the renderer strokes the edges of the
 * first graph frame), then the end of that frame's main-thread work.
 *
 * Actor i is the actor with id `a${i}` (the id scheme of bench/generate.mjs).
 */
;(() => {
  const afterFrame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel()
        ch.port1.onmessage = () => resolve()
        ch.port2.postMessage(0)
      }),
    )
  const endOfTask = () =>
    new Promise((resolve) => {
      const ch = new MessageChannel()
      ch.port1.onmessage = () => resolve()
      ch.port2.postMessage(0)
    })

  let resolveFirst
  const firstFrame = new Promise((r) => (resolveFirst = r))
  let seen = false
  const stroke = CanvasRenderingContext2D.prototype.stroke
  CanvasRenderingContext2D.prototype.stroke = function (...args) {
    if (!seen && this.canvas?.classList?.contains('graph-canvas')) {
      seen = true
      // Drawing happens inside the app's animation frame: the next task runs after that frame.
      endOfTask().then(() => resolveFirst(performance.now()))
    }
    return stroke.apply(this, args)
  }

  // The status line ("N actors · M relations …") painted: its text is in the DOM, then a frame.
  let resolveStatus
  const statusPainted = new Promise((r) => (resolveStatus = r))
  const statusWatch = new MutationObserver(() => {
    const el = document.querySelector('p.status[role=status]')
    if (el === null || (el.textContent ?? '').trim() === '') return
    statusWatch.disconnect()
    afterFrame().then(() => resolveStatus(performance.now()))
  })
  statusWatch.observe(document, { childList: true, subtree: true, characterData: true })

  /** Resolves after the frame in which `ok()` first holds (checked every frame, for at most 30 s). */
  const until = async (ok, what) => {
    const t0 = performance.now()
    while (!ok()) {
      if (performance.now() - t0 > 30000) throw new Error(`timed out waiting for ${what}`)
      await afterFrame()
    }
  }

  const hook = () => {
    const h = window.__explorer
    if (h === undefined) throw new Error('window.__explorer is not there')
    return h
  }
  const button = (text) =>
    [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)
  const typeCheckbox = (id) => {
    for (const label of document.querySelectorAll('label.check')) {
      const name = label.querySelector('.check-label')?.textContent?.trim().toLowerCase()
      if (name === id.toLowerCase()) return label.querySelector('input[type=checkbox]')
    }
    throw new Error(`no checkbox for relation type ${id}`)
  }
  const fromSlider = () => {
    const el = document.querySelector('[role=slider][aria-label="From year"]')
    if (el === null) throw new Error('no "From year" slider')
    return el
  }
  const nodeMap = () =>
    new Map(
      hook()
        .nodes()
        .map((n) => [n.id, n]),
    )

  window.__bench = {
    firstFrame,
    statusPainted,
    ticks: () => hook().layout().ticks,
    running: () => hook().layout().running,
    stopLayout() {
      button('Pause layout')?.click()
    },
    startLayout() {
      button('Resume layout')?.click()
    },
    nodeScreen(i) {
      const n = nodeMap().get(`a${i}`)
      return n === undefined ? null : { x: n.x, y: n.y }
    },
    /** All shown nodes' positions at once (the generic path would call nodes() once per actor). */
    allScreens() {
      return hook()
        .nodes()
        .map((n) => [n.x, n.y])
    },
    toggleType(id) {
      typeCheckbox(id).click()
      return afterFrame()
    },
    setYearFrom(year) {
      const el = fromSlider()
      const now = Number(el.getAttribute('aria-valuenow'))
      const key = year > now ? 'ArrowRight' : 'ArrowLeft'
      for (let k = 0; k < Math.abs(year - now); k++) {
        el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
      }
      return afterFrame()
    },
    /**
     * Types `text` into "Search actors" one character at a time, the way a keystroke arrives (the
     * input's value set, then an input event), and times each until the frame after the listbox
     * was updated. Returns the milliseconds per keystroke; the box is emptied afterwards.
     */
    async searchKeystrokes(text) {
      const input = document.querySelector('input[role=combobox][aria-controls]')
      if (input === null) throw new Error('no "Search actors" box')
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
      input.focus()
      const times = []
      for (let i = 1; i <= text.length; i++) {
        const t0 = performance.now()
        setValue.call(input, text.slice(0, i))
        input.dispatchEvent(new Event('input', { bubbles: true }))
        await afterFrame()
        times.push(performance.now() - t0)
      }
      setValue.call(input, '')
      input.dispatchEvent(new Event('input', { bubbles: true }))
      input.blur()
      await afterFrame()
      return times
    },
    /** Times `window.__explorer.path(a, b)` (shortest paths and the best-evidenced one) per pair. */
    paths(pairs) {
      const start = performance.now()
      const out = pairs.map(([a, b]) => {
        const t0 = performance.now()
        const answer = hook().path(`a${a}`, `a${b}`)
        return { ms: performance.now() - t0, found: answer !== null }
      })
      // Called by the harness, not by a user: not one of the app's own main-thread blocks.
      window.__benchRec?.marks.push([start, performance.now()])
      return out
    },
    /** Edit mode on, the first actor of the Actors list chosen, then its first relation (not timed). */
    async prepareEdit() {
      const toggle = button('Edit')
      if (toggle?.getAttribute('aria-pressed') !== 'true') toggle?.click()
      // Edit mode loads on first use (its module and the document): wait until it is on.
      await until(() => button('Edit')?.getAttribute('aria-pressed') === 'true', 'Edit mode on')
      const actor = document.querySelector('nav.actors li button, nav.actors button')
      if (actor === null) throw new Error('no actor in the Actors list')
      actor.click()
      await afterFrame()
      const rel = button('(this relation)')
      if (rel === undefined) throw new Error('the chosen actor shows no relation')
      rel.click()
      await until(
        () => [...document.querySelectorAll('.details label')].some((l) => l.textContent === 'Stance'),
        'the relation editor',
      )
    },
    /** Sets the selected relation's "Stance" in the details, as a user's choice does; resolves after the painted frame. */
    editStance(stance) {
      const label = [...document.querySelectorAll('.details label')].find((l) => l.textContent === 'Stance')
      const select = label && document.getElementById(label.htmlFor)
      if (!select) throw new Error('no "Stance" field in the details')
      const set = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set
      set.call(select, stance)
      select.dispatchEvent(new Event('change', { bubbles: true }))
      return afterFrame()
    },
    info: () => ({ renderer: 'canvas 2d (Alliance Explorer)' }),
  }
})()
