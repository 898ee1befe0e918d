import { setTimeout as sleep } from 'node:timers/promises'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cookiesFrom } from '../authRequests'
import { HOSTILE_REDIRECTS } from '../hostileRedirects'
import { listenDemoBackend } from '../listenDemoBackend'
import { serveBuiltApp } from './appProcess'
import { openBrowser } from './browser'
import { signInThroughForm } from './signInThroughForm'

const ACCESS_TOKEN_SECONDS = 3
const browser = openBrowser()

/** The demo backend in this process, recording every token it hands out. */
async function startRecordingBackend() {
  const backend = await listenDemoBackend({ accessTokenTtl: ACCESS_TOKEN_SECONDS, refreshTokenTtl: 3_600 })
  const tokens = new Set<string>()
  // Runs before the backend's own handler, so every answer's end passes through here.
  backend.demo.server.prependListener('request', (_req, res) => {
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      const data =
        typeof chunk === 'string' && chunk.startsWith('{')
          ? (JSON.parse(chunk) as { data?: { token?: string; refresh_token?: string } }).data
          : undefined
      for (const token of [data?.token, data?.refresh_token]) if (token) tokens.add(token)
      return end(chunk, ...rest)
    }) as typeof res.end
  })
  return { ...backend, tokens }
}

/**
 * Every response the browser receives, headers and body, as one searchable text each: the test
 * fetches each request itself (redirects included, not followed) and hands the answer on.
 */
async function recordResponses(page: Page) {
  const texts: string[] = []
  await page.route('**/*', async (route) => {
    const response = await route.fetch({ maxRedirects: 0 })
    texts.push(`${route.request().url()}\n${JSON.stringify(response.headersArray())}\n${await response.text()}`)
    await route.fulfill({ response })
  })
  return texts
}

