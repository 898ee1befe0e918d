import { describe, expect, it } from 'vitest'
import { authRequest, cookiesFrom } from '../../../test/authRequests'
import { ADA } from '../../../test/backends/createFakeTokenApi'
import { fakeTokenServer } from '../../../test/backends/fakeTokenServer'
import { createGatehouse } from '../createGatehouse'
import { restAdapter } from '../backend/rest/restAdapter'
import { createRefreshFlights } from './createRefreshFlights'

/** The token server rotates refresh tokens and revokes the whole family when one is used twice, with no grace. */
describe('refresh races against a backend that revokes on reuse', () => {
  const clock = { now: Date.parse('2026-01-01T00:00:00Z') }
  const now = () => clock.now
  const server = fakeTokenServer({ refresh: 'rotate-revoke-family', now })

  const gatehouseFor = () =>
    createGatehouse({
      backend: restAdapter({ ...server.options, baseUrl: 'http://backend.test', fetch: server.fetch, now }),
      secret: 'race-test-secret-0123456789abcdefghij',
      now,
    })
  const signIn = async (gatehouse: ReturnType<typeof gatehouseFor>) =>
    cookiesFrom(await gatehouse.handle(authRequest('signIn', { body: { username: ADA.username, password: ADA.password } })))

  it('50 concurrent session reads with an expired access token make one backend refresh, all signed in', async () => {
    const gatehouse = gatehouseFor()
    const cookie = await signIn(gatehouse)
    clock.now += 61_000
    const before = server.stats.refreshes
    const responses = await Promise.all(Array.from({ length: 50 }, () => gatehouse.handle(authRequest('session', { cookie }))))
    const bodies = await Promise.all(responses.map((response) => response.json()))
    expect(server.stats.refreshes - before).toBe(1)
    expect(bodies.every((body) => body.user?.email === ADA.email)).toBe(true)

    // Every answer carries the same successor tokens; any of them keeps working, refresh after refresh.
    let next = cookiesFrom(responses[49]!, cookie)
    for (let round = 0; round < 3; round += 1) {
      clock.now += 61_000
      const response = await gatehouse.handle(authRequest('session', { cookie: next }))
      expect((await response.json()).user?.email).toBe(ADA.email)
      next = cookiesFrom(response, next)
    }
    expect(server.stats.refreshes - before).toBe(4)
  })

  it('a late request with the old refresh token gets the newest tokens, never older ones, and no second exchange', async () => {
    const gatehouse = gatehouseFor()
    const v1 = await signIn(gatehouse)
    clock.now += 61_000
    const v2 = cookiesFrom(await gatehouse.handle(authRequest('session', { cookie: v1 })), v1)
    clock.now += 61_000
    const v3 = cookiesFrom(await gatehouse.handle(authRequest('session', { cookie: v2 })), v2)
    const before = server.stats.refreshes
    const late = await gatehouse.handle(authRequest('refresh', { cookie: v1 }))
    expect(late.status).toBe(200)
    expect(server.stats.refreshes).toBe(before)
    const fromLate = cookiesFrom(late, v1)
    // The late answer seals the same tokens as v3 (the browser may keep either): both still refresh.
    clock.now += 61_000
    for (const cookie of [fromLate, v3]) {
      const response = await gatehouse.handle(authRequest('session', { cookie }))
      expect((await response.json()).user?.email).toBe(ADA.email)
    }
    expect(server.stats.refreshes).toBe(before + 1)
  })

  it('route handlers and proxy.ts in separate bundles share flights within one process', async () => {
    const routes = gatehouseFor()
    const proxy = gatehouseFor()
    const cookie = await signIn(routes)
    clock.now += 61_000
    const before = server.stats.refreshes
    const [fromRoute, fromProxy] = await Promise.all([routes.handle(authRequest('session', { cookie })), proxy.resumeSession(cookie)])
    expect((await fromRoute.json()).user?.id).toBe('42')
    expect(fromProxy.session?.user.id).toBe('42')
    expect(server.stats.refreshes - before).toBe(1)
  })
})

describe('refresh flights against a backend whose tokens arrive already expired (its clock is behind)', () => {
  it('make one exchange per call, not one more for a fresher answer that cannot come', async () => {
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') }
    const flights = createRefreshFlights({ graceMs: 60_000, waitMs: 10_000, now: () => clock.now })
    const user = { id: '1', roles: [] }
    let exchanges = 0
    const outcome = await flights.run(
      { refreshToken: `behind-${crypto.randomUUID()}`, expiresAt: clock.now + 86_400_000 },
      async (refreshToken) => {
        exchanges += 1
        return {
          tokens: { accessToken: `access-${exchanges}`, accessTokenExpiresAt: clock.now - 1, refreshToken: `${refreshToken}+` },
          user,
        }
      },
    )
    expect(outcome?.tokens.accessToken).toBe('access-1')
    expect(exchanges).toBe(1)
  })
})
