import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { authRequest, cookiesFrom } from '../../test/authRequests'
import { createFakeBackend } from '../../test/fakeBackend'
import { ANSWER_HEADER } from '../contract/answerHeader'
import { createGatehouse } from './createGatehouse'
import type { CoordinationStore } from './session/CoordinationStore'
import type { CoordinationOptions } from './session/createSharedExchange'
import { restAdapter } from './backend/rest/restAdapter'

const SECRET = 'a-test-secret-that-is-long-enough-0123456789'
const demo = { email: 'demo@example.com', password: 'demo-password' }

function setup({
  timeoutMs = 10_000,
  refresh = undefined as false | undefined,
  coordination = undefined as CoordinationOptions | undefined,
} = {}) {
  const backend = createFakeBackend()
  const logger = { warn: vi.fn(), error: vi.fn() }
  const gatehouse = createGatehouse({
    backend: restAdapter({ baseUrl: 'http://backend.test/', fetch: backend.fetch, timeoutMs, refresh }),
    secret: SECRET,
    secureCookies: true,
    logger,
    coordination,
  })
  const signIn = async () => {
    const response = await gatehouse.handle(authRequest('signIn', { body: demo }))
    expect(response.status).toBe(200)
    return cookiesFrom(response)
  }
  return { backend, gatehouse, logger, signIn }
}

const bodyOf = async (response: Response) => JSON.parse(await response.text())

