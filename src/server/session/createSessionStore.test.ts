import { createHook } from 'node:async_hooks'
import { describe, expect, it } from 'vitest'
import { authRequest, cookiesFrom } from '../../../test/authRequests'
import { createTestGatehouse } from '../../../test/gatehouseFixture'
import { createSealer } from './createSealer'
import { createSessionStore } from './createSessionStore'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const cookieValue = (cookie: string, name: string) =>
  cookie
    .split('; ')
    .find((pair) => pair.startsWith(`${name}=`))!
    .slice(name.length + 1)

describe('session lifetimes, on a fake clock', () => {
  it('never outlives the refresh token: cookies expire with it and a late read is signed out', async () => {
    const { clock, gatehouse, signIn, sessionOf } = createTestGatehouse({ backendOptions: { accessTtlMs: MINUTE, refreshTtlMs: HOUR } })
    const signedIn = await gatehouse.handle(authRequest('signIn', { body: { email: 'demo@example.com', password: 'demo-password' } }))
    for (const line of signedIn.headers.getSetCookie()) expect(line).toContain('Expires=Thu, 01 Jan 2026 01:00:00 GMT')
    const cookie = await signIn()
    clock.now += HOUR + 1
    const { body, cookie: after } = await sessionOf(cookie)
    expect(body).toEqual({ user: null })
    expect(after).toBe('')
  })

  it('ends after idleTimeoutMs without a sign-in or refresh, and a refresh counts as activity', async () => {
    const { clock, signIn, sessionOf, backend } = createTestGatehouse({
      idleTimeoutMs: 30 * MINUTE,
      backendOptions: { accessTtlMs: 10 * MINUTE },
    })
    let cookie = await signIn()
    for (let step = 0; step < 6; step += 1) {
      clock.now += 20 * MINUTE
      const read = await sessionOf(cookie)
      expect(read.body.user?.id).toBe('7')
      cookie = read.cookie
    }
    expect(backend.lines().filter((call) => call === 'POST /auth/refresh')).toHaveLength(6)
    clock.now += 30 * MINUTE
    const idle = await sessionOf(cookie)
    expect(idle.body).toEqual({ user: null })
    expect(idle.cookie).toBe('')
    expect(backend.lines().filter((call) => call === 'POST /auth/refresh')).toHaveLength(6)
  })

  it('ends absoluteLifetimeMs after sign-in however active, and the cookies expire then', async () => {
    const { clock, gatehouse, sessionOf } = createTestGatehouse({
      absoluteLifetimeMs: 2 * HOUR,
      backendOptions: { accessTtlMs: 10 * MINUTE, refreshTtlMs: 24 * HOUR },
    })
    const signedIn = await gatehouse.handle(authRequest('signIn', { body: { email: 'demo@example.com', password: 'demo-password' } }))
    for (const line of signedIn.headers.getSetCookie()) expect(line).toContain('Expires=Thu, 01 Jan 2026 02:00:00 GMT')
    let cookie = cookiesFrom(signedIn)
    for (let elapsed = 0; elapsed + 15 * MINUTE < 2 * HOUR; elapsed += 15 * MINUTE) {
      clock.now += 15 * MINUTE
      const read = await sessionOf(cookie)
      expect(read.body.user?.id).toBe('7')
      expect(Date.parse(read.body.expiresAt)).toBeLessThanOrEqual(Date.parse('2026-01-01T02:00:00Z'))
      cookie = read.cookie
    }
    clock.now = Date.parse('2026-01-01T02:00:00Z')
    expect((await sessionOf(cookie)).body).toEqual({ user: null })
  })

  it('without limits, survives days of inactivity while the refresh token lasts', async () => {
    const { clock, signIn, sessionOf } = createTestGatehouse({ backendOptions: { accessTtlMs: 10 * MINUTE, refreshTtlMs: 30 * 24 * HOUR } })
    const cookie = await signIn()
    clock.now += 10 * 24 * HOUR
    expect((await sessionOf(cookie)).body.user?.id).toBe('7')
  })
})

