import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { authRequest, cookiesFrom, ORIGIN } from '../../../test/authRequests'
import { createFakeBackend } from '../../../test/fakeBackend'
import { type BackendProxyOptions, createBackendProxy } from './createBackendProxy'
import { createGatehouse } from '../createGatehouse'
import { restAdapter } from '../backend/rest/restAdapter'

/** What a browser's own script sends with every call through the proxy (`createAuthFetch`). */
const SAME_ORIGIN_SCRIPT = { 'x-gatehouse-client': '1', 'sec-fetch-site': 'same-origin' }

/**
 * The fake auth backend plus an orders API that checks the Bearer token and records what reached
 * it; `state.answer`, when set, answers a call with a valid token instead of the echo.
 */
function setup({ timeoutMs = 10_000, ...proxyOptions }: Partial<BackendProxyOptions> = {}) {
  const auth = createFakeBackend()
  const seen: Request[] = []
  const state = {
    revoked: new Set<string>(),
    mode: 'ok' as 'ok' | 'down' | 'hang',
    answer: undefined as ((request: Request) => Response) | undefined,
  }
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    if (new URL(request.url).pathname.startsWith('/auth/')) return auth.fetch(request)
    seen.push(request)
    if (state.mode === 'down') throw new TypeError('fetch failed')
    if (state.mode === 'hang')
      return new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)))
    const token = request.headers.get('authorization')?.replace('Bearer ', '') ?? ''
    if (!token.startsWith('access-') || state.revoked.has(token)) return Response.json({ message: 'Unauthenticated.' }, { status: 401 })
    if (state.answer) return state.answer(request)
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
    ...proxyOptions,
  })
  const signIn = async () =>
    cookiesFrom(await gatehouse.handle(authRequest('signIn', { body: { email: 'demo@example.com', password: 'demo-password' } })))
  /** A call as the app's own script makes it; `headers` adds to or (with `''`) removes from that. */
  const call = (path: string, init: { method?: string; cookie?: string; body?: string; headers?: Record<string, string> } = {}) => {
    const method = init.method ?? 'GET'
    const unsafe = method !== 'GET' && method !== 'HEAD'
    const headers = new Headers()
    for (const [name, value] of Object.entries({ ...SAME_ORIGIN_SCRIPT, ...(unsafe ? { origin: ORIGIN } : {}), ...init.headers }))
      if (value !== '') headers.set(name, value)
    if (init.cookie) headers.set('cookie', init.cookie)
    return proxy(new Request(`${ORIGIN}/api/backend${path}`, { method, headers, body: init.body }))
  }
  return { auth, gatehouse, seen, state, signIn, call }
}

