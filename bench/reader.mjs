/**
 * `npm run bench:reader`: how long the reader takes to open a 1 MB source text (issue 20, target
 * 300 ms). The bundled network with one source's text made 1 MB long (the article repeated; its
 * quotations still anchored at the start, so the text carries marks), served from the built app;
 * from the click on "Read" to the frame after the reader's last paragraph is in the document.
 * A measurement, not a test: it prints the runs and writes bench/results/reader.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { findChromium, freshProfileDir, launchArgs } from '../scripts/chromium.mjs'
import { startServer } from '../scripts/serve.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const RUNS = Number(process.env.BENCH_READER_RUNS ?? 7)
const doc = JSON.parse(readFileSync(join(ROOT, 'data/iran-azerbaijan.json'), 'utf8'))
const source = doc.sources[0]
let text = source.text
while (text.length < 1_000_000) text += '\n\n' + source.text
source.text = text.slice(0, 1_000_000)
const { server, url: base } = await startServer({ mounts: [['/', join(ROOT, 'dist')]] })
const context = await chromium.launchPersistentContext(freshProfileDir(), {
  executablePath: await findChromium(),
  headless: true,
  args: launchArgs(),
  viewport: { width: 1280, height: 800 },
})
const page = context.pages()[0] ?? (await context.newPage())
await page.route('**/long-source.json', (r) =>
  r.fulfill({ contentType: 'application/json', body: JSON.stringify(doc) }),
)
await page.goto(`${base}/?graph=long-source.json`)
await page.waitForFunction(() => (window.__explorer?.nodes().length ?? 0) > 0)
await page.getByRole('button', { name: 'Sources', exact: true }).click()
const times = []
for (let i = 0; i < RUNS; i++) {
  const ms = await page.evaluate(async (title) => {
    const button = document.querySelector(`button[aria-label="Read ${CSS.escape(title)}"]`)
    const t0 = performance.now()
    button.click()
    await new Promise((ok) => {
      const check = () =>
        document.querySelectorAll('.reader-text p').length > 1000 ? ok() : requestAnimationFrame(check)
      check()
    })
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)))
    return performance.now() - t0
  }, source.title)
  times.push(Math.round(ms))
  await page.getByRole('button', { name: 'Close source', exact: true }).click()
}
await context.close()
server.close()
const sorted = [...times].sort((a, b) => a - b)
const median = sorted[Math.floor(sorted.length / 2)]
const result = { characters: source.text.length, runs: times, median, target: 300, cpus: cpus().length }
mkdirSync(join(ROOT, 'bench/results'), { recursive: true })
writeFileSync(join(ROOT, 'bench/results/reader.json'), JSON.stringify(result, null, 2) + '\n')
console.log(
  `reader, 1 MB text (${source.text.length.toLocaleString('en')} characters): runs ${times.join(', ')} ms; median ${median} ms (target 300 ms)`,
)
