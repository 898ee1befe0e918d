import { setTimeout as sleep } from 'node:timers/promises'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listenDemoBackend } from '../listenDemoBackend'
import { serveBuiltApp } from './appProcess'
import { openBrowser } from './browser'
import { signInThroughForm } from './signInThroughForm'

const IDLE_SECONDS = 12
const ACCESS_TOKEN_SECONDS = 3
const browser = openBrowser()

const signedIn = (page: Page) => page.getByTestId('signed-in-as')

describe(`an idle timeout of ${IDLE_SECONDS} s in Chromium, with ${ACCESS_TOKEN_SECONDS}-second access tokens refreshed in the background`, () => {
  let backend: Awaited<ReturnType<typeof listenDemoBackend>>
  let app: Awaited<ReturnType<typeof serveBuiltApp>>

  beforeAll(async () => {
    backend = await listenDemoBackend({ accessTokenTtl: ACCESS_TOKEN_SECONDS, refreshTokenTtl: 3_600 })
    app = await serveBuiltApp(backend.url, { env: { AUTH_IDLE_TIMEOUT: String(IDLE_SECONDS) } })
  })
  afterAll(async () => {
    app?.stop()
    await backend?.stop()
  })

  /** A person of their own (a browser context: own cookies), signed in on the dashboard. */
  const signedInPerson = async () => {
    const context = await browser.newContext({ baseURL: app.baseURL })
    const page = await context.newPage()
    await page.goto('/sign-in')
    await signInThroughForm(page, 'demo@example.com', 'demo-password')
    await page.waitForURL('**/dashboard')
    await signedIn(page).waitFor()
    return page
  }

  it('signs out the person who leaves the tab alone, at the idle timeout, and keeps the one who uses it', async () => {
    const [away, working] = await Promise.all([signedInPerson(), signedInPerson()])
    const refreshesBefore = backend.demo.stats.refreshes
    const startedAt = Date.now()
    // The person at work presses a key now and then; the one away does nothing.
    while (Date.now() - startedAt < (IDLE_SECONDS + 6) * 1_000) {
      await working.keyboard.press('Shift')
      await sleep(2_000)
    }
    // Both tabs refreshed in the background all along.
    expect(backend.demo.stats.refreshes - refreshesBefore).toBeGreaterThanOrEqual((2 * IDLE_SECONDS) / ACCESS_TOKEN_SECONDS)
    await away.waitForURL(/\/sign-in/)
    expect(await signedIn(away).count()).toBe(0)
    expect(await (await away.request.get('/api/auth/session')).json()).toEqual({ user: null })
    expect(await signedIn(working).isVisible()).toBe(true)
    expect((await (await working.request.get('/api/auth/session')).json()).user).toMatchObject({ email: 'demo@example.com' })
  }, 60_000)
})
