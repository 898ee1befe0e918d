import { describe, expect, it } from 'vitest'
import { authRequest, cookiesFrom, ORIGIN } from '../authRequests'
import { createFakeBackend } from '../fakeBackend'
import { createGatehouse } from '../../src/server/createGatehouse'
import { createBackendProxy } from '../../src/server/proxy/createBackendProxy'
import { restAdapter } from '../../src/server/backend/rest/restAdapter'
import { SECURITY_EVENTS, type SecurityEvent } from '../../src/server/securityEvents'

const SECRET = 'security-events-secret-that-is-long-0123456789'
const DEMO = { email: 'demo@example.com', password: 'demo-password' }
const WRONG_PASSWORD = 'not-the-password-7f3a'

/**
 * A gatehouse and its backend proxy against the fake backend, on a clock the test moves, with a
 * logger that keeps every record. `state.echo` makes the backend answer 500 with a body that
 * repeats what it was sent (the password, the refresh token) and a token of its own.
 */
function setup() {
  const clock = { now: Date.parse('2026-01-01T00:00:00Z') }
  const now = () => clock.now
  const auth = createFakeBackend({ now })
  const state = { echo: false }
  const issued: string[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    const { pathname } = new URL(request.url)
    if (state.echo) {
      const sent = await request.text()
      return Response.json({ error: 'boom', sent, token: issued[0] ?? 'none' }, { status: 500 })
    }
    if (pathname.startsWith('/auth/')) {
      const response = await auth.fetch(request)
      const text = await response.clone().text()
      issued.push(...(text.match(/(access|refresh)-\d+@\w+/g) ?? []))
      return response
    }
    return Response.json({ path: pathname })
  }
  const records: unknown[][] = []
  const logger = { warn: (...args: unknown[]) => records.push(args), error: (...args: unknown[]) => records.push(args) }
  const gatehouse = createGatehouse({
    backend: restAdapter({ baseUrl: 'http://backend.test', fetch, now }),
    secret: SECRET,
    secureCookies: true,
    logger,
    now,
  })
  const proxy = createBackendProxy(gatehouse, { allow: ['/orders'], fetch })
  const bodies: string[] = []
  const cookieValues: string[] = []
  /** Every answer's body and cookie values are kept, to be searched for secrets at the end. */
  const send = async (answer: Promise<Response>) => {
    const response = await answer
    bodies.push(await response.clone().text())
    for (const line of response.headers.getSetCookie()) {
      const value = line.split(';')[0]!.split('=').slice(1).join('=')
      if (value !== '') cookieValues.push(value)
    }
    return response
  }
  const signIn = async () => cookiesFrom(await send(gatehouse.handle(authRequest('signIn', { body: DEMO }))))
  const events = () => records.map(([record]) => record as SecurityEvent)
  return { clock, auth, state, issued, records, events, gatehouse, proxy, send, signIn, bodies, cookieValues }
}

