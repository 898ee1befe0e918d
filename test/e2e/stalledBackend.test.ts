import { setTimeout as sleep } from 'node:timers/promises'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoBackendProcess } from '../backends/startDemoBackendProcess'
import { serveBuiltApp } from './appProcess'
import { openBrowser } from './browser'
import { signInThroughForm } from './signInThroughForm'

const ACCESS_TOKEN_SECONDS = 3
const STALL_SECONDS = 20
const browser = openBrowser()

const signedIn = (page: Page) => page.getByTestId('signed-in-as')
const reconnecting = (page: Page) => page.getByRole('status').filter({ hasText: 'Reconnecting' })

/**
 * The demo backend stopped (SIGSTOP) for longer than the example's 10 s `timeoutMs`: it accepts
 * connections and queues what it is sent, then answers it all when resumed. Its refresh tokens
 * rotate and a reused one revokes the whole family, so one refresh token sent twice signs out.
 */
describe(`a backend that stalls for ${STALL_SECONDS} seconds, with a ${ACCESS_TOKEN_SECONDS}-second access token`, () => {
  let backend: Awaited<ReturnType<typeof startDemoBackendProcess>>
  let app: Awaited<ReturnType<typeof serveBuiltApp>>
  let context: BrowserContext
  const authAnswers: string[] = []

  beforeAll(async () => {
    backend = await startDemoBackendProcess({ accessTokenTtl: ACCESS_TOKEN_SECONDS })
    app = await serveBuiltApp(backend.url)
    context = await browser.newContext({ baseURL: app.baseURL })
    context.on('response', (response) => {
      const { pathname } = new URL(response.url())
      if (pathname.startsWith('/api/auth/')) authAnswers.push(`${response.status()} ${pathname}`)
    })
  })
  afterAll(async () => {
    app?.stop()
    await backend?.stop()
  })

  it('says it is reconnecting in every tab, signs nobody out, and carries on with the tokens the backend issued late', async () => {
    const first = await context.newPage()
    await first.goto('/sign-in')
    await signInThroughForm(first, 'demo@example.com', 'demo-password')
    await first.waitForURL('**/dashboard')
    const second = await context.newPage()
    await second.goto('/dashboard')
    const tabs = [first, second]
    for (const tab of tabs) await signedIn(tab).waitFor()

    const pausedAt = Date.now()
    backend.pause()
    try {
      for (const tab of tabs) await reconnecting(tab).waitFor({ timeout: STALL_SECONDS * 1_000 })
      await sleep(pausedAt + STALL_SECONDS * 1_000 - Date.now())
      for (const tab of tabs) expect(await signedIn(tab).isVisible()).toBe(true)
    } finally {
      backend.resume()
    }
    for (const tab of tabs) await reconnecting(tab).waitFor({ state: 'detached', timeout: 15_000 })
    console.log(
      `backend stalled ${STALL_SECONDS} s: recovered ${((Date.now() - pausedAt) / 1000 - STALL_SECONDS).toFixed(1)} s after it answered again`,
    )
    // Two more token lifetimes: the family the late answer continued is intact.
    await sleep(2 * ACCESS_TOKEN_SECONDS * 1_000)
    for (const tab of tabs) expect(await signedIn(tab).isVisible()).toBe(true)
    expect(authAnswers.filter((answer) => answer.startsWith('401'))).toEqual([])
    expect(authAnswers.filter((answer) => answer.startsWith('504')).length).toBeGreaterThan(0)
  }, 90_000)
})