describe('tampered cookies sign the visitor out, clear the cookies, and never answer 500', () => {
  const OTHER_SECRET = 'another-secret-entirely-0123456789abcdefgh'

  const tamperings: Array<[string, (cookie: string) => Promise<string>]> = [
    ['garbage in both', async () => 'gatehouse.session=garbage; gatehouse.refresh=garbage'],
    ['garbage session only', async (cookie) => cookie.replace(/gatehouse\.session=[^;]+/, 'gatehouse.session=%00%ff')],
    ['an empty value', async (cookie) => cookie.replace(/gatehouse\.session=[^;]+/, 'gatehouse.session=')],
    ['truncated session', async (cookie) => cookie.replace(/(gatehouse\.session=[^;]+)/, (pair) => pair.slice(0, -10))],
    ['truncated refresh', async (cookie) => cookie.replace(/(gatehouse\.refresh=[^;]+)/, (pair) => pair.slice(0, -1))],
    [
      'a flipped character',
      async (cookie) => cookie.replace(/(gatehouse\.session=v1\.[^.]+\.)(.)/, (_, head, char) => head + (char === 'A' ? 'B' : 'A')),
    ],
    [
      're-sealed with another key',
      async (cookie) => {
        const sealer = createSealer([OTHER_SECRET])
        const forged = await sealer.seal(
          {
            user: { id: '1', roles: ['admin'] },
            accessToken: 'forged',
            expiresAt: Date.parse('2030-01-01'),
            startedAt: 0,
            activeAt: Date.parse('2026-01-01'),
          },
          'gatehouse.session',
        )
        return cookie.replace(/gatehouse\.session=[^;]+/, `gatehouse.session=${forged}`)
      },
    ],
    [
      'the two cookies swapped',
      async (cookie) =>
        `gatehouse.session=${cookieValue(cookie, 'gatehouse.refresh')}; gatehouse.refresh=${cookieValue(cookie, 'gatehouse.session')}`,
    ],
    ['a refresh cookie without its session cookie', async (cookie) => `gatehouse.refresh=${cookieValue(cookie, 'gatehouse.refresh')}`],
    ['another version prefix', async (cookie) => cookie.replace('gatehouse.session=v1.', 'gatehouse.session=v2.')],
    ['a 10 kB value', async () => `gatehouse.session=v1.${'A'.repeat(10_000)}.${'B'.repeat(100)}`],
    [
      'chunks that do not join into a sealed value',
      async (cookie) =>
        `gatehouse.session.0=v1.AAAA; gatehouse.session.1=BBBB; gatehouse.refresh=${cookieValue(cookie, 'gatehouse.refresh')}`,
    ],
  ]

  it.each(tamperings)('%s', async (_, tamper) => {
    const { signIn, sessionOf, gatehouse, backend } = createTestGatehouse()
    const cookie = await tamper(await signIn())
    backend.calls.length = 0
    const { response, body, cookie: after } = await sessionOf(cookie)
    expect(response.status).toBe(200)
    expect(body).toEqual({ user: null })
    expect(after).toBe('')
    expect(await gatehouse.readSession(cookie)).toBeNull()
    for (const route of ['refresh', 'signOut'] as const)
      expect((await gatehouse.handle(authRequest(route, { cookie }))).status).toBeLessThan(500)
    expect(backend.lines().filter((call) => call !== 'POST /auth/logout')).toEqual([])
  })
})

describe('reading cookies the server has opened before', () => {
  // Inside Next.js every promise carries the request's async context, so each one costs a
  // session read more than the work it stands for; most reads are of cookies opened before.
  it('makes one promise, the read itself, and waits for nothing', async () => {
    const sealer = createSealer(['a-secret-for-this-test-only-0123456789'])
    const store = createSessionStore(sealer, { secure: false, now: () => Date.parse('2026-01-01') })
    const tokens = { accessToken: 'a', refreshToken: 'r', accessTokenExpiresAt: Date.parse('2026-01-02') }
    const { cookies } = await store.write(tokens, { id: '1', roles: [] }, { present: [], discard: false })
    const header = cookies.map(({ name, value }) => `${name}=${value}`).join('; ')
    expect((await store.read(header)).access?.accessToken).toBe('a')
    let promises = 0
    const counting = createHook({ init: (_id, type) => void (type === 'PROMISE' && promises++) }).enable()
    const read = store.read(header)
    counting.disable()
    expect(promises).toBe(1)
    expect((await read).refresh?.refreshToken).toBe('r')
  })
})
