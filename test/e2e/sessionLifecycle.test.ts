import { setTimeout as sleep } from 'node:timers/promises'
import type { BrowserContext, Page, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listenDemoBackend } from '../listenDemoBackend'
import { serveBuiltApp } from './appProcess'
import { openBrowser } from './browser'
import { signInThroughForm } from './signInThroughForm'

const ACCESS_TOKEN_SECONDS = 3
const WINDOW_SECONDS = 30
const browser = openBrowser()

const signedIn = (page: Page) => page.getByTestId('signed-in-as')
const reconnecting = (page: Page) => page.getByRole('status').filter({ hasText: 'Reconnecting' })
const signInLink = (page: Page) => page.getByRole('link', { name: 'Sign in', exact: true })

describe(`the session lifecycle across three tabs, with a ${ACCESS_TOKEN_SECONDS}-second access token`, () => {
  let backend: Awaited<ReturnType<typeof listenDemoBackend>>
  let app: Awaited<ReturnType<typeof serveBuiltApp>>
  let context: BrowserContext
  let tabs: Page[]
  const refreshAnswers: number[] = []

  beforeAll(async () => {
    backend = await listenDemoBackend({ accessTokenTtl: ACCESS_TOKEN_SECONDS, refreshTokenTtl: 3_600 })
    app = await serveBuiltApp(backend.url)
    context = await browser.newContext({ baseURL: app.baseURL })
    context.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/auth/refresh') refreshAnswers.push(response.status())
    })
  })
  afterAll(async () => {
    app?.stop()
    await backend?.stop()
  })

  const openSignedInTabs = async () => {
    const first = await context.newPage()
    await first.goto('/sign-in')
    await signInThroughForm(first, 'demo@example.com', 'demo-password')
    await first.waitForURL('**/dashboard')
    const others = await Promise.all([context.newPage(), context.newPage()])
    await Promise.all(others.map((tab) => tab.goto('/dashboard')))
    tabs = [first, ...others]
    for (const tab of tabs) await signedIn(tab).waitFor()
  }

  it('sends at most one request per token lifetime from all three tabs together, for 30 seconds, and signs nobody out', async () => {
    await openSignedInTabs()
    const authRequests: string[] = []
    const countAuthRequest = (request: Request) => {
      const { pathname } = new URL(request.url())
      if (pathname.startsWith('/api/auth/')) authRequests.push(pathname)
    }
    context.on('request', countAuthRequest)
    const before = backend.demo.stats.refreshes
    const answersBefore = refreshAnswers.length
    await sleep(WINDOW_SECONDS * 1_000)
    context.off('request', countAuthRequest)
    const refreshes = backend.demo.stats.refreshes - before
    const lifetimes = WINDOW_SECONDS / ACCESS_TOKEN_SECONDS
    console.log(
      `three tabs, ${WINDOW_SECONDS} s: ${authRequests.length} requests to /api/auth/* (${authRequests.filter((path) => path !== '/api/auth/refresh').length} not refreshes), ${refreshes} backend refreshes, for ${lifetimes} token lifetimes`,
    )
    // A refresh comes a fifth of the lifetime early, so a lifetime lasts 2.4 s of the window: at most 13 fit in 30 s.
    expect(authRequests.length).toBeLessThanOrEqual(13)
    expect(refreshes).toBeLessThanOrEqual(13)
    expect(refreshes).toBeGreaterThanOrEqual(lifetimes)
    expect(refreshAnswers.slice(answersBefore).filter((status) => status !== 200)).toEqual([])
    for (const tab of tabs) expect(await signedIn(tab).isVisible()).toBe(true)
  }, 90_000)

  it('says it is reconnecting while the backend is down for 20 seconds, signs nobody out, and recovers', async () => {
    await backend.stop()
    for (const tab of tabs) await reconnecting(tab).waitFor({ timeout: 10_000 })
    await sleep(20_000)
    for (const tab of tabs) expect(await signedIn(tab).isVisible()).toBe(true)
    const before = backend.demo.stats.refreshes
    const restartedAt = Date.now()
    await backend.restart()
    for (const tab of tabs) await reconnecting(tab).waitFor({ state: 'detached', timeout: 15_000 })
    console.log(`backend down 20 s: recovered ${((Date.now() - restartedAt) / 1000).toFixed(1)} s after it returned`)
    for (const tab of tabs) expect(await signedIn(tab).isVisible()).toBe(true)
    expect(backend.demo.stats.refreshes).toBeGreaterThan(before)
    expect(refreshAnswers.filter((status) => status === 401)).toEqual([])
  }, 90_000)

  it('signs every tab out, once, when the backend revokes the refresh token', async () => {
    const rejectedBefore = refreshAnswers.filter((status) => status === 401).length
    backend.demo.revokeAll()
    for (const tab of tabs) await signInLink(tab).waitFor({ timeout: 10_000 })
    await sleep(3_000)
    const rejected = refreshAnswers.filter((status) => status === 401).length - rejectedBefore
    console.log(`refresh token revoked: ${rejected} rejected refresh answer(s) for ${tabs.length} tabs`)
    expect(rejected).toBe(1)
    for (const tab of tabs) {
      expect(new URL(tab.url()).pathname).toBe('/sign-in')
      expect(await signedIn(tab).count()).toBe(0)
    }
  }, 60_000)

  it('takes a sign-out, and then a sign-in, in one tab to the others within a second', async () => {
    await Promise.all(tabs.map((tab) => tab.close()))
    await openSignedInTabs()
    const [first, ...others] = tabs as [Page, ...Page[]]
    // Timed from the moment the sign-out is done in the first tab: its sign-out answer has arrived.
    const signOutAnswered = first.waitForResponse((response) => new URL(response.url()).pathname === '/api/auth/sign-out')
    await first.getByRole('button', { name: 'Sign out' }).click()
    await signOutAnswered
    const signedOutAt = Date.now()
    await Promise.all(others.map((tab) => signInLink(tab).waitFor({ timeout: 5_000 })))
    const signOutMs = Date.now() - signedOutAt

    await first.waitForURL(/\/sign-in(\?.*)?$/)
    const signInAnswered = first.waitForResponse((response) => new URL(response.url()).pathname === '/api/auth/sign-in')
    await signInThroughForm(first, 'demo@example.com', 'demo-password')
    await signInAnswered
    const signedInAt = Date.now()
    await Promise.all(others.map((tab) => signedIn(tab).waitFor({ timeout: 5_000 })))
    const signInMs = Date.now() - signedInAt
    console.log(`after it happened in one tab, sign-out reached the other tabs in ${signOutMs} ms, sign-in in ${signInMs} ms`)
    expect(signOutMs).toBeLessThan(1_000)
    expect(signInMs).toBeLessThan(1_000)
  }, 60_000)
})
