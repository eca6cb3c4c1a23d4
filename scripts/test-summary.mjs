/** Sums the vitest and Playwright JSON reports into one closing line: "N passed, N failed". */
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
let missing = []
const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null)

const vitest = read('test-results/vitest.json')
if (vitest) {
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
} else missing.push('unit and component tests (test-results/vitest.json)')

const pw = read('test-results/playwright.json')
if (pw) {
  passed += pw.stats.expected + (pw.stats.flaky ?? 0)
  failed += pw.stats.unexpected
} else missing.push('browser tests (test-results/playwright.json)')

for (const m of missing) console.log(`No report from the ${m}: counted as one failure.`)
failed += missing.length
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
