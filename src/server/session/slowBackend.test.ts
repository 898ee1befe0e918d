import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it, vi } from 'vitest'
import { authRequest, cookiesFrom } from '../../../test/authRequests'
import { ADA } from '../../../test/backends/createFakeTokenApi'
import { fakeTokenServer } from '../../../test/backends/fakeTokenServer'
import { createFakeBackend } from '../../../test/fakeBackend'
import { restAdapter } from '../backend/rest/restAdapter'
import { createGatehouse } from '../createGatehouse'

const SECRET = 'slow-backend-test-secret-0123456789abcdef'
const TIMEOUT_MS = 50

/**
 * Holds back the backend's answers to the requests `held` picks until `release()`, as a stalled
 * backend does, and counts them. The backend does the work whether or not anyone still listens:
 * a caller that aborts only stops listening.
 */
function holdBack(fetchImpl: typeof fetch, held: (request: Request) => Promise<boolean>) {
  let release!: () => void
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  const counts = { held: 0, answered: 0 }
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    if (!(await held(request.clone()))) return fetchImpl(request)
    counts.held += 1
    const answered = released
      .then(() => fetchImpl(new Request(request, { signal: null })))
      .then((response) => {
        counts.answered += 1
        return response
      })
    return new Promise<Response>((resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason))
      answered.then(resolve, reject)
    })
  }
  return { fetch: fetch as typeof globalThis.fetch, release, counts }
}

const isRefresh = async (request: Request) => (await request.text()).includes('grant_type=refresh_token')
const until = async (condition: () => boolean) => {
  while (!condition()) await sleep(5)
}

/** A token server that rotates refresh tokens and revokes the family when an old one comes back, with no grace. */
function slowTokenServer({ refreshGraceMs }: { refreshGraceMs?: number } = {}) {
  const clock = { now: Date.parse('2026-01-01T00:00:00Z') }
  const now = () => clock.now
  const server = fakeTokenServer({ refresh: 'rotate-revoke-family', now })
  const slow = holdBack(server.fetch, isRefresh)
  const logger = { warn: vi.fn(), error: vi.fn() }
  const gatehouse = createGatehouse({
    backend: restAdapter({ ...server.options, baseUrl: 'http://backend.test', fetch: slow.fetch, now, timeoutMs: TIMEOUT_MS }),
    secret: SECRET,
    now,
    refreshGraceMs,
    logger,
  })
  const signIn = async () =>
    cookiesFrom(await gatehouse.handle(authRequest('signIn', { body: { username: ADA.username, password: ADA.password } })))
  const read = async (cookie: string) => {
    const response = await gatehouse.handle(authRequest('session', { cookie }))
    const body = await response.json()
    return { status: response.status, body, setCookies: response.headers.getSetCookie(), cookie: cookiesFrom(response, cookie) }
  }
  return { clock, server, slow, gatehouse, signIn, read, logger }
}

