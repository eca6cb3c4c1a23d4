/**
 * `node scripts/check-import-worker.mjs`: builds a tiny page (scripts/import-worker-check/) that
 * opens GEXF, GraphML, CSV and a hostile GEXF through openFile, serves it, and runs it in Chromium:
 * proves the import worker bundles with `vite build` and works in a real module Web Worker, where
 * DOMParser does not exist. Exits non-zero when a file fails or the page reports an error.
 */
import { spawnSync } from 'node:child_process'
import { chromium } from 'playwright-core'
import { findChromium } from './chromium.mjs'
import { startServer } from './serve.mjs'

const build = spawnSync('npx', ['vite', 'build', '--config', 'scripts/import-worker-check/vite.config.ts'], {
  stdio: 'inherit',
})
if (build.status !== 0) process.exit(build.status ?? 1)

const { server, url } = await startServer({ mounts: [['/', 'node_modules/.cache/import-worker-check']] })
const browser = await chromium.launch({ executablePath: await findChromium() })
let failed
try {
  const page = await browser.newPage()
  const problems = []
  const workers = []
  page.on('pageerror', (e) => problems.push(e.message))
  page.on('console', (m) => m.type() === 'error' && !/favicon|404/.test(m.text()) && problems.push(m.text()))
  page.on('worker', (w) => {
    workers.push(w.url())
    w.on('console', (m) => m.type() === 'error' && problems.push(`worker: ${m.text()}`))
  })
  await page.goto(`${url}/`)
  await page.waitForFunction(() => document.getElementById('out')?.textContent !== 'pending', null, {
    timeout: 60_000,
  })
  const out = (await page.textContent('#out')) ?? ''
  console.log(out)
  console.log(`${workers.length} workers started`)
  const expected = ['a.gexf: ok 8/10', 'a.graphml: ok 8/10', 'r.csv: ok 8/10', 'l.gexf: error']
  failed = workers.length === 0 || problems.length > 0 || !expected.every((line) => out.includes(line))
  if (problems.length > 0) console.error(problems.join('\n'))
} finally {
  await browser.close()
  server.close()
}
console.log(failed ? 'import worker check FAILED' : 'import worker check passed')
process.exit(failed ? 1 : 0)
