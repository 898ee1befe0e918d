import { describe, expect, it, vi } from 'vitest'
import { createGatehouse } from '../../src/server/createGatehouse'
import { restAdapter } from '../../src/server/backend/rest/restAdapter'
import { authRequest, cookiesFrom } from '../authRequests'
import { ADA } from '../backends/createFakeTokenApi'
import { ACCESS_LIFETIME_SECONDS, fakeTokenServer, type RefreshBehaviour } from '../backends/fakeTokenServer'

// The echoing server is exercised in refreshTerminates.test.ts, in a process of its own: a refresh
// that never ends there must fail the test, not hang the test runner.
const SERVERS: { refresh: RefreshBehaviour; refreshIn: 'body' | 'header' }[] = [
  { refresh: 'rotate-revoke-family', refreshIn: 'body' },
  { refresh: 'rotate-no-grace', refreshIn: 'body' },
  { refresh: 'omit', refreshIn: 'body' },
  { refresh: 'rotate-revoke-family', refreshIn: 'header' },
]

const LIFETIME_MS = ACCESS_LIFETIME_SECONDS * 1000

/** A gatehouse on a fake clock in front of one kind of token server. */
function gatehouseAgainst(server: { refresh: RefreshBehaviour; refreshIn?: 'body' | 'header' }) {
  const clock = { now: Date.parse('2026-01-01T00:00:00Z') }
  const now = () => clock.now
  const tokenServer = fakeTokenServer({ ...server, now })
  const gatehouse = createGatehouse({
    backend: restAdapter({ ...tokenServer.options, baseUrl: 'http://backend.test', fetch: tokenServer.fetch, now }),
    secret: 'token-server-test-secret-0123456789abcdef',
    now,
    logger: { warn: vi.fn(), error: vi.fn() },
  })
  return { clock, server: tokenServer, gatehouse }
}

describe.each(SERVERS)(
  'a token server that answers a refresh with $refresh (refresh token in the $refreshIn)',
  ({ refresh, refreshIn }) => {
    const setup = () => gatehouseAgainst({ refresh, refreshIn })
    const signedInAs = async (response: Response) => ((await response.clone().json()) as { user?: { name?: string } | null }).user?.name

    it('keeps the person signed in across four access-token lifetimes, one backend refresh each, whichever way the session is read', async () => {
      const { clock, server, gatehouse } = setup()
      const signInAnswer = await gatehouse.handle(authRequest('signIn', { body: { username: ADA.username, password: ADA.password } }))
      expect(await signedInAs(signInAnswer)).toBe('Ada Lovelace')
      let cookie = cookiesFrom(signInAnswer)

      // 1: a page's session read.
      clock.now += LIFETIME_MS + 1_000
      const read = await gatehouse.handle(authRequest('session', { cookie }))
      expect(await signedInAs(read)).toBe('Ada Lovelace')
      cookie = cookiesFrom(read, cookie)
      expect(cookie).toMatch(/gatehouse\.refresh=/)

      // 2: the machine's refresh.
      clock.now += LIFETIME_MS + 1_000
      const refreshed = await gatehouse.handle(authRequest('refresh', { cookie }))
      expect(refreshed.status).toBe(200)
      expect(await refreshed.clone().json()).not.toHaveProperty('refreshable')
      const beforeStorm = cookie
      cookie = cookiesFrom(refreshed, cookie)

      // 3: ten tabs at once, and a late one still holding the cookies from before the last refresh.
      clock.now += LIFETIME_MS + 1_000
      const storm = await Promise.all(Array.from({ length: 10 }, () => gatehouse.handle(authRequest('session', { cookie }))))
      for (const response of storm) expect(await signedInAs(response)).toBe('Ada Lovelace')
      const late = await gatehouse.handle(authRequest('session', { cookie: beforeStorm }))
      expect(await signedInAs(late)).toBe('Ada Lovelace')
      cookie = cookiesFrom(storm[9]!, cookie)

      // 4: proxy.ts before a render.
      clock.now += LIFETIME_MS + 1_000
      const resumed = await gatehouse.resumeSession(cookie)
      expect(resumed.session?.user.name).toBe('Ada Lovelace')
      expect(resumed.cookies.map((write) => write.name)).toContain('gatehouse.refresh')

      expect(server.stats).toEqual({ signIns: 1, refreshes: 4, replays: 0 })
    })

    it('a refresh asked for moments after the last one (the backend refused the token) brings a new access token', async () => {
      const { clock, server, gatehouse } = setup()
      let cookie = cookiesFrom(await gatehouse.handle(authRequest('signIn', { body: { username: ADA.username, password: ADA.password } })))
      clock.now += LIFETIME_MS + 1_000
      cookie = cookiesFrom(await gatehouse.handle(authRequest('session', { cookie })), cookie)
      const held = await gatehouse.authorize(cookie)
      clock.now += 5_000
      const renewed = await gatehouse.authorize(cookie, { renew: true })
      expect(renewed.accessToken).not.toBeNull()
      expect(renewed.accessToken).not.toBe(held.accessToken)
      expect(server.stats.refreshes).toBe(2)
      expect(server.stats.replays).toBe(0)
    })
  },
)

describe('a token server that answers a refresh without a refresh token (RFC 6749 §6)', () => {
  it('keeps the stored refresh token and its expiry', async () => {
    const { clock, gatehouse } = gatehouseAgainst({ refresh: 'omit' })
    const refreshCookieExpiry = (response: Response) =>
      response.headers
        .getSetCookie()
        .find((line) => line.startsWith('gatehouse.refresh='))
        ?.match(/Expires=([^;]+)/)?.[1]
    const signIn = await gatehouse.handle(authRequest('signIn', { body: { username: ADA.username, password: ADA.password } }))
    const expiry = refreshCookieExpiry(signIn)
    expect(expiry).toBe(new Date(Date.parse('2026-01-01T00:00:00Z') + 86_400_000).toUTCString())
    clock.now += LIFETIME_MS + 1_000
    const refreshed = await gatehouse.handle(authRequest('refresh', { cookie: cookiesFrom(signIn) }))
    expect(refreshed.status).toBe(200)
    expect(refreshCookieExpiry(refreshed)).toBe(expiry)
  })
})