describe('route handlers', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z'), toFake: ['Date'] }))
  afterEach(() => vi.useRealTimers())

  it('signs in: 200 with the user and expiry, two sealed httpOnly cookies, no token in the body', async () => {
    const { gatehouse } = setup()
    const response = await gatehouse.handle(authRequest('signIn', { body: demo }))
    const text = await response.text()
    expect(response.status).toBe(200)
    expect(JSON.parse(text)).toEqual({
      user: { id: '7', name: 'Demo User', email: 'demo@example.com', roles: ['user'] },
      expiresAt: '2026-01-01T00:01:00.000Z',
    })
    expect(text).not.toMatch(/access-|refresh-|internal_notes/)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get(ANSWER_HEADER)).toBe('1')
    const cookies = response.headers.getSetCookie()
    expect(cookies).toHaveLength(2)
    for (const cookie of cookies) {
      expect(cookie).toMatch(/^__Host-gatehouse\.(session|refresh)=v1\./)
      expect(cookie).toContain('; Path=/; HttpOnly; SameSite=Lax; Secure; Expires=Thu, 01 Jan 2026 01:00:00 GMT')
      expect(cookie).not.toMatch(/access-|refresh-\d|Domain/)
    }
  })

  it('accepts an HTML form body as well as JSON', async () => {
    const { gatehouse } = setup()
    const request = authRequest('signIn', {
      body: 'email=demo%40example.com&password=demo-password',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect((await gatehouse.handle(request)).status).toBe(200)
  })

  it('answers a plain HTML form with a 303 to its safe next page, or back to the form with the error code', async () => {
    const { gatehouse } = setup()
    const formPost = (body: string) =>
      authRequest('signIn', {
        body,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
          referer: 'http://app.test/sign-in?next=%2Fadmin',
        },
      })
    const signedIn = await gatehouse.handle(formPost('email=demo%40example.com&password=demo-password&next=%2Fadmin'))
    expect(signedIn.status).toBe(303)
    expect(signedIn.headers.get('location')).toBe('/admin')
    expect(signedIn.headers.getSetCookie()).toHaveLength(2)

    const hostile = await gatehouse.handle(formPost('email=demo%40example.com&password=demo-password&next=%2F%2Fevil.example'))
    expect(hostile.headers.get('location')).toBe('/')

    const refused = await gatehouse.handle(formPost('email=demo%40example.com&password=wrong&next=%2Fadmin'))
    expect(refused.status).toBe(303)
    expect(refused.headers.get('location')).toBe('/sign-in?next=%2Fadmin&error=invalid_credentials')
    expect(refused.headers.getSetCookie()).toEqual([])
  })

  it('answers a wrong password with 401 invalid_credentials and sets no cookie', async () => {
    const { gatehouse } = setup()
    const response = await gatehouse.handle(authRequest('signIn', { body: { ...demo, password: 'nope' } }))
    expect(response.status).toBe(401)
    expect(await bodyOf(response)).toEqual({
      error: { code: 'invalid_credentials', message: 'These credentials do not match our records.' },
    })
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it("passes the backend's per-field messages through as 422 validation_failed", async () => {
    const { gatehouse } = setup()
    const response = await gatehouse.handle(authRequest('signIn', { body: { email: 'not-an-email', password: 'x' } }))
    expect(response.status).toBe(422)
    expect(await bodyOf(response)).toEqual({
      error: {
        code: 'validation_failed',
        message: 'The given data was invalid.',
        fields: { email: ['The email must be a valid email address.'] },
      },
    })
  })

  it.each([
    ['missing fields', { body: {} }, 422, 'validation_failed'],
    ['malformed JSON', { body: '{"email":' }, 400, 'invalid_json'],
    ['a JSON array', { body: '[1]' }, 400, 'invalid_body'],
    ['a wrong content type', { body: 'hi', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type'],
    ['an oversized body', { body: { ...demo, password: 'x'.repeat(20_000) } }, 413, 'payload_too_large'],
    ['a cross-site origin', { body: demo, headers: { origin: 'https://evil.example' } }, 403, 'csrf_rejected'],
  ])('refuses %s before calling the backend', async (_, init, status, code) => {
    const { gatehouse, backend } = setup()
    const response = await gatehouse.handle(authRequest('signIn', init))
    expect(response.status).toBe(status)
    expect((await bodyOf(response)).error.code).toBe(code)
    expect(backend.lines()).toEqual([])
  })

  it('answers 502 backend_unavailable when the backend cannot be reached', async () => {
    const { gatehouse, backend } = setup()
    backend.state.mode = 'down'
    const response = await gatehouse.handle(authRequest('signIn', { body: demo }))
    expect(response.status).toBe(502)
    expect((await bodyOf(response)).error.code).toBe('backend_unavailable')
  })

  it('answers 504 backend_timeout when the backend does not answer in time', async () => {
    const { gatehouse, backend } = setup({ timeoutMs: 50 })
    backend.state.mode = 'hang'
    const response = await gatehouse.handle(authRequest('signIn', { body: demo }))
    expect(response.status).toBe(504)
    expect((await bodyOf(response)).error.code).toBe('backend_timeout')
  })

  it.each(['garbage', 'html'] as const)('answers 502 backend_invalid_response to a %s answer, never a 500', async (mode) => {
    const { gatehouse, backend, logger } = setup()
    backend.state.mode = mode
    const response = await gatehouse.handle(authRequest('signIn', { body: demo }))
    expect(response.status).toBe(502)
    const body = await bodyOf(response)
    expect(body.error.code).toBe('backend_invalid_response')
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|stack/i)
    // The one record is the backend's failure, with what went wrong for the operator; nothing unexpected failed.
    expect(logger.error.mock.calls).toEqual([
      [
        expect.objectContaining({
          event: 'backend_failed',
          route: 'sign-in',
          code: 'backend_invalid_response',
          detail: expect.any(String),
        }),
      ],
    ])
  })

  it('reads the session from the cookies without calling the backend', async () => {
    const { gatehouse, backend, signIn } = setup()
    const cookie = await signIn()
    backend.calls.length = 0
    const response = await gatehouse.handle(authRequest('session', { cookie }))
    expect(await bodyOf(response)).toMatchObject({ user: { id: '7' }, expiresAt: '2026-01-01T00:01:00.000Z' })
    expect(backend.lines()).toEqual([])
  })

  it('reads the session without a call to the coordination store either, once it has learned the sign-outs at its first request', async () => {
    const calls: string[] = []
    const store = new Proxy({} as CoordinationStore, { get: (_, method: string) => async () => void calls.push(method) })
    const { gatehouse, signIn } = setup({ coordination: { store } })
    const cookie = await signIn()
    expect(calls).toEqual(['watchRevocations'])
    const response = await gatehouse.handle(authRequest('session', { cookie }))
    expect(await bodyOf(response)).toMatchObject({ user: { id: '7' } })
    expect(await gatehouse.readSession(cookie)).toMatchObject({ user: { id: '7' } })
    expect(calls).toEqual(['watchRevocations'])
  })

  it('refreshes on a session read once the access token has expired, and rotates the cookies', async () => {
    const { gatehouse, backend, signIn } = setup()
    const cookie = await signIn()
    vi.setSystemTime(new Date('2026-01-01T00:02:00Z'))
    const response = await gatehouse.handle(authRequest('session', { cookie }))
    expect(await bodyOf(response)).toMatchObject({ user: { id: '7' }, expiresAt: '2026-01-01T00:03:00.000Z' })
    expect(backend.lines()).toEqual(['POST /auth/login', 'POST /auth/refresh'])
    expect(response.headers.getSetCookie()).toHaveLength(2)
    expect([...backend.liveRefreshTokens]).toEqual([expect.stringMatching(/^refresh-2@/)])
  })

  it.each([
    ['no cookies', ''],
    ['garbled cookies', '__Host-gatehouse.session=garbage; __Host-gatehouse.refresh=v1.AAAA.BBBB'],
  ])('answers { user: null } with %s, clearing any gatehouse cookie', async (_, cookie) => {
    const { gatehouse } = setup()
    const response = await gatehouse.handle(authRequest('session', { cookie }))
    expect(response.status).toBe(200)
    expect(await bodyOf(response)).toEqual({ user: null })
    expect(response.headers.getSetCookie().every((line) => line.includes('Max-Age=0'))).toBe(true)
    expect(response.headers.getSetCookie()).toHaveLength(cookie ? 2 : 0)
  })

  it('signs out on a refresh the backend rejects: 401 session_expired and cookies cleared', async () => {
    const { gatehouse, backend, signIn } = setup()
    const cookie = await signIn()
    backend.liveRefreshTokens.clear()
    const response = await gatehouse.handle(authRequest('refresh', { cookie }))
    expect(response.status).toBe(401)
    expect((await bodyOf(response)).error.code).toBe('session_expired')
    expect(cookiesFrom(response, cookie)).toBe('')
  })

  it('keeps the cookies when a refresh fails because the backend is down', async () => {
    const { gatehouse, backend, signIn } = setup()
    const cookie = await signIn()
    backend.state.mode = 'down'
    const response = await gatehouse.handle(authRequest('refresh', { cookie }))
    expect(response.status).toBe(502)
    expect(response.headers.getSetCookie()).toEqual([])
  })

  describe('a refresh told the expiry the tab knows', () => {
    const FIRST_EXPIRY = '2026-01-01T00:01:00.000Z'
    const refreshKnowing = (cookie: string, body: unknown = { knownExpiresAt: FIRST_EXPIRY }) => authRequest('refresh', { cookie, body })

    it('answers a session another tab already refreshed as it is, with no backend call and no cookie written', async () => {
      const { gatehouse, backend, signIn } = setup()
      const first = await signIn()
      vi.setSystemTime(new Date('2026-01-01T00:00:30Z'))
      const otherTab = await gatehouse.handle(authRequest('refresh', { cookie: first }))
      const shared = cookiesFrom(otherTab, first)
      backend.calls.length = 0
      const response = await gatehouse.handle(refreshKnowing(shared))
      expect(response.status).toBe(200)
      expect(await bodyOf(response)).toMatchObject({ user: { id: '7' }, expiresAt: '2026-01-01T00:01:30.000Z' })
      expect(backend.lines()).toEqual([])
      expect(response.headers.getSetCookie()).toEqual([])
    })

    it('refreshes when the cookies hold the session the tab knows', async () => {
      const { gatehouse, backend, signIn } = setup()
      const cookie = await signIn()
      vi.setSystemTime(new Date('2026-01-01T00:00:50Z'))
      const response = await gatehouse.handle(refreshKnowing(cookie))
      expect(await bodyOf(response)).toMatchObject({ expiresAt: '2026-01-01T00:01:50.000Z' })
      expect(backend.lines()).toEqual(['POST /auth/login', 'POST /auth/refresh'])
    })

    it('leaves a session with nothing to refresh it with standing until it expires, then answers as the session route does', async () => {
      const { gatehouse, backend, signIn } = setup({ refresh: false })
      const cookie = await signIn()
      const standing = await gatehouse.handle(refreshKnowing(cookie))
      expect(await bodyOf(standing)).toEqual(expect.objectContaining({ expiresAt: FIRST_EXPIRY, refreshable: false }))
      vi.setSystemTime(new Date('2026-01-01T00:01:00Z'))
      const ended = await gatehouse.handle(refreshKnowing(cookie))
      const endedBody = await bodyOf(ended)
      expect(endedBody).toEqual({ user: null })
      expect(endedBody).toEqual(await bodyOf(await gatehouse.handle(authRequest('session', { cookie }))))
      expect(backend.lines()).toEqual(['POST /auth/login'])
    })

    it('answers a tab that knows no session (null) with what the cookies hold, with no backend call', async () => {
      const { gatehouse, backend, signIn } = setup()
      const cookie = await signIn()
      const response = await gatehouse.handle(refreshKnowing(cookie, { knownExpiresAt: null }))
      expect(await bodyOf(response)).toMatchObject({ user: { id: '7' }, expiresAt: FIRST_EXPIRY })
      expect(backend.lines()).toEqual(['POST /auth/login'])
    })

    it('answers a tab whose session was ended in another tab as signed out, with no second rejection', async () => {
      const { gatehouse, backend, signIn } = setup()
      const cookie = await signIn()
      backend.liveRefreshTokens.clear()
      const rejected = await gatehouse.handle(refreshKnowing(cookie))
      expect(rejected.status).toBe(401)
      const afterwards = await gatehouse.handle(refreshKnowing(cookiesFrom(rejected, cookie)))
      expect(afterwards.status).toBe(200)
      expect(await bodyOf(afterwards)).toEqual({ user: null })
      expect(backend.lines()).toEqual(['POST /auth/login', 'POST /auth/refresh'])
    })

    it.each([
      ['not JSON', 'known=1', 'application/x-www-form-urlencoded', 415, 'unsupported_media_type'],
      ['malformed JSON', '{"knownExpiresAt":', 'application/json', 400, 'invalid_json'],
      ['not an object', '["2026-01-01T00:01:00.000Z"]', 'application/json', 400, 'invalid_body'],
      ['an expiry that is not a string', '{"knownExpiresAt":1}', 'application/json', 400, 'invalid_body'],
    ])('refuses a body that is %s (%s, as %s) with its status and code, and keeps the cookies', async (_, body, type, status, code) => {
      const { gatehouse, backend, signIn } = setup()
      const cookie = await signIn()
      const response = await gatehouse.handle(authRequest('refresh', { cookie, body, headers: { 'content-type': type } }))
      expect(response.status).toBe(status)
      expect((await bodyOf(response)).error.code).toBe(code)
      expect(response.headers.getSetCookie()).toEqual([])
      expect(backend.lines()).toEqual(['POST /auth/login'])
    })
  })

  it('clears the cookies on sign-out even when the backend fails', async () => {
    const { gatehouse, backend, logger, signIn } = setup()
    const cookie = await signIn()
    backend.state.mode = 'down'
    const response = await gatehouse.handle(authRequest('signOut', { cookie }))
    expect(response.status).toBe(200)
    expect(await bodyOf(response)).toEqual({ user: null })
    expect(cookiesFrom(response, cookie)).toBe('')
    expect(logger.warn).toHaveBeenCalledWith(expect.not.stringMatching(/access-|refresh-/))
  })

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    const { gatehouse } = setup()
    expect((await gatehouse.handle(authRequest('nope', { method: 'GET' }))).status).toBe(404)
    const wrongMethod = await gatehouse.handle(authRequest('signIn', { method: 'GET' }))
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('allow')).toBe('POST')
  })

  describe('in production without AUTH_SECRET', () => {
    beforeEach(() => {
      vi.stubEnv('NODE_ENV', 'production')
      vi.stubEnv('AUTH_SECRET', '')
    })
    afterEach(() => vi.unstubAllEnvs())

    it('can be created, as `next build` does when it loads the route modules', () => {
      expect(() => createGatehouse({ backend: restAdapter({ baseUrl: 'http://backend.test' }) })).not.toThrow()
    })

    it('refuses every request with server_misconfigured, no detail for the browser, and tells the operator once', async () => {
      const backend = createFakeBackend()
      const logger = { warn: vi.fn(), error: vi.fn() }
      const gatehouse = createGatehouse({ backend: restAdapter({ baseUrl: 'http://backend.test', fetch: backend.fetch }), logger })
      for (const request of [
        authRequest('signIn', { body: demo }),
        authRequest('session'),
        authRequest('refresh'),
        authRequest('signOut'),
      ]) {
        const response = await gatehouse.handle(request)
        expect(response.status).toBe(500)
        const { error } = await bodyOf(response)
        expect(error.code).toBe('server_misconfigured')
        expect(error.message).not.toMatch(/secret/i)
        expect(response.headers.getSetCookie()).toEqual([])
      }
      await expect(gatehouse.readSession(null)).rejects.toMatchObject({ code: 'server_misconfigured' })
      expect(backend.lines()).toEqual([])
      expect(logger.error).toHaveBeenCalledTimes(1)
      expect(logger.error).toHaveBeenCalledWith(expect.stringMatching(/AUTH_SECRET is not set/))
    })

    it('sends a plain form sign-in back to its page with ?error=server_misconfigured', async () => {
      const gatehouse = createGatehouse({
        backend: restAdapter({ baseUrl: 'http://backend.test' }),
        logger: { warn: vi.fn(), error: vi.fn() },
      })
      const response = await gatehouse.handle(
        authRequest('signIn', {
          body: 'email=demo%40example.com&password=demo-password',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'text/html',
            referer: 'http://app.test/sign-in?next=%2Fadmin',
          },
          client: false,
        }),
      )
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toBe('/sign-in?next=%2Fadmin&error=server_misconfigured')
    })

    it('names a secret that is too short in the log', async () => {
      vi.stubEnv('AUTH_SECRET', 'short')
      const logger = { warn: vi.fn(), error: vi.fn() }
      const gatehouse = createGatehouse({ backend: restAdapter({ baseUrl: 'http://backend.test' }), logger })
      expect((await gatehouse.handle(authRequest('session'))).status).toBe(500)
      expect(logger.error).toHaveBeenCalledWith(expect.stringMatching(/AUTH_SECRET must be at least 32 characters/))
    })
  })
})
