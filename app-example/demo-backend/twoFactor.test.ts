import { describe, expect, it } from 'vitest'
import { startTestBackend } from './startTestBackend'
import { totpCode } from './totp'

const TOTP = { email: 'totp@example.com', password: 'totp-password' }
const SECRET = 'JBSWY3DPEHPK3PXP'
const INVALID_CODE = { error: 'invalid_code', message: 'The code is not valid.' }
const SIGN_IN_AGAIN = { error: 'invalid_mfa_token', message: 'Sign in again.' }

type Backend = Awaited<ReturnType<typeof startTestBackend>>

/** Signs the TOTP user in with the right password and returns the mfa_token of the 403. */
async function challenge({ signIn }: Backend, credentials = TOTP): Promise<string> {
  const response = await signIn(credentials)
  expect(response.status).toBe(403)
  const body = (await response.json()) as { mfa_token: string }
  return body.mfa_token
}

/** A wrong code for now: the right one with its last digit changed. */
function wrongCode(timeMs: number): string {
  const right = totpCode(SECRET, timeMs)
  return right.slice(0, 5) + String((Number(right[5]) + 1) % 10)
}

describe('signing in with a second factor', () => {
  it('answers 403 mfa_required with a random mfa_token after the right password, and no tokens', async () => {
    const backend = await startTestBackend()
    const response = await backend.signIn(TOTP)
    expect(response.status).toBe(403)
    const body = await response.json()
    expect(body).toEqual({ error: 'mfa_required', message: 'Enter the code from your authenticator app.', mfa_token: expect.any(String) })
    expect(body.mfa_token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await challenge(backend)).not.toBe(body.mfa_token)
    expect(backend.backend.stats.logins).toBe(0)
  })

  it('answers 401 as for anyone to a wrong password, with no mfa_token', async () => {
    const { signIn } = await startTestBackend()
    const response = await signIn({ ...TOTP, password: 'wrong-password' })
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ message: 'These credentials do not match our records.' })
  })

  it('signs in with the current TOTP code: the session body of /auth/login', async () => {
    const backend = await startTestBackend()
    const mfaToken = await challenge(backend)
    const response = await backend.post('/auth/two-factor', { mfa_token: mfaToken, code: totpCode(SECRET, backend.clock.now) })
    expect(response.status).toBe(200)
    const { data } = (await response.json()) as { data: Record<string, unknown> }
    expect(data).toEqual({
      token: expect.any(String),
      token_expires_at: new Date(backend.clock.now + 900_000).toISOString(),
      refresh_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      refresh_token_expires_at: new Date(backend.clock.now + 3_600_000).toISOString(),
      user: { id: '3', name: 'Totp User', email: 'totp@example.com', role: 'user' },
    })
    const profile = await fetch(`${backend.baseUrl}/auth/profile`, { headers: { authorization: `Bearer ${data.token}` } })
    expect(profile.status).toBe(200)
    expect(backend.backend.stats.secondFactors).toBe(1)
  })

  it('accepts the code of the step before or after, but not two steps away', async () => {
    const backend = await startTestBackend()
    const { clock, post } = backend
    const twoAway = await post('/auth/two-factor', { mfa_token: await challenge(backend), code: totpCode(SECRET, clock.now - 60_000) })
    expect(twoAway.status).toBe(401)
    const before = await post('/auth/two-factor', { mfa_token: await challenge(backend), code: totpCode(SECRET, clock.now - 30_000) })
    expect(before.status).toBe(200)
    const after = await post('/auth/two-factor', { mfa_token: await challenge(backend), code: totpCode(SECRET, clock.now + 30_000) })
    expect(after.status).toBe(200)
  })

  it('does not accept a code twice, even with a new mfa_token, nor an earlier one after it', async () => {
    const backend = await startTestBackend()
    const code = totpCode(SECRET, backend.clock.now)
    expect((await backend.post('/auth/two-factor', { mfa_token: await challenge(backend), code })).status).toBe(200)
    const replay = await backend.post('/auth/two-factor', { mfa_token: await challenge(backend), code })
    expect(replay.status).toBe(401)
    expect(await replay.json()).toEqual(INVALID_CODE)
    const earlier = await backend.post('/auth/two-factor', {
      mfa_token: await challenge(backend),
      code: totpCode(SECRET, backend.clock.now - 30_000),
    })
    expect(earlier.status).toBe(401)
    backend.clock.now += 30_000
    const next = await backend.post('/auth/two-factor', { mfa_token: await challenge(backend), code: totpCode(SECRET, backend.clock.now) })
    expect(next.status).toBe(200)
  })

  it('takes each recovery code once, as the code of the second step', async () => {
    const backend = await startTestBackend()
    const use = async (recoveryCode: string) =>
      (await backend.post('/auth/two-factor', { mfa_token: await challenge(backend), recovery_code: recoveryCode })).status
    expect(await use('recovery-code-one')).toBe(200)
    expect(await use('recovery-code-one')).toBe(401)
    expect(await use('recovery-code-two')).toBe(200)
    expect(await use('recovery-code-two')).toBe(401)
    expect(await use('not-a-recovery-code')).toBe(401)
    expect(backend.backend.stats.secondFactors).toBe(2)
  })

  it('keeps recovery codes used on one backend for that backend only', async () => {
    const first = await startTestBackend()
    await first.post('/auth/two-factor', { mfa_token: await challenge(first), recovery_code: 'recovery-code-one' })
    const second = await startTestBackend()
    const response = await second.post('/auth/two-factor', { mfa_token: await challenge(second), recovery_code: 'recovery-code-one' })
    expect(response.status).toBe(200)
  })

  it('answers 401 invalid_code to a wrong code and keeps the mfa_token for another try', async () => {
    const backend = await startTestBackend()
    const mfaToken = await challenge(backend)
    const wrong = await backend.post('/auth/two-factor', { mfa_token: mfaToken, code: wrongCode(backend.clock.now) })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual(INVALID_CODE)
    const right = await backend.post('/auth/two-factor', { mfa_token: mfaToken, code: totpCode(SECRET, backend.clock.now) })
    expect(right.status).toBe(200)
  })

  it('uses the mfa_token up once the sign-in is complete', async () => {
    const backend = await startTestBackend()
    const mfaToken = await challenge(backend)
    await backend.post('/auth/two-factor', { mfa_token: mfaToken, recovery_code: 'recovery-code-one' })
    const again = await backend.post('/auth/two-factor', { mfa_token: mfaToken, recovery_code: 'recovery-code-two' })
    expect(again.status).toBe(401)
    expect(await again.json()).toEqual(SIGN_IN_AGAIN)
  })

  it('answers 401 invalid_mfa_token to an unknown mfa_token, or one older than 5 minutes', async () => {
    const backend = await startTestBackend()
    const unknown = await backend.post('/auth/two-factor', { mfa_token: 'no-such-token', code: totpCode(SECRET, backend.clock.now) })
    expect(unknown.status).toBe(401)
    expect(await unknown.json()).toEqual(SIGN_IN_AGAIN)

    const stillValid = await challenge(backend)
    const expiring = await challenge(backend)
    backend.clock.now += 299_000
    expect((await backend.post('/auth/two-factor', { mfa_token: stillValid, recovery_code: 'recovery-code-one' })).status).toBe(200)
    backend.clock.now += 1_000
    const expired = await backend.post('/auth/two-factor', { mfa_token: expiring, recovery_code: 'recovery-code-two' })
    expect(expired.status).toBe(401)
    expect(await expired.json()).toEqual(SIGN_IN_AGAIN)
  })

  it('answers 422 when mfa_token or the code is missing', async () => {
    const { post } = await startTestBackend()
    const response = await post('/auth/two-factor', {})
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({
      message: 'The given data was invalid.',
      errors: { mfa_token: ['The mfa token field is required.'], code: ['The code field is required.'] },
    })
    const noRecoveryCode = await post('/auth/two-factor', { mfa_token: 'x', recovery_code: '' })
    expect(await noRecoveryCode.json()).toEqual({
      message: 'The given data was invalid.',
      errors: { recovery_code: ['The recovery code field is required.'] },
    })
  })
})

