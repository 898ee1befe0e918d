import { NextRequest } from 'next/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { authRequest, cookiesFrom } from '../../test/authRequests'
import { createFakeBackend } from '../../test/fakeBackend'
import { createGatehouse } from '../server/createGatehouse'
import { restAdapter } from '../server/backend/rest/restAdapter'
import { createNextGatehouse } from './createNextGatehouse'
import { jar } from '../../test/nextRender'

vi.mock('next/headers', () => import('../../test/nextRender'))
vi.mock('next/navigation', () => import('../../test/nextRender'))

function setup() {
  const backend = createFakeBackend()
  const gatehouse = createGatehouse({
    backend: restAdapter({ baseUrl: 'http://backend.test', fetch: backend.fetch }),
    secret: 'next-adapter-test-secret-0123456789abcdef',
    secureCookies: false,
  })
  const auth = createNextGatehouse(gatehouse, {
    protectedPaths: ['/dashboard'],
    backendProxy: { allow: ['/auth/profile'], fetch: backend.fetch },
  })
  const signIn = async () =>
    cookiesFrom(await auth.handlers.POST(authRequest('signIn', { body: { email: 'demo@example.com', password: 'demo-password' } })))
  const visit = (path: string, cookie = '') => new NextRequest(new URL(path, 'http://app.test'), { headers: cookie ? { cookie } : {} })
  return { auth, backend, signIn, visit }
}

describe('createNextGatehouse', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z'), toFake: ['Date'] }))
  afterEach(() => vi.useRealTimers())

  it('requireSession() redirects a signed-out render to the sign-in page, even without proxy.ts', async () => {
    const { auth } = setup()
    jar.cookie = ''
    await expect(auth.requireSession('/dashboard')).rejects.toThrow('redirect:/sign-in?next=%2Fdashboard')
    await expect(auth.requireSession('//evil.example')).rejects.toThrow('redirect:/sign-in?next=%2F')
  })

  it('getSession() reads the sealed cookies in-process, with no backend call', async () => {
    const { auth, backend, signIn } = setup()
    jar.cookie = await signIn()
    backend.calls.length = 0
    expect(await auth.getSession()).toMatchObject({ user: { id: '7', name: 'Demo User' } })
    expect(backend.lines()).toEqual([])
  })

  it('proxy redirects signed-out visitors of protected paths, and signed-in visitors of the sign-in page', async () => {
    const { auth, signIn, visit } = setup()
    const signedOut = await auth.proxy(visit('/dashboard?tab=2'))
    expect(signedOut.status).toBe(307)
    expect(signedOut.headers.get('location')).toBe('http://app.test/sign-in?next=%2Fdashboard%3Ftab%3D2')
    const signedIn = await auth.proxy(visit('/sign-in?next=%2Fdashboard', await signIn()))
    expect(signedIn.headers.get('location')).toBe('http://app.test/dashboard')
    // Where a visit leads depends on who is visiting: no cache may keep it.
    for (const redirect of [signedOut, signedIn]) expect(redirect.headers.get('cache-control')).toBe('private, no-store')
    const passedOn = await auth.proxy(visit('/', ''))
    expect(passedOn.headers.get('x-middleware-next')).toBe('1')
    // A page that writes no cookie keeps the cache policy the page itself sets.
    expect(passedOn.headers.get('cache-control')).toBeNull()
  })

  it('proxy refreshes an expired access token once, handing the new cookies to the render and to the browser', async () => {
    const { auth, backend, signIn, visit } = setup()
    const cookie = await signIn()
    vi.setSystemTime(new Date('2026-01-01T00:05:00Z'))
    const response = await auth.proxy(visit('/dashboard', cookie))
    expect(response.headers.get('location')).toBeNull()
    expect(backend.lines().filter((call) => call === 'POST /auth/refresh')).toHaveLength(1)
    const browserCookies = cookiesFrom(response, cookie)
    expect(browserCookies).not.toBe(cookie)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    // Next.js passes overridden request headers to the render through x-middleware-request-*.
    expect(response.headers.get('x-middleware-request-cookie')).toBe(browserCookies)
  })

  it('proxy says so when the server cannot serve sessions at all (no secret in production), as the routes do', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('AUTH_SECRET', '')
    try {
      const gatehouse = createGatehouse({
        backend: restAdapter({ baseUrl: 'http://backend.test' }),
        logger: { warn: vi.fn(), error: vi.fn() },
      })
      const auth = createNextGatehouse(gatehouse, { protectedPaths: ['/dashboard'] })
      await expect(auth.proxy(new NextRequest(new URL('/dashboard', 'http://app.test')))).rejects.toMatchObject({
        code: 'server_misconfigured',
      })
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('proxy keeps the cookies when the backend is down during a refresh', async () => {
    const { auth, backend, signIn, visit } = setup()
    const cookie = await signIn()
    vi.setSystemTime(new Date('2026-01-01T00:05:00Z'))
    backend.state.mode = 'down'
    const response = await auth.proxy(visit('/dashboard', cookie))
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it.each(['', 'proxy', 'middleware:middleware:middleware:middleware:middleware', 'src/proxy:src/proxy:src/proxy:src/proxy:src/proxy'])(
    'refuses signed-out requests in the handlers themselves, as if proxy.ts were skipped (x-middleware-subrequest: %j)',
    async (spoof) => {
      const { auth, backend } = setup()
      jar.cookie = ''
      const headers = spoof ? { 'x-middleware-subrequest': spoof } : undefined
      await expect(auth.requireSession('/dashboard')).rejects.toThrow('redirect:/sign-in')
      const profile = await auth.backendHandlers.GET(
        new Request('http://app.test/api/backend/auth/profile', { headers: { ...headers, 'x-gatehouse-client': '1' } }),
      )
      expect(profile.status).toBe(401)
      const session = await auth.handlers.GET(authRequest('session', { headers }))
      expect(await session.json()).toEqual({ user: null })
      const refresh = await auth.handlers.POST(authRequest('refresh', { headers }))
      expect(refresh.status).toBe(401)
      expect(backend.lines()).toEqual([])
    },
  )

  it('backendHandlers forward a signed-in call with the token added on the server', async () => {
    const { auth, signIn } = setup()
    const response = await auth.backendHandlers.GET(
      new Request('http://app.test/api/backend/auth/profile', { headers: { cookie: await signIn(), 'x-gatehouse-client': '1' } }),
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ data: { email: 'demo@example.com' } })
  })
})
