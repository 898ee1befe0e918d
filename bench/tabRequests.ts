import { setTimeout as sleep } from 'node:timers/promises'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath } from '../test/chromium'
import { serveBuiltApp } from '../test/e2e/appProcess'
import { signInThroughForm } from '../test/e2e/signInThroughForm'
import { listenDemoBackend } from '../test/listenDemoBackend'
import { DEMO } from './signInGatehouse'

/**
 * Signed-in tabs of the built example app left open in one Chromium profile: every request they
 * send to `/api/auth/*` in `seconds`, and the refreshes the backend sees meanwhile.
 */
export async function measureTabRequests({
  tabs,
  seconds,
  accessTokenSeconds,
}: {
  tabs: number
  seconds: number
  accessTokenSeconds: number
}) {
  const backend = await listenDemoBackend({ accessTokenTtl: accessTokenSeconds, refreshTokenTtl: 3_600 })
  const app = await serveBuiltApp(backend.url)
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true })
  try {
    const context = await browser.newContext({ baseURL: app.baseURL })
    const first = await context.newPage()
    await first.goto('/sign-in')
    await signInThroughForm(first, DEMO.email, DEMO.password)
    await first.waitForURL('**/dashboard')
    const pages = [first, ...(await Promise.all(Array.from({ length: tabs - 1 }, () => context.newPage())))]
    await Promise.all(pages.slice(1).map((page) => page.goto('/dashboard')))
    for (const page of pages) await page.getByTestId('signed-in-as').waitFor()
    let requests = 0
    context.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/auth/')) requests++
    })
    const before = backend.demo.stats.refreshes
    await sleep(seconds * 1_000)
    const backendRefreshes = backend.demo.stats.refreshes - before
    let signedIn = 0
    for (const page of pages) if (await page.getByTestId('signed-in-as').isVisible()) signedIn++
    return { tabs, seconds, accessTokenSeconds, requests, backendRefreshes, signedIn }
  } finally {
    await browser.close()
    app.stop()
    await backend.stop()
  }
}