describe('security of the built example app', () => {
  let backend: Awaited<ReturnType<typeof startRecordingBackend>>
  let app: Awaited<ReturnType<typeof serveBuiltApp>>

  beforeAll(async () => {
    backend = await startRecordingBackend()
    app = await serveBuiltApp(backend.url)
  })
  afterAll(async () => {
    app?.stop()
    await backend?.stop()
  })

  const newPage = (options = {}) => browser.newPage({ baseURL: app.baseURL, ...options })

  it('no response the browser gets carries a token: sign-in, navigation, refresh, the backend proxy, sign-out', async () => {
    const page = await newPage()
    const texts = await recordResponses(page)
    await page.goto('/sign-in')
    await signInThroughForm(page, 'demo@example.com', 'demo-password')
    await page.waitForURL('**/dashboard')
    await page.getByTestId('backend-profile').filter({ hasText: 'demo@example.com' }).waitFor()
    await page.getByRole('link', { name: 'Admin' }).click()
    await page.waitForURL('**/admin')
    await sleep(ACCESS_TOKEN_SECONDS * 1_000 + 1_500)
    await page.getByRole('link', { name: 'Dashboard' }).click()
    await page.getByTestId('backend-profile').filter({ hasText: 'demo@example.com' }).waitFor()
    await page.reload()
    expect(await page.evaluate(() => document.cookie)).toBe('')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('link', { name: 'Sign in' }).waitFor()
    expect(backend.demo.stats.refreshes).toBeGreaterThan(0)
    expect(backend.tokens.size).toBeGreaterThanOrEqual(4)
    console.log(`${texts.length} responses searched for ${backend.tokens.size} tokens`)
    for (const token of backend.tokens) expect(texts.filter((text) => text.includes(token))).toEqual([])
    expect(texts.filter((text) => /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\./.test(text))).toEqual([])
  }, 60_000)

  it('a hostile next never leads off the site: signed-in visits of /sign-in?next=… and form sign-ins', async () => {
    const page = await newPage()
    await page.goto('/sign-in')
    await signInThroughForm(page, 'demo@example.com', 'demo-password')
    await page.waitForURL('**/dashboard')
    const origin = new URL(app.baseURL).origin
    for (const next of HOSTILE_REDIRECTS) {
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`)
      expect([next, new URL(page.url()).origin]).toEqual([next, origin])
    }

    const formPage = await newPage()
    await formPage.goto('/sign-in')
    for (const next of HOSTILE_REDIRECTS.slice(0, 12)) {
      const navigated = formPage.waitForEvent('load')
      await formPage.evaluate((value) => {
        const form = document.createElement('form')
        form.method = 'post'
        form.action = '/api/auth/sign-in'
        for (const [name, fieldValue] of Object.entries({ email: 'demo@example.com', password: 'demo-password', next: value })) {
          const input = Object.assign(document.createElement('input'), { type: 'hidden', name, value: fieldValue })
          form.append(input)
        }
        document.body.append(form)
        form.submit()
      }, next)
      await navigated
      expect([next, new URL(formPage.url()).origin]).toEqual([next, origin])
    }
  }, 60_000)

  it('every answer that writes a cookie, pages and redirects included, is private and never stored', async () => {
    const client = { 'x-gatehouse-client': '1' }
    const signIn = async () => {
      const response = await fetch(`${app.baseURL}/api/auth/sign-in`, {
        method: 'POST',
        headers: { ...client, 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'demo@example.com', password: 'demo-password' }),
      })
      return { response, cookie: cookiesFrom(response) }
    }
    const answers = [(await signIn()).response]
    // One session per visit, each with its access token expired, so that every one of them rotates the cookies.
    const expired = await Promise.all(
      ['/', '/dashboard', '/sign-in', '/api/auth/session', '/api/backend/auth/profile'].map(
        async (path) => [path, (await signIn()).cookie] as const,
      ),
    )
    await sleep(ACCESS_TOKEN_SECONDS * 1_000 + 1_000)
    for (const [path, cookie] of expired)
      answers.push(await fetch(`${app.baseURL}${path}`, { headers: { cookie, ...client }, redirect: 'manual' }))
    const { cookie } = await signIn()
    answers.push(await fetch(`${app.baseURL}/api/auth/sign-out`, { method: 'POST', headers: { cookie, ...client } }))
    const writing = answers.filter((answer) => answer.headers.getSetCookie().length > 0)
    expect(writing.map((answer) => new URL(answer.url).pathname)).toEqual([
      '/api/auth/sign-in',
      '/',
      '/dashboard',
      '/sign-in',
      '/api/auth/session',
      '/api/backend/auth/profile',
      '/api/auth/sign-out',
    ])
    for (const answer of writing) {
      const directives = (answer.headers.get('cache-control') ?? '').split(',').map((directive) => directive.trim())
      expect([new URL(answer.url).pathname, directives]).toEqual([
        new URL(answer.url).pathname,
        expect.arrayContaining(['private', 'no-store']),
      ])
    }
  }, 60_000)

  it('a spoofed x-middleware-subrequest header does not skip the protection of pages and routes', async () => {
    for (const spoof of [
      'proxy:proxy:proxy:proxy:proxy',
      'middleware:middleware:middleware:middleware:middleware',
      'src/proxy:src/proxy:src/proxy:src/proxy:src/proxy',
    ]) {
      const page = await newPage({ extraHTTPHeaders: { 'x-middleware-subrequest': spoof } })
      await page.goto('/dashboard')
      expect(new URL(page.url()).pathname).toBe('/sign-in')
      expect(await page.getByTestId('user-name').count()).toBe(0)
      const profile = await page.request.get('/api/backend/auth/profile', { headers: { 'x-gatehouse-client': '1' } })
      expect(profile.status()).toBe(401)
      const refresh = await page.request.post('/api/auth/refresh', { headers: { 'x-gatehouse-client': '1' } })
      expect(refresh.status()).toBe(401)
    }
  }, 60_000)
})
