import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS } from './test/chromium.ts'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
const shots = process.argv.slice(2)
for (const target of shots) {
  const [path, name] = target.split('|')
  await page.goto(`http://127.0.0.1:6146/${path}`)
  await page.waitForTimeout(Number(process.env.WAIT ?? 4000))
  await page.screenshot({ path: `/tmp/ui-shot-${name}.png`, fullPage: true })
}
await browser.close()
