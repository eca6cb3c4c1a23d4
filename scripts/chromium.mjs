/**
 * Finds a Chromium for the browser tests and benchmarks, in this order: $CHROMIUM_PATH, Debian's
 * /usr/bin/chromium, other usual Chromium and Chrome locations, then the optional npm package
 * @sparticuz/chromium (a headless build inside the package, Linux only). Fails with instructions
 * when none is found; it never lets the browser tests skip silently.
 */
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
]

export const HOW_TO_GET_ONE = `No Chromium or Chrome was found for the browser tests.
Install one, or point CHROMIUM_PATH at it:
  Debian/Ubuntu:  sudo apt-get install -y chromium      (Ubuntu: chromium-browser or Google Chrome)
  macOS:          brew install --cask chromium           (or install Google Chrome)
  Windows:        install Google Chrome, or set CHROMIUM_PATH to chrome.exe
  Any Linux x64/arm64 without root:  npm install --no-save @sparticuz/chromium
Then run: CHROMIUM_PATH=/path/to/chromium npm test`

export async function findChromium() {
  const env = process.env.CHROMIUM_PATH
  if (env) {
    if (!existsSync(env))
      throw new Error(`CHROMIUM_PATH is set to "${env}", but there is no file there.\n\n${HOW_TO_GET_ONE}`)
    return env
  }
  for (const c of CANDIDATES) if (existsSync(c)) return c
  try {
    const mod = await import('@sparticuz/chromium')
    const path = await mod.default.executablePath()
    if (path && existsSync(path)) return path
  } catch {
    // not installed: fall through to the explanation
  }
  throw new Error(HOW_TO_GET_ONE)
}

/** Our own launch flags (never @sparticuz/chromium's args, which turn web security off). */
export function launchArgs() {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ]
}

export function freshProfileDir() {
  return mkdtempSync(join(tmpdir(), 'alliance-explorer-chromium-'))
}
