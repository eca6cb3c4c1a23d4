/**
 * `npm run test:browser`: finds a Chromium (or fails at once saying how to get one), builds the
 * app, then runs the Playwright journeys against the built dist/.
 */
import { spawnSync } from 'node:child_process'
import { findChromium } from './chromium.mjs'

let chromium
try {
  chromium = await findChromium()
} catch (e) {
  console.error(`\nBrowser tests cannot run.\n${e.message}\n`)
  process.exit(1)
}
console.log(`Browser tests use ${chromium}`)
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
run('npx', ['vite', 'build', '--logLevel', 'warn'])
run('npx', ['playwright', 'test', ...process.argv.slice(2)])
