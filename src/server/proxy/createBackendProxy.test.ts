import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { authRequest, cookiesFrom, ORIGIN } from '../../../test/authRequests'
import { createFakeBackend } from '../../../test/fakeBackend'
import { createBackendProxy } from './createBackendProxy'
import { createGatehouse } from '../createGatehouse'
import { restAdapter } from '../backend/rest/restAdapter'

/** The fake auth backend plus an orders API that checks the Bearer token and records what reached it. */
function setup({ timeoutMs = 10_000 } = {}) {
  const auth = createFakeBackend()
  const seen: Request[] = []
  const state = { revoked: new Set<string>(), mode: 'ok' as 'ok' | 'down' | 'hang' }
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    if (new URL(request.url).pathname.startsWith('/auth/')) return auth.fetch(request)
    seen.push(request)
    if (state.mode === 'down') throw new TypeError('fetch failed')
    if (state.mode === 'hang')
      return new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)))
    const token = request.headers.get('authorization')?.replace('Bearer ', '') ?? ''
    if (!token.startsWith('access-') || state.revoked.has(token)) return Response.json({ message: 'Unauthenticated.' }, { status: 401 })
    const headers = { 'set-cookie': 'backend=1', connection: 'x-secret', 'x-secret': 'hop', 'x-request-id': 'r1' }
    return Response.json(
      { path: new URL(request.url).pathname, query: new URL(request.url).search, body: request.body ? await request.text() : null },
      { headers },
    )
  }
  const gatehouse = createGatehouse({
    backend: restAdapter({ baseUrl: 'http://backend.test', fetch }),
    secret: 'backend-proxy-test-secret-0123456789abc',
    secureCookies: false,
  })
  const proxy = createBackendProxy(gatehouse, {
    allow: ['/orders', '/me'],
    baseUrl: 'http://backend.test/api/',
    fetch,
    timeoutMs,
    maxBodyBytes: 1_000,
  })
  const signIn = async () =>
    cookiesFrom(await gatehouse.handle(authRequest('signIn', { body: { email: 'demo@example.com', password: 'demo-password' } })))
  const call = (path: string, init: { method?: string; cookie?: string; body?: string; headers?: Record<string, string> } = {}) => {
    const method = init.method ?? 'GET'
    const unsafe = method !== 'GET' && method !== 'HEAD'
    const headers = new Headers({ ...(unsafe ? { origin: ORIGIN, 'x-gatehouse-client': '1' } : {}), ...init.headers })
    if (init.cookie) headers.set('cookie', init.cookie)
    return proxy(new Request(`${ORIGIN}/api/backend${path}`, { method, headers, body: init.body }))
  }
  return { auth, seen, state, signIn, call }
}