describe('createBackendProxy', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z'), toFake: ['Date'] }))
  afterEach(() => vi.useRealTimers())

  it("forwards an allowlisted call with the Bearer token, and none of the browser's cookies or hop-by-hop headers", async () => {
    const { seen, signIn, call } = setup({ forwardHeaders: ['X-Custom'], returnHeaders: ['x-request-id'] })
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
    expect(response.headers.get('cache-control')).toMatch(/(^|, )no-store$/)
  })

  // Each climbs out of the path it names on some server behind the backend: Tomcat, Jetty and Spring
  // drop `;…` and then resolve `..`; IIS reads `%u002e`; lenient UTF-8 decoders read overlong `.`
  // and `/`; NFKC folds `．` into `.`; a second decoding turns `%252e` into `.`.
  it.each([
    '/orders/..;/..;/admin',
    '/orders/7/..;/..;/admin',
    '/orders/..;jsessionid=x/..;/admin',
    '/orders;jsessionid=x',
    '/orders/7;x=1',
    '/orders/..%3b/..%3b/admin',
    '/orders/..%3B/admin',
    '/orders/%3B',
    // Dot segments the URL parser resolves before the proxy sees them: at most they climb out of the mount.
    '/../admin',
    '/./../admin',
    '/%2e%2e/admin',
    '/%2E%2E/admin',
    '/.%2e/admin',
    '/%2e./admin',
    '/orders/%2e/%2e%2e/%2e%2e/admin',
    '/orders/../../auth/login',
    // Dots the URL parser leaves alone.
    '/orders/...',
    '/orders/.../admin',
    '/orders/7%2ejson',
    '/orders/%2e%2e%2fadmin',
    '/orders/%c0%ae%c0%ae/admin',
    '/orders/%e0%80%ae%e0%80%ae/admin',
    '/orders/%c0%2e%c0%2e/admin',
    '/orders/%c0%af',
    '/orders/%u002e%u002e/admin',
    '/orders/%u2215admin',
    '/orders/%252e%252e/admin',
    '/orders/%25252e',
    '/orders/%ef%bc%8e%ef%bc%8e/admin',
    // Encoded line breaks and other control characters, spaces and invisible characters.
    '/orders/%0d%0aX-Injected:%201',
    '/orders/%0a',
    '/orders/%0D',
    '/orders/%09',
    '/orders/%1b',
    '/orders/%7f',
    '/orders/%00',
    '/orders%00',
    '/orders/..%20',
    '/orders/a%20b',
    '/orders/%c2%85',
    '/orders/%c2%a0',
    '/orders/%e2%80%ae',
    '/orders/%e2%80%8b',
    // Encoded slashes and backslashes.
    '/orders/..%2F..%2Fadmin',
    '/orders%2F..%2Fadmin',
    '/orders/%2f',
    '/orders/%5c',
    '/orders%5C..%5Cadmin',
    // Another host or scheme, empty segments, the mount itself.
    '//evil.example/orders',
    '/http://evil.example/orders',
    '/https:%2F%2Fevil.example/orders',
    '/orders/a:b',
    '/orders//admin',
    '/',
    '',
    // Encoded line breaks in the query.
    '/orders?x=%0d%0aSet-Cookie:%20a=1',
    '/orders?x=%0A',
    '/orders/7?x=%00',
  ])('refuses %j with 400 invalid_path before calling the backend', async (path) => {
    const { seen, signIn, call } = setup()
    const response = await call(path, { cookie: await signIn() })
    expect([response.status, (await response.json()).error.code]).toEqual([400, 'invalid_path'])
    expect(seen).toEqual([])
  })

  it.each([
    // The URL parser already turns these into /api/backend/admin: outside the allowlist.
    '/orders/%2e%2e/admin',
    '/orders/.%2E/admin',
    '/orders-admin',
    '/ORDERS',
    '/admin',
    '/auth/login',
    '/me@evil.example',
  ])('refuses %j with 404 not_found before calling the backend', async (path) => {
    const { seen, signIn, call } = setup()
    const response = await call(path, { cookie: await signIn() })
    expect([response.status, (await response.json()).error.code]).toEqual([404, 'not_found'])
    expect(seen).toEqual([])
  })

  it.each([
    ['/orders/7', '/api/orders/7', ''],
    ['/orders/7/', '/api/orders/7/', ''],
    ['/me', '/api/me', ''],
    ['/me/', '/api/me/', ''],
    ['/orders/a-b_c.d~e', '/api/orders/a-b_c.d~e', ''],
    ['/orders/.well-known', '/api/orders/.well-known', ''],
    ["/orders/x!$&'()*+,=@y", "/api/orders/x!$&'()*+,=@y", ''],
    ['/orders/%E2%82%AC', '/api/orders/%E2%82%AC', ''],
    ['/orders/%c3%a9t%c3%a9', '/api/orders/%c3%a9t%c3%a9', ''],
    ['/orders/7?page=2&sort=-date', '/api/orders/7', '?page=2&sort=-date'],
    ['/orders?q=a%20b%2F..%2F&tags=x;y&e=%E2%82%AC', '/api/orders', '?q=a%20b%2F..%2F&tags=x;y&e=%E2%82%AC'],
    ['/orders/7/../8', '/api/orders/8', ''],
  ])('forwards the ordinary path %j as %j', async (path, backendPath, query) => {
    const { seen, signIn, call } = setup()
    const response = await call(path, { cookie: await signIn() })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ path: backendPath, query, body: null })
    expect(seen).toHaveLength(1)
  })

  it('refuses signed-out calls with 401 not_signed_in, without calling the backend', async () => {
    const { seen, call } = setup()
    const response = await call('/orders')
    expect(response.status).toBe(401)
    expect((await response.json()).error.code).toBe('not_signed_in')
    expect(seen).toEqual([])
  })

  const CROSS_SITE = [
    ['no x-gatehouse-client header', { 'x-gatehouse-client': '' }],
    ['x-gatehouse-client: 0', { 'x-gatehouse-client': '0' }],
    ['a foreign origin', { origin: 'https://evil.example' }],
    ['a null origin', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
    // A typed URL, a bookmark: a navigation that no script of the app asked for.
    ['Sec-Fetch-Site: none', { 'sec-fetch-site': 'none' }],
    ['a navigation from another site', { 'x-gatehouse-client': '', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' }],
  ] as const
  it.each(
    ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'].flatMap((method) =>
      CROSS_SITE.map(([what, headers]) => [method, what, headers] as const),
    ),
  )('refuses a %s with %s: 403 csrf_rejected, without calling the backend', async (method, _, headers) => {
    const { seen, signIn, call } = setup()
    const unsafe = method !== 'GET' && method !== 'HEAD'
    const response = await call('/orders', { method, cookie: await signIn(), body: unsafe ? '{}' : undefined, headers })
    expect(response.status).toBe(403)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    if (method !== 'HEAD') expect((await response.json()).error.code).toBe('csrf_rejected')
    expect(seen).toEqual([])
  })

  it("forwards a GET from the app's script, with or without Sec-Fetch-Site (a server-side or older client sends none)", async () => {
    const { seen, signIn, call } = setup()
    const cookie = await signIn()
    expect((await call('/me', { cookie })).status).toBe(200)
    expect((await call('/me', { cookie, headers: { 'sec-fetch-site': '' } })).status).toBe(200)
    expect((await call('/me', { method: 'HEAD', cookie })).status).toBe(200)
    expect(seen.map((request) => request.method)).toEqual(['GET', 'GET', 'HEAD'])
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

  it('forwards only the listed request headers: what the client says about itself, its address or its method stays behind', async () => {
    const { seen, signIn, call } = setup({ forwardHeaders: ['x-request-id'] })
    const forwarded = {
      'content-type': 'application/json',
      accept: 'application/json',
      'accept-language': 'de',
      'if-match': '"a"',
      'if-none-match': '"b"',
      'if-modified-since': 'Wed, 21 Oct 2015 07:28:00 GMT',
      'if-unmodified-since': 'Wed, 21 Oct 2015 07:28:00 GMT',
      'if-range': '"c"',
      range: 'bytes=0-99',
      'x-request-id': 'r7',
    }
    const dropped = {
      'x-forwarded-for': '10.0.0.1',
      'x-real-ip': '10.0.0.1',
      forwarded: 'for=10.0.0.1;host=admin.internal;proto=https',
      'x-forwarded-host': 'admin.internal',
      'x-forwarded-proto': 'https',
      'x-http-method-override': 'DELETE',
      'x-user-id': '1',
      'x-user-role': 'admin',
      origin: ORIGIN,
      'sec-fetch-mode': 'cors',
      'sec-fetch-dest': 'empty',
      referer: `${ORIGIN}/dashboard`,
      'accept-encoding': 'zstd',
      'x-unlisted': '1',
    }
    const response = await call('/orders', { method: 'POST', body: '{}', cookie: await signIn(), headers: { ...forwarded, ...dropped } })
    expect(response.status).toBe(200)
    const sent = Object.fromEntries(seen[0]!.headers)
    expect(sent).toEqual({ ...forwarded, authorization: expect.stringMatching(/^Bearer access-1@/) })
  })

  it.each([
    ['forwardHeaders', 'Cookie'],
    ['forwardHeaders', 'authorization'],
    ['forwardHeaders', 'Host'],
    ['forwardHeaders', 'connection'],
    ['forwardHeaders', 'transfer-encoding'],
    ['forwardHeaders', 'proxy-authorization'],
    ['forwardHeaders', 'content-length'],
    ['forwardHeaders', 'access-control-request-method'],
    ['returnHeaders', 'set-cookie'],
    ['returnHeaders', 'Cache-Control'],
    ['returnHeaders', 'x-content-type-options'],
    ['returnHeaders', 'access-control-allow-origin'],
    ['returnHeaders', 'keep-alive'],
  ] as const)('refuses at creation a %s listing %j, with a message that names both', (option, name) => {
    expect(() => setup({ [option]: [name] })).toThrow(new RegExp(`\`${option}\` cannot list "${name.toLowerCase()}"`))
  })

  it.each([
    ['forwardHeaders', 'x user'],
    ['returnHeaders', 'x-a:b'],
    ['forwardHeaders', ''],
  ] as const)('refuses at creation a %s listing %j, which is not a header name', (option, name) => {
    expect(() => setup({ [option]: [name] })).toThrow(/which is not a header name/)
  })

  it('returns only the listed response headers: no CORS, authentication challenge, cookie or server banner', async () => {
    const { state, signIn, call } = setup({ returnHeaders: ['X-Request-Id'] })
    const returned = {
      'content-type': 'application/json',
      'content-language': 'de',
      'content-disposition': 'attachment; filename="orders.json"',
      etag: '"v1"',
      'last-modified': 'Wed, 21 Oct 2015 07:28:00 GMT',
      'content-range': 'bytes 0-1/2',
      'accept-ranges': 'bytes',
      vary: 'accept',
      'retry-after': '5',
      'x-request-id': 'r1',
    }
    const dropped = {
      'access-control-allow-origin': 'https://evil.example',
      'access-control-allow-credentials': 'true',
      'www-authenticate': 'Basic realm="backend"',
      'clear-site-data': '"*"',
      'x-powered-by': 'Express',
      'set-cookie': 'backend=1',
      server: 'nginx/1.2.3',
      'cache-control': 'public, max-age=3600',
      'x-unlisted': '1',
    }
    state.answer = () => new Response('{}', { status: 206, headers: { ...returned, ...dropped } })
    const response = await call('/orders', { cookie: await signIn() })
    expect(response.status).toBe(206)
    expect(Object.fromEntries(response.headers)).toEqual({
      ...returned,
      'cache-control': expect.stringMatching(/(^|, )no-store$/),
      'x-content-type-options': 'nosniff',
    })
  })

  it.each([
    ['/api/orders/8?x=1', '/api/backend/orders/8?x=1'],
    ['http://backend.test/api/me', '/api/backend/me'],
    ['8', '/api/backend/orders/8'],
    ['./8/', '/api/backend/orders/8/'],
    ['/api/orders/8#top', '/api/backend/orders/8'],
  ])('rewrites a redirect on the backend to %j as the proxy path %j', async (location, proxied) => {
    const { seen, state, signIn, call } = setup()
    state.answer = () => new Response(null, { status: 302, headers: { location } })
    const response = await call('/orders/7', { cookie: await signIn() })
    expect([response.status, response.headers.get('location')]).toEqual([302, proxied])
    // The server itself never follows a redirect: it would carry the token along.
    expect(seen.map((request) => request.redirect)).toEqual(['manual'])
  })

  it.each([
    'https://evil.example/orders',
    '//evil.example/orders',
    'http://evil.example@evil.example/',
    'https://backend.test/api/orders/8',
    'http://backend.test:8080/api/orders/8',
    'http://api.backend.test/api/orders/8',
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    '/admin',
    '/api/admin',
    '/api/orders/..;/..;/admin',
    '/api/orders/%2e%2e%2fadmin',
    'http://[not a url',
  ])('refuses a backend redirect to %j with 502 backend_redirect_refused, naming neither place', async (location) => {
    const { state, signIn, call } = setup()
    state.answer = () => new Response('moved', { status: 301, headers: { location } })
    const response = await call('/orders/7', { cookie: await signIn() })
    expect(response.status).toBe(502)
    expect(response.headers.has('location')).toBe(false)
    const { error } = await response.json()
    expect(error.code).toBe('backend_redirect_refused')
    expect(error.message).not.toMatch(/evil|backend\.test|admin|\/api|30\d/)
  })

  it('rewrites the Location of a 201 Created the same way', async () => {
    const { state, signIn, call } = setup()
    state.answer = () => Response.json({ id: 8 }, { status: 201, headers: { location: '/api/orders/8' } })
    const response = await call('/orders', { method: 'POST', body: '{}', cookie: await signIn() })
    expect([response.status, response.headers.get('location')]).toEqual([201, '/api/backend/orders/8'])
  })

  it.each([
    'text/html',
    'TEXT/HTML; charset=utf-8',
    ' text/html ;charset=utf-8',
    'application/xhtml+xml',
    'image/svg+xml',
    'text/xml',
    'application/xml',
    'text/xsl',
    'application/atom+xml',
    'multipart/x-mixed-replace; boundary=x',
  ])('refuses a backend answer of %j with 502 backend_html_refused', async (type) => {
    const { state, signIn, call } = setup()
    state.answer = () => new Response('<script>alert(document.domain)</script>', { headers: { 'content-type': type } })
    const response = await call('/orders', { cookie: await signIn() })
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await response.json()).error.code).toBe('backend_html_refused')
  })

  it("with html: 'sandbox', serves the backend's page sandboxed, as an opaque origin that runs no script", async () => {
    const { state, signIn, call } = setup({ html: 'sandbox' })
    state.answer = () => new Response('<h1>Invoice</h1>', { headers: { 'content-type': 'text/html; charset=utf-8' } })
    const response = await call('/orders/7', { cookie: await signIn() })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe('sandbox')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe('<h1>Invoice</h1>')
  })

  it.each([
    ['no content type', undefined, 'application/octet-stream'],
    ['a content type that is not one', 'html', 'application/octet-stream'],
    ['two content types', 'text/html, application/json', 'application/octet-stream'],
    ['plain text', 'text/plain; charset=utf-8', 'text/plain; charset=utf-8'],
    ['JSON', 'application/problem+json', 'application/problem+json'],
  ])('serves a body with %s (%j) as %j, with nosniff', async (_, type, served) => {
    const { state, signIn, call } = setup()
    const body = new TextEncoder().encode('<script>alert(document.domain)</script>')
    state.answer = () => new Response(body, { headers: type ? { 'content-type': type } : {} })
    const response = await call('/orders', { cookie: await signIn() })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(served)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('adds no content type to an answer without a body', async () => {
    const { state, signIn, call } = setup()
    state.answer = () => new Response(null, { status: 204 })
    const response = await call('/orders/7', { method: 'DELETE', cookie: await signIn() })
    expect(response.status).toBe(204)
    expect(response.headers.has('content-type')).toBe(false)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('sends nosniff with every answer, its own failures included', async () => {
    const { state, signIn, call } = setup({ timeoutMs: 50 })
    const cookie = await signIn()
    const answers = [
      await call('/orders', { cookie }),
      await call('/orders/..;/admin', { cookie }),
      await call('/orders'),
      await call('/orders', { cookie, headers: { 'x-gatehouse-client': '' } }),
      await call('/admin', { cookie }),
      await call('/orders', { method: 'OPTIONS', cookie }),
      await call('/orders', { method: 'PUT', cookie, body: 'x'.repeat(1_001) }),
    ]
    state.mode = 'down'
    answers.push(await call('/orders', { cookie }))
    state.mode = 'hang'
    answers.push(await call('/orders', { cookie }))
    for (const answer of answers) expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    expect(answers.map((answer) => answer.status)).toEqual([200, 400, 401, 403, 404, 405, 413, 502, 504])
  })

  it('never describes the backend in its own messages: no address, path or status', async () => {
    const { state, signIn, call } = setup({ timeoutMs: 50 })
    const cookie = await signIn()
    const DESCRIBES_BACKEND = /backend\.test|\/api|\/admin|\/orders|\b[1-5]\d\d\b/
    const expectPlainMessage = async (answer: Response) => expect((await answer.json()).error.message).not.toMatch(DESCRIBES_BACKEND)
    await expectPlainMessage(await call('/admin', { cookie }))
    await expectPlainMessage(await call('/orders/..;/admin', { cookie }))
    state.answer = () => new Response(null, { status: 307, headers: { location: 'http://backend.test/api/admin' } })
    await expectPlainMessage(await call('/orders', { cookie }))
    state.answer = () => new Response('<html>', { status: 500, headers: { 'content-type': 'text/html' } })
    await expectPlainMessage(await call('/orders', { cookie }))
    state.mode = 'down'
    await expectPlainMessage(await call('/orders', { cookie }))
    state.mode = 'hang'
    await expectPlainMessage(await call('/orders', { cookie }))
    expect.assertions(6)
  })

  it('keeps the cookies of a refresh when the replayed call then fails', async () => {
    const { auth, state, signIn, call } = setup()
    const cookie = await signIn()
    state.revoked.add([...auth.liveRefreshTokens][0]!.replace('refresh', 'access'))
    state.answer = () => {
      throw new TypeError('fetch failed')
    }
    const response = await call('/me', { cookie })
    expect([response.status, (await response.json()).error.code]).toEqual([502, 'backend_unavailable'])
    expect(auth.lines().filter((line) => line === 'POST /auth/refresh')).toHaveLength(1)
    // The refresh rotated the refresh token at the backend: without the new cookies the session would be lost.
    const rotated = cookiesFrom(response, cookie)
    expect(rotated).not.toBe(cookie)
    state.answer = () => new Response('<html>', { headers: { 'content-type': 'text/html' } })
    const refused = await call('/me', { cookie: rotated })
    expect([refused.status, refused.headers.getSetCookie()]).toEqual([502, []])
    state.answer = undefined
    expect((await call('/me', { cookie: rotated })).status).toBe(200)
  })
})
