import { describe, expect, it } from 'vitest'
import { authRequest, cookiesFrom } from '../../../test/authRequests'
import { createTestGatehouse } from '../../../test/gatehouseFixture'

const MINUTE = 60_000
const SIGNED_IN_AT = Date.parse('2026-01-01T00:00:00Z')
const at = (minutes: number) => new Date(SIGNED_IN_AT + minutes * MINUTE).toISOString()

/** A gatehouse that signs out after 30 idle minutes, with 10-minute access tokens, and a tab that refreshes every 9 minutes. */
async function idleTimeoutGatehouse() {
  const fixture = createTestGatehouse({ idleTimeoutMs: 30 * MINUTE, backendOptions: { accessTtlMs: 10 * MINUTE } })
  const signedIn = await fixture.gatehouse.handle(authRequest('signIn', { body: { email: 'demo@example.com', password: 'demo-password' } }))
  let cookie = cookiesFrom(signedIn)
  const signInBody = await signedIn.json()
  let knownExpiresAt: string = signInBody.expiresAt
  /**
   * The tab's timer-driven refresh, 9 minutes after the last, saying how long the person has been
   * inactive (`inactiveMs`, or since `lastActiveAt`), or nothing of it.
   */
  const refreshLater = async ({ lastActiveAt, ...fields }: { inactiveMs?: unknown; lastActiveAt?: number } = {}) => {
    fixture.clock.now += 9 * MINUTE
    const inactiveMs = lastActiveAt === undefined ? fields.inactiveMs : fixture.clock.now - lastActiveAt
    const response = await fixture.gatehouse.handle(authRequest('refresh', { cookie, body: { knownExpiresAt, inactiveMs } }))
    const body = await response.json()
    cookie = cookiesFrom(response, cookie)
    if (body.expiresAt) knownExpiresAt = body.expiresAt
    return { status: response.status, body }
  }
  return { ...fixture, signInBody, refreshLater }
}

describe('idle timeout: background refreshes are not activity', () => {
  it('tells the browser when idleness ends, from the sign-in on', async () => {
    const { signInBody } = await idleTimeoutGatehouse()
    expect(signInBody).toMatchObject({ expiresAt: at(10), idleEndsAt: at(30) })
  })

  it('keeps the last activity through background refreshes, and signs an unattended tab out idleTimeoutMs after it', async () => {
    const { refreshLater, backend } = await idleTimeoutGatehouse()
    for (const minutes of [9, 18, 27]) {
      const { status, body } = await refreshLater({ lastActiveAt: SIGNED_IN_AT })
      expect(status).toBe(200)
      // Refreshed (a new token), but still idle since the sign-in.
      expect(body).toMatchObject({ user: { id: '7' }, expiresAt: at(minutes + 10), idleEndsAt: at(30) })
    }
    const idle = await refreshLater({ lastActiveAt: SIGNED_IN_AT })
    expect(idle.body).toEqual({ user: null })
    expect(backend.lines().filter((call) => call === 'POST /auth/refresh')).toHaveLength(3)
  })

  it('keeps a session whose refreshes report recent activity, counted when the person acted, not when the refresh came', async () => {
    const { refreshLater } = await idleTimeoutGatehouse()
    for (let refreshes = 1; refreshes <= 10; refreshes += 1) {
      const { body } = await refreshLater({ inactiveMs: 2 * MINUTE })
      expect(body).toMatchObject({ user: { id: '7' }, idleEndsAt: at(refreshes * 9 - 2 + 30) })
    }
  })

  it('counts a refresh that says nothing of activity (an older client) as activity, as before', async () => {
    const { refreshLater } = await idleTimeoutGatehouse()
    for (const minutes of [9, 18, 27, 36, 45]) expect((await refreshLater()).body).toMatchObject({ idleEndsAt: at(minutes + 30) })
  })

  it('never lets a claim move activity back before the last counted, nor past now', async () => {
    const { refreshLater } = await idleTimeoutGatehouse()
    expect((await refreshLater({ inactiveMs: 365 * 24 * 60 * MINUTE })).body).toMatchObject({ user: { id: '7' }, idleEndsAt: at(30) })
    expect((await refreshLater({ inactiveMs: 0 })).body).toMatchObject({ idleEndsAt: at(18 + 30) })
  })

  it.each([[-1], ['soon'], [null], [[0]]])('refuses inactiveMs %j with 400 invalid_body', async (inactiveMs) => {
    const { refreshLater } = await idleTimeoutGatehouse()
    const { status, body } = await refreshLater({ inactiveMs })
    expect(status).toBe(400)
    expect(body.error.code).toBe('invalid_body')
  })
})