describe('wrong second-factor codes', () => {
  it('kill the mfa_token after 5, even for the right code next', async () => {
    // A throttle loose enough not to step in first: this is the mfa_token's own limit.
    const backend = await startTestBackend({ signInThrottle: { maxFailures: 100 } })
    const mfaToken = await challenge(backend)
    for (let i = 0; i < 5; i++) {
      const response = await backend.post('/auth/two-factor', { mfa_token: mfaToken, code: wrongCode(backend.clock.now) })
      expect(await response.json()).toEqual(INVALID_CODE)
    }
    const right = await backend.post('/auth/two-factor', { mfa_token: mfaToken, code: totpCode(SECRET, backend.clock.now) })
    expect(right.status).toBe(401)
    expect(await right.json()).toEqual(SIGN_IN_AGAIN)
    // A new sign-in gets a new chance.
    expect(
      (await backend.post('/auth/two-factor', { mfa_token: await challenge(backend), code: totpCode(SECRET, backend.clock.now) })).status,
    ).toBe(200)
  })

  it('count as failed sign-ins of the email: after 5, sign-in answers 429 until the window closes', async () => {
    const backend = await startTestBackend()
    const first = await challenge(backend)
    for (let i = 0; i < 3; i++) await backend.post('/auth/two-factor', { mfa_token: first, code: wrongCode(backend.clock.now) })
    // A new mfa_token does not start the count afresh.
    const second = await challenge(backend)
    for (let i = 0; i < 2; i++) {
      expect((await backend.post('/auth/two-factor', { mfa_token: second, code: wrongCode(backend.clock.now) })).status).toBe(401)
    }
    const locked = await backend.signIn(TOTP)
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe('300')
    const lockedCode = await backend.post('/auth/two-factor', { mfa_token: first, code: totpCode(SECRET, backend.clock.now) })
    expect(lockedCode.status).toBe(429)
    expect(lockedCode.headers.get('retry-after')).toBe('300')
    expect(await lockedCode.json()).toEqual({ message: 'Too many login attempts. Please try again in 300 seconds.' })

    backend.clock.now += 300_000
    const mfaToken = await challenge(backend)
    expect((await backend.post('/auth/two-factor', { mfa_token: mfaToken, code: totpCode(SECRET, backend.clock.now) })).status).toBe(200)
  })

  it('add up with wrong passwords, since the right password alone does not clear the count', async () => {
    const backend = await startTestBackend()
    for (let i = 0; i < 3; i++) expect((await backend.signIn({ ...TOTP, password: 'wrong-password' })).status).toBe(401)
    const mfaToken = await challenge(backend)
    for (let i = 0; i < 2; i++) await backend.post('/auth/two-factor', { mfa_token: mfaToken, code: wrongCode(backend.clock.now) })
    const right = await backend.post('/auth/two-factor', { mfa_token: mfaToken, code: totpCode(SECRET, backend.clock.now) })
    expect(right.status).toBe(429)
  })

  it('are forgotten once a second step succeeds', async () => {
    const backend = await startTestBackend()
    const mfaToken = await challenge(backend)
    for (let i = 0; i < 4; i++) await backend.post('/auth/two-factor', { mfa_token: mfaToken, code: wrongCode(backend.clock.now) })
    expect((await backend.post('/auth/two-factor', { mfa_token: mfaToken, code: totpCode(SECRET, backend.clock.now) })).status).toBe(200)
    for (let i = 0; i < 4; i++) expect((await backend.signIn({ ...TOTP, password: 'wrong-password' })).status).toBe(401)
    expect((await backend.signIn(TOTP)).status).toBe(403)
  })

  it('get no more than 5 tries from a burst sent all at once', async () => {
    const backend = await startTestBackend({ signInThrottle: { maxFailures: 100 } })
    const mfaToken = await challenge(backend)
    const answers = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const response = await backend.post('/auth/two-factor', { mfa_token: mfaToken, code: wrongCode(backend.clock.now) })
        return ((await response.json()) as { error: string }).error
      }),
    )
    expect(answers.filter((error) => error === 'invalid_code')).toHaveLength(5)
    expect(answers.filter((error) => error === 'invalid_mfa_token')).toHaveLength(5)
  })
})

describe('expired challenges', () => {
  it('are counted in storedEntries and forgotten by the sweep after 5 minutes', async () => {
    const backend = await startTestBackend()
    await challenge(backend)
    await challenge(backend)
    expect(backend.backend.storedEntries().secondFactorChallenges).toBe(2)
    backend.clock.now += 299_000
    expect(backend.backend.sweep().secondFactorChallenges).toBe(2)
    backend.clock.now += 1_000
    expect(backend.backend.sweep().secondFactorChallenges).toBe(0)
  })
})