describe('a refresh the backend answers after the request gave up', () => {
  it('answers 504 and keeps the cookies; later requests wait for the same call; its answer is the session’s, and the backend never sees the old token twice', async () => {
    const { clock, server, slow, gatehouse, signIn, read } = slowTokenServer()
    const cookie = await signIn()
    clock.now += 61_000

    const first = await read(cookie)
    expect([first.status, first.body.error.code, first.setCookies]).toEqual([504, 'backend_timeout', []])
    // A retry, and another tab's conditional refresh, while the call is still out: no second call.
    expect((await read(cookie)).status).toBe(504)
    const knownExpiresAt = new Date(clock.now - 1_000).toISOString()
    const conditional = await gatehouse.handle(authRequest('refresh', { cookie, body: { knownExpiresAt } }))
    expect(conditional.status).toBe(504)
    expect(slow.counts.held).toBe(1)

    slow.release()
    await until(() => slow.counts.answered === 1)
    const late = await read(cookie)
    expect([late.status, late.body.user?.email]).toEqual([200, ADA.email])
    expect(server.stats).toMatchObject({ refreshes: 1, replays: 0 })

    // The successor refreshes in turn: the family is intact.
    clock.now += 61_000
    const next = await read(late.cookie)
    expect([next.status, next.body.user?.email]).toEqual([200, ADA.email])
    expect(server.stats).toMatchObject({ refreshes: 2, replays: 0 })
  })

  it('keeps an answer nobody was waiting for past the grace window, until the browser comes back for it', async () => {
    const { clock, server, slow, signIn, read } = slowTokenServer({ refreshGraceMs: 100 })
    const cookie = await signIn()
    clock.now += 61_000
    expect((await read(cookie)).status).toBe(504)
    slow.release()
    await until(() => slow.counts.answered === 1)
    await sleep(300)
    const back = await read(cookie)
    expect([back.status, back.body.user?.email]).toEqual([200, ADA.email])
    expect(server.stats).toMatchObject({ refreshes: 1, replays: 0 })
  })

  it('records a late rejection too: the session ends once, with no second call', async () => {
    const backend = createFakeBackend({ accessTtlMs: 1_000 })
    const slow = holdBack(backend.fetch, async (request) => new URL(request.url).pathname === '/auth/refresh')
    const gatehouse = createGatehouse({
      backend: restAdapter({ baseUrl: 'http://backend.test', fetch: slow.fetch, timeoutMs: TIMEOUT_MS }),
      secret: SECRET,
      logger: { warn: vi.fn(), error: vi.fn() },
    })
    const cookie = cookiesFrom(
      await gatehouse.handle(authRequest('signIn', { body: { email: 'demo@example.com', password: 'demo-password' } })),
    )
    await sleep(1_100)
    expect((await gatehouse.handle(authRequest('session', { cookie }))).status).toBe(504)
    backend.liveRefreshTokens.clear()
    slow.release()
    await until(() => slow.counts.answered === 1)
    const ended = await gatehouse.handle(authRequest('session', { cookie }))
    expect([ended.status, (await ended.json()).user]).toEqual([200, null])
    expect(ended.headers.getSetCookie().every((line) => /Max-Age=0/.test(line))).toBe(true)
    expect(backend.lines().filter((line) => line === 'POST /auth/refresh')).toHaveLength(1)
  })
})

describe('a sign-in or sign-out the backend answers after the request gave up', () => {
  const slowSeedBackend = (path: string) => {
    const backend = createFakeBackend()
    const slow = holdBack(backend.fetch, async (request) => new URL(request.url).pathname === path)
    const logger = { warn: vi.fn(), error: vi.fn() }
    const gatehouse = createGatehouse({
      backend: restAdapter({ baseUrl: 'http://backend.test', fetch: slow.fetch, timeoutMs: TIMEOUT_MS }),
      secret: SECRET,
      logger,
    })
    return { backend, slow, logger, gatehouse }
  }

  it('signs a late sign-in out at the backend: no backend session is left that nobody holds', async () => {
    const { backend, slow, logger, gatehouse } = slowSeedBackend('/auth/login')
    const response = await gatehouse.handle(authRequest('signIn', { body: { email: 'demo@example.com', password: 'demo-password' } }))
    expect([response.status, (await response.json()).error.code, response.headers.getSetCookie()]).toEqual([504, 'backend_timeout', []])
    slow.release()
    await until(() => backend.lines().includes('POST /auth/logout'))
    const issued = backend.calls.find((call) => call.path === '/auth/logout')!.bearer
    expect(issued).toMatch(/^access-/)
    expect(backend.liveAccessTokens.has(issued!)).toBe(true)
    await until(() => logger.warn.mock.calls.length > 0)
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/sign-in answered after its request had given up; it was signed out at the backend/),
    )
  })

  it('clears the cookies of a sign-out at once, and logs the backend’s late answer', async () => {
    const { backend, slow, logger, gatehouse } = slowSeedBackend('/auth/logout')
    const cookie = cookiesFrom(
      await gatehouse.handle(authRequest('signIn', { body: { email: 'demo@example.com', password: 'demo-password' } })),
    )
    const response = await gatehouse.handle(authRequest('signOut', { cookie }))
    expect(response.status).toBe(200)
    expect(response.headers.getSetCookie().every((line) => /Max-Age=0/.test(line))).toBe(true)
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/did not confirm the sign-out \(backend_timeout\)/))
    slow.release()
    await until(() => logger.warn.mock.calls.length === 2)
    expect(logger.warn).toHaveBeenLastCalledWith(expect.stringMatching(/confirmed a sign-out late/))
    expect(backend.lines().filter((line) => line === 'POST /auth/logout')).toHaveLength(1)
  })
})
