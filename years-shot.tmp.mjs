import { chromium } from '@playwright/test'
const [, , width, scheme, out, drawer] = process.argv
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(process.env.H ?? 760) }, colorScheme: scheme, hasTouch: true, isMobile: false })
await page.goto('http://127.0.0.1:4406/')
await page.waitForTimeout(2500)
if (drawer) { await page.getByRole('button', { name: drawer }).click(); await page.waitForTimeout(400) }
const m = await page.evaluate(() => {
  const de = document.documentElement
  const wide = [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect(); return r.right > de.clientWidth + 0.5 && r.width > 0 && getComputedStyle(e).visibility !== 'hidden' }).slice(0, 15).map(e => `${e.tagName}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`)
  const c = document.querySelector('canvas').getBoundingClientRect()
  return { scrollWidth: de.scrollWidth, clientWidth: de.clientWidth, canvas: [Math.round(c.width), Math.round(c.height)], wide }
})
console.log(JSON.stringify(m, null, 1))
await page.screenshot({ path: out })
await browser.close()