const proxyCall = (path: string, cookie: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new Request(`${ORIGIN}/api/backend${path}`, {
    method: init.method ?? 'GET',
    headers: { cookie, 'x-gatehouse-client': '1', 'sec-fetch-site': 'same-origin', ...init.headers },
  })

describe('security events, through the real handlers', () => {
  it('logs each hostile or failing request as one structured record, and no record or body holds a secret', async () => {
    const { clock, auth, state, issued, records, events, gatehouse, proxy, send, signIn, bodies, cookieValues } = setup()

    // A forged sign-in from another site, with a request id the app's proxy set.
    const forged = await send(
      gatehouse.handle(authRequest('signIn', { body: DEMO, headers: { origin: 'https://evil.example', 'x-request-id': 'edge-7f3a:01' } })),
    )
    expect(forged.status).toBe(403)
    expect(events().at(-1)).toMatchObject({
      event: 'csrf_refused',
      route: 'sign-in',
      requestId: 'edge-7f3a:01',
      code: 'csrf_rejected',
      status: 403,
      method: 'POST',
      origin: 'https://evil.example',
    })

    // A request id that could forge a record or a column, or that is too long, is replaced by a fresh one.
    for (const requestId of ['{"event":"forged"}', 'tab\there', 'x'.repeat(129), 'a b']) {
      await send(
        gatehouse.handle(authRequest('signIn', { body: DEMO, headers: { origin: 'https://evil.example', 'x-request-id': requestId } })),
      )
      expect(events().at(-1)!.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    }

    // Wrong passwords: the account is named by a keyed hash only, the same whatever the case.
    for (const email of [DEMO.email, 'Demo@Example.com ']) {
      const refused = await send(gatehouse.handle(authRequest('signIn', { body: { email, password: WRONG_PASSWORD } })))
      expect(refused.status).toBe(401)
    }
    const failures = events().filter((record) => record.event === 'sign_in_failed')
    expect(failures).toHaveLength(2)
    expect(failures[0]).toMatchObject({
      route: 'sign-in',
      code: 'invalid_credentials',
      status: 401,
      identifierHash: expect.stringMatching(/^[0-9a-f]{16}$/),
    })
    expect(failures[1]!.identifierHash).toBe(failures[0]!.identifierHash)
    expect(failures[0]!.detail).toBe('the backend answered 401 to the sign-in at /auth/login')

    // A tampered session cookie is cleared and reported.
    const cookie = await signIn()
    const tampered = cookie.replace(
      /(__Host-gatehouse\.session=v1\.)(.)/,
      (_, head: string, first: string) => `${head}${first === 'A' ? 'B' : 'A'}`,
    )
    expect(tampered).not.toBe(cookie)
    const afterTamper = await send(gatehouse.handle(authRequest('session', { cookie: tampered })))
    expect(await afterTamper.json()).toEqual({ user: null })
    expect(events().at(-1)).toMatchObject({ event: 'cookie_rejected', route: 'session' })

    // The backend proxy refuses a path outside its allow-list, a path trick and a method.
    await send(proxy(proxyCall('/admin/users', cookie)))
    expect(events().at(-1)).toMatchObject({
      event: 'proxy_refused',
      route: 'backend-proxy',
      code: 'not_found',
      method: 'GET',
      path: '/api/backend/admin/users',
    })
    await send(proxy(proxyCall('/orders/..;/admin', cookie)))
    expect(events().at(-1)).toMatchObject({ event: 'proxy_refused', code: 'invalid_path' })
    await send(proxy(proxyCall('/orders', cookie, { method: 'OPTIONS' })))
    expect(events().at(-1)).toMatchObject({ event: 'proxy_refused', code: 'method_not_allowed', method: 'OPTIONS' })
    await send(proxy(proxyCall('/orders', cookie, { headers: { 'sec-fetch-site': 'cross-site' } })))
    expect(events().at(-1)).toMatchObject({ event: 'csrf_refused', route: 'backend-proxy', fetchSite: 'cross-site' })

    // The backend answers 500, repeating the password (at sign-in) and the refresh token (at refresh), plus a token.
    clock.now += 61_000
    state.echo = true
    const failedSignIn = await send(gatehouse.handle(authRequest('signIn', { body: DEMO })))
    expect(failedSignIn.status).toBe(502)
    expect(events().at(-1)).toMatchObject({
      event: 'backend_failed',
      route: 'sign-in',
      code: 'backend_invalid_response',
      detail: 'the backend answered 500 at /auth/login',
    })
    const failedRefresh = await send(gatehouse.handle(authRequest('refresh', { cookie })))
    expect(failedRefresh.status).toBe(502)
    expect(events().at(-1)).toMatchObject({
      event: 'backend_failed',
      route: 'refresh',
      detail: 'the backend answered 500 at /auth/refresh',
    })
    state.echo = false

    // The backend refuses the refresh token: the session ends, once, and that is reported.
    auth.liveRefreshTokens.clear()
    const ended = await send(gatehouse.handle(authRequest('refresh', { cookie, headers: { 'x-request-id': 'refresh-probe' } })))
    expect(ended.status).toBe(401)
    expect(events().at(-1)).toMatchObject({
      event: 'refresh_refused',
      route: 'refresh',
      requestId: 'refresh-probe',
      code: 'session_expired',
    })

    // Every record is one object with a known event, a route, an id and a sentence for text logs.
    for (const args of records) {
      expect(args).toHaveLength(1)
      const [record] = args as [SecurityEvent]
      expect(Object.keys(SECURITY_EVENTS)).toContain(record.event)
      expect(record.message).toMatch(new RegExp(`^\\[gatehouse\\] ${record.event} on ${record.route} \\(request ${record.requestId}\\): `))
      expect(record.message).not.toMatch(/[\r\n]/)
    }

    // No token, password, cookie value or secret anywhere the log or the browser can read; no identifier in the log.
    const secrets = [...new Set([...issued, ...cookieValues, DEMO.password, WRONG_PASSWORD, SECRET])]
    expect(issued).toEqual(expect.arrayContaining([expect.stringMatching(/^access-/), expect.stringMatching(/^refresh-/)]))
    expect(cookieValues.length).toBeGreaterThanOrEqual(2)
    const logged = records.map((args) => JSON.stringify(args))
    for (const text of [...logged, ...bodies]) {
      for (const secret of secrets) expect(text, `a secret leaked into ${text.slice(0, 120)}`).not.toContain(secret)
    }
    for (const text of logged) expect(text.toLowerCase()).not.toContain(DEMO.email)
  })
})