describe('createBackendProxy', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z'), toFake: ['Date'] }))
  afterEach(() => vi.useRealTimers())

  it("forwards an allowlisted call with the Bearer token, and none of the browser's cookies or hop-by-hop headers", async () => {
    const { seen, signIn, call } = setup()
    const cookie = await signIn()
    const response = await call('/orders/7?page=2', {
      cookie,
      headers: {
        authorization: 'Bearer forged',
        connection: 'keep-alive, x-drop',
        'x-drop': '1',
        'keep-alive': '5',
        te: 'trailers',
        'x-middleware-subrequest': 'middleware',
        'x-custom': 'kept',
      },
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ path: '/api/orders/7', query: '?page=2', body: null })
    const sent = seen[0]!.headers
    expect(sent.get('authorization')).toMatch(/^Bearer access-1@/)
    for (const name of ['cookie', 'connection', 'x-drop', 'keep-alive', 'te', 'x-middleware-subrequest']) expect(sent.has(name)).toBe(false)
    expect(sent.get('x-custom')).toBe('kept')
    expect(response.headers.getSetCookie()).toEqual([])
    expect(response.headers.has('x-secret')).toBe(false)
    expect(response.headers.get('x-request-id')).toBe('r1')
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it.each([
    ['/orders/..%2F..%2Fadmin', 400],
    ['/orders%2F..%2Fadmin', 400],
    // The URL parser already turns these into /api/backend/admin: outside the allowlist.
    ['/orders/%2e%2e/admin', 404],
    ['/orders/.%2E/admin', 404],
    ['/orders%5C..%5Cadmin', 400],
    ['/orders%00', 400],
    ['//evil.example/orders', 400],
    ['/http://evil.example/orders', 400],
    ['/https:%2F%2Fevil.example/orders', 400],
    ['/orders//admin', 400],
    ['/orders/%252e%252e/admin', 400],
    ['/orders/a:b', 400],
    ['/../auth/login', 400],
    ['/orders/../../auth/login', 400],
    ['/orders-admin', 404],
    ['/ORDERS', 404],
    ['/admin', 404],
    ['/auth/login', 404],
    ['/me@evil.example', 404],
    ['/', 400],
    ['', 400],
  ])('refuses %j with %i before calling the backend', async (path, status) => {
    const { seen, signIn, call } = setup()
    const response = await call(path, { cookie: await signIn() })
    expect(response.status).toBe(status)
    expect((await response.json()).error.code).toBe(status === 400 ? 'invalid_path' : 'not_found')
    expect(seen).toEqual([])
  })

  it('refuses signed-out calls with 401 not_signed_in, without calling the backend', async () => {
    const { seen, call } = setup()
    const response = await call('/orders')
    expect(response.status).toBe(401)
    expect((await response.json()).error.code).toBe('not_signed_in')
    expect(seen).toEqual([])
  })

  it.each([
    ['no x-gatehouse-client header', { 'x-gatehouse-client': '' }],
    ['a foreign origin', { origin: 'https://evil.example' }],
    ['a null origin', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses an unsafe call with %s: 403 csrf_rejected', async (_, headers) => {
    const { seen, signIn, call } = setup()
    const response = await call('/orders', { method: 'POST', cookie: await signIn(), body: '{}', headers })
    expect(response.status).toBe(403)
    expect((await response.json()).error.code).toBe('csrf_rejected')
    expect(seen).toEqual([])
  })

  it('forwards an unsafe call with its body, and refuses a body over the limit with 413', async () => {
    const { signIn, call } = setup()
    const cookie = await signIn()
    const sent = await call('/orders', { method: 'POST', cookie, body: '{"item":1}', headers: { 'content-type': 'application/json' } })
    expect(await sent.json()).toMatchObject({ body: '{"item":1}' })
    const tooLarge = await call('/orders', { method: 'PUT', cookie, body: 'x'.repeat(1_001) })
    expect(tooLarge.status).toBe(413)
  })

  it('on a 401 refreshes once for concurrent calls and replays each, handing the browser the new cookies', async () => {
    const { auth, state, seen, signIn, call } = setup()
    const cookie = await signIn()
    state.revoked.add([...auth.liveRefreshTokens][0]!.replace('refresh', 'access'))
    const responses = await Promise.all(Array.from({ length: 5 }, () => call('/me', { cookie })))
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200])
    expect(auth.lines().filter((line) => line === 'POST /auth/refresh')).toHaveLength(1)
    expect(seen.slice(-5).every((request) => request.headers.get('authorization')?.startsWith('Bearer access-2@'))).toBe(true)
    expect(cookiesFrom(responses[0]!, cookie)).not.toBe(cookie)
  })

  it('answers 401 session_expired and clears the cookies when the refresh after a 401 is refused too', async () => {
    const { auth, state, signIn, call } = setup()
    const cookie = await signIn()
    state.revoked.add([...auth.liveRefreshTokens][0]!.replace('refresh', 'access'))
    auth.liveRefreshTokens.clear()
    const response = await call('/me', { cookie })
    expect(response.status).toBe(401)
    expect((await response.json()).error.code).toBe('session_expired')
    expect(cookiesFrom(response, cookie)).toBe('')
  })

  it('answers 502 when the backend is down and 504 when it is too slow, keeping the cookies', async () => {
    const { state, signIn, call } = setup({ timeoutMs: 50 })
    const cookie = await signIn()
    state.mode = 'down'
    const down = await call('/orders', { cookie })
    expect([down.status, (await down.json()).error.code]).toEqual([502, 'backend_unavailable'])
    state.mode = 'hang'
    const slow = await call('/orders', { cookie })
    expect([slow.status, (await slow.json()).error.code]).toEqual([504, 'backend_timeout'])
    expect([...down.headers.getSetCookie(), ...slow.headers.getSetCookie()]).toEqual([])
  })

  it('answers methods it does not forward with 405', async () => {
    const { call } = setup()
    const response = await call('/orders', { method: 'OPTIONS' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toContain('GET')
  })
})
