import { chromium } from '@playwright/test'
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' })
const p = await b.newPage({ viewport: { width: 320, height: 568 } })
await p.goto('http://127.0.0.1:4399/')
await p.waitForFunction(() => window.__explorer?.graph)
await p.waitForTimeout(800)
await p.screenshot({ path: '/tmp/narrow.png' })
await b.close()
