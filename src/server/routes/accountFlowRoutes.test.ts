import { describe, expect, it, vi } from 'vitest'
import { authRequest, cookiesFrom, ORIGIN } from '../../../test/authRequests'
import type { BackendAdapter, BackendTokens } from '../backend/BackendAdapter'
import { createGatehouse } from '../createGatehouse'
import { rateLimited, GatehouseError } from '../GatehouseError'

const NOW = Date.parse('2026-01-01T00:00:00Z')
const user = { id: '7', name: 'Lin', email: 'lin@example.com', roles: [] }
const tokens = (): BackendTokens => ({ accessToken: 'access-1', accessTokenExpiresAt: NOW + 300_000, refreshToken: 'refresh-1', user })

function setup(flows: Partial<BackendAdapter> = {}, { waitMs = 10_000, trustHost = false } = {}) {
  const clock = { now: NOW }
  const backend: BackendAdapter = {
    timeoutMs: waitMs,
    signIn: vi.fn(async () => tokens()),
    refresh: vi.fn(async () => tokens()),
    profile: vi.fn(async () => user),
    signOut: vi.fn(async () => undefined),
    ...flows,
  }
  const gatehouse = createGatehouse({
    backend,
    secret: 'account-flow-routes-secret-0123456789abcdef',
    secureCookies: false,
    logger: { warn: vi.fn(), error: vi.fn() },
    now: () => clock.now,
    trustHost,
  })
  return { backend, gatehouse, clock }
}

const bodyOf = async (response: Response) => JSON.parse(await response.text())
/** A plain HTML form's POST, before the page's script runs: no client header, a same-origin Origin and Referer. */
const formPost = (route: Parameters<typeof authRequest>[0], fields: Record<string, string>, page: string, cookie?: string) =>
  authRequest(route, {
    body: new URLSearchParams(fields).toString(),
    client: false,
    cookie,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', referer: `${ORIGIN}${page}` },
  })

describe('the account flow routes', () => {
  it('answer 404 flow_disabled for every flow the adapter has no method for, calling nothing', async () => {
    const { gatehouse, backend } = setup()
    for (const route of ['signUp', 'verifyEmail', 'resendVerification', 'requestPasswordReset', 'resetPassword', 'secondFactor'] as const) {
      const response = await gatehouse.handle(authRequest(route, { body: {} }))
      expect([route, response.status, await bodyOf(response)]).toEqual([
        route,
        404,
        { error: { code: 'flow_disabled', message: 'This is not available on this site.' } },
      ])
    }
    expect(backend.signIn).not.toHaveBeenCalled()
  })

  it('refuse a cross-site post and check their bodies as sign-in does: size, type, every required field at once', async () => {
    const signUp = vi.fn(async () => null)
    const { gatehouse } = setup({ signUp, resetPassword: signUp })
    const forged = await gatehouse.handle(
      authRequest('signUp', { body: { email: 'a@b.c', password: 'x' }, headers: { origin: 'https://evil.example' } }),
    )
    expect([forged.status, (await bodyOf(forged)).error.code]).toEqual([403, 'csrf_rejected'])
    const huge = await gatehouse.handle(authRequest('signUp', { body: { email: 'a@b.c', password: 'x'.repeat(20_000) } }))
    expect([huge.status, (await bodyOf(huge)).error.code]).toEqual([413, 'payload_too_large'])
    const text = await gatehouse.handle(authRequest('signUp', { body: 'email=a', headers: { 'content-type': 'text/plain' } }))
    expect([text.status, (await bodyOf(text)).error.code]).toEqual([415, 'unsupported_media_type'])
    const empty = await gatehouse.handle(authRequest('signUp', { body: { email: ' ', company: 'x'.repeat(1025) } }))
    expect(empty.status).toBe(422)
    expect((await bodyOf(empty)).error.fields).toEqual({
      email: ['Email is required.'],
      password: ['Password is required.'],
      company: ['company must be at most 1024 characters.'],
    })
    const notText = await gatehouse.handle(authRequest('resetPassword', { body: { token: ['a'], password: 12345678 } }))
    expect((await bodyOf(notText)).error.fields).toEqual({ token: ['The link’s token is required.'], password: ['Password is required.'] })
    expect(signUp).not.toHaveBeenCalled()
  })

  it('sign up: the name and extra fields go to the adapter; tokens sign the person in, none says to confirm by email', async () => {
    const signUp = vi.fn<NonNullable<BackendAdapter['signUp']>>(async () => null)
    const { gatehouse } = setup({ signUp })
    const pending = await gatehouse.handle(
      authRequest('signUp', { body: { name: ' Lin ', email: ' lin@example.com ', password: ' spaced pass ', company: 'Acme' } }),
    )
    expect([pending.status, await bodyOf(pending)]).toEqual([200, { user: null, outcome: 'verification_sent' }])
    expect(signUp).toHaveBeenCalledWith(
      { identifier: 'lin@example.com', password: ' spaced pass ', name: 'Lin', fields: { company: 'Acme' } },
      { clientAddress: undefined },
    )
    signUp.mockResolvedValueOnce(tokens())
    const signedIn = await gatehouse.handle(authRequest('signUp', { body: { username: 'lin', password: 'pass-word' } }))
    expect(await bodyOf(signedIn)).toEqual({ user, expiresAt: '2026-01-01T00:05:00.000Z' })
    expect(cookiesFrom(signedIn)).toMatch(/^gatehouse\.session=v1\..+; gatehouse\.refresh=v1\./)
    expect(signUp.mock.calls[1]![0]).toEqual({ identifier: 'lin', password: 'pass-word', fields: {} })
    await gatehouse.handle(authRequest('signUp', { body: '{"email":"a@b.c","password":"pass-word","__proto__":"x","company":"Acme"}' }))
    expect(signUp.mock.calls[2]![0].fields).toEqual({ company: 'Acme' })
    expect(Object.keys(signUp.mock.calls[2]![0].fields)).toEqual(['company'])
  })

  it('verify, resend, forgot and reset each answer their outcome, or a session when the backend signs the person in', async () => {
    const flows = {
      verifyEmail: vi.fn(async () => null),
      resendVerification: vi.fn(async () => undefined),
      requestPasswordReset: vi.fn(async () => undefined),
      resetPassword: vi.fn<NonNullable<BackendAdapter['resetPassword']>>(async () => tokens()),
    }
    const { gatehouse } = setup(flows)
    const answers = await Promise.all([
      gatehouse.handle(authRequest('verifyEmail', { body: { token: 'link-token' } })),
      gatehouse.handle(authRequest('resendVerification', { body: { email: 'lin@example.com' } })),
      gatehouse.handle(authRequest('requestPasswordReset', { body: { username: 'lin' } })),
      gatehouse.handle(authRequest('resetPassword', { body: { token: 'reset-token', password: 'new password' } })),
    ])
    expect(await Promise.all(answers.map(bodyOf))).toEqual([
      { user: null, outcome: 'email_verified' },
      { user: null, outcome: 'verification_sent' },
      { user: null, outcome: 'reset_requested' },
      { user, expiresAt: '2026-01-01T00:05:00.000Z' },
    ])
    expect(flows.verifyEmail).toHaveBeenCalledWith('link-token', { clientAddress: undefined })
    expect(flows.resendVerification).toHaveBeenCalledWith('lin@example.com', { clientAddress: undefined })
    expect(flows.requestPasswordReset).toHaveBeenCalledWith('lin', { clientAddress: undefined })
    expect(flows.resetPassword).toHaveBeenCalledWith({ token: 'reset-token', password: 'new password' }, { clientAddress: undefined })
  })

  it('only a throttle’s error carries retryAfterSeconds, so no other error logs one', () => {
    expect(Object.keys(new GatehouseError(500, 'server_misconfigured'))).not.toContain('retryAfterSeconds')
    expect(rateLimited(undefined, 5).retryAfterSeconds).toBe(5)
  })

  it('a throttled flow answers 429 rate_limited with retryAfterSeconds and Retry-After', async () => {
    const { gatehouse } = setup({ requestPasswordReset: vi.fn(async () => Promise.reject(rateLimited('Slow down.', 42))) })
    const response = await gatehouse.handle(authRequest('requestPasswordReset', { body: { email: 'lin@example.com' } }))
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('42')
    expect(await bodyOf(response)).toEqual({ error: { code: 'rate_limited', message: 'Slow down.', retryAfterSeconds: 42 } })
  })

  it('without script: a form goes back to its page with ?outcome=, ?error= (and ?retryAfter=), or on to its next once signed in', async () => {
    const signUp = vi.fn<NonNullable<BackendAdapter['signUp']>>(async () => null)
    const requestPasswordReset = vi.fn(async () => Promise.reject(rateLimited(undefined, 30)))
    const { gatehouse } = setup({ signUp, requestPasswordReset })
    const fields = { email: 'lin@example.com', password: 'pass-word', next: '/dashboard' }
    const sent = await gatehouse.handle(formPost('signUp', fields, '/sign-up?error=validation_failed'))
    expect([sent.status, sent.headers.get('location')]).toEqual([303, '/sign-up?outcome=verification_sent'])
    signUp.mockResolvedValueOnce(tokens())
    const signedIn = await gatehouse.handle(formPost('signUp', fields, '/sign-up'))
    expect([signedIn.status, signedIn.headers.get('location')]).toEqual([303, '/dashboard'])
    expect(cookiesFrom(signedIn)).toContain('gatehouse.session=')
    const invalid = await gatehouse.handle(formPost('signUp', { email: '' }, '/sign-up'))
    expect(invalid.headers.get('location')).toBe('/sign-up?error=validation_failed')
    const throttled = await gatehouse.handle(formPost('requestPasswordReset', { email: 'lin@example.com' }, '/forgot-password'))
    expect([throttled.status, throttled.headers.get('location'), throttled.headers.get('retry-after')]).toEqual([
      303,
      '/forgot-password?error=rate_limited&retryAfter=30',
      '30',
    ])
  })

  it('behind a proxy at another hostname, a plain form is taken and sent back to its page there', async () => {
    const { gatehouse } = setup({ requestPasswordReset: vi.fn(async () => undefined) }, { trustHost: true })
    // What `next start` sees behind the proxy: its own address in the URL, the public host in the forwarded headers.
    const request = new Request('http://localhost:3000/api/auth/forgot-password', {
      method: 'POST',
      body: 'email=lin%40example.com',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        origin: 'https://accounts.example.org',
        referer: 'https://accounts.example.org/forgot-password?error=rate_limited',
        'x-forwarded-host': 'accounts.example.org',
        'x-forwarded-proto': 'https',
      },
    })
    const response = await gatehouse.handle(request)
    expect([response.status, response.headers.get('location')]).toEqual([303, '/forgot-password?outcome=reset_requested'])
  })

  it('signs out at the backend a sign-up that signed someone in after its request had stopped waiting', async () => {
    let answer: (value: BackendTokens) => void = () => undefined
    const signUp = vi.fn(() => new Promise<BackendTokens>((resolve) => (answer = resolve)))
    const { gatehouse, backend } = setup({ signUp }, { waitMs: 20 })
    const response = await gatehouse.handle(authRequest('signUp', { body: { email: 'lin@example.com', password: 'pass-word' } }))
    expect([response.status, (await bodyOf(response)).error.code]).toEqual([504, 'backend_timeout'])
    answer(tokens())
    await vi.waitFor(() => expect(backend.signOut).toHaveBeenCalledWith(expect.objectContaining({ refreshToken: 'refresh-1' })))
  })
})

describe('the second factor', () => {
  const withChallenge = () => {
    const verifySecondFactor = vi.fn<NonNullable<BackendAdapter['verifySecondFactor']>>(async () => tokens())
    const context = setup({ signIn: vi.fn(async () => ({ secondFactor: { challengeToken: 'mfa-secret-token' } })), verifySecondFactor })
    return { ...context, verifySecondFactor }
  }
  const signIn = (gatehouse: ReturnType<typeof setup>['gatehouse']) =>
    gatehouse.handle(authRequest('signIn', { body: { email: 'lin@example.com', password: 'pass-word' } }))

  it('asks with 401 second_factor_required and keeps the challenge only in a sealed httpOnly cookie for five minutes', async () => {
    const { gatehouse } = withChallenge()
    const response = await signIn(gatehouse)
    expect([response.status, await bodyOf(response)]).toEqual([
      401,
      { error: { code: 'second_factor_required', message: 'Enter the code from your authenticator app.' } },
    ])
    const [cookie, ...others] = response.headers.getSetCookie()
    expect(others).toEqual([])
    expect(cookie).toMatch(
      /^gatehouse\.challenge=v1\.[\w-]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 2026 00:05:00 GMT$/,
    )
    expect(cookie).not.toContain('mfa-secret-token')
  })

  it('finishes the sign-in with the code (spaces dropped), ends the challenge, and keeps it after a wrong code', async () => {
    const { gatehouse, verifySecondFactor } = withChallenge()
    const cookie = cookiesFrom(await signIn(gatehouse))
    verifySecondFactor.mockRejectedValueOnce(new GatehouseError(401, 'invalid_code'))
    const wrong = await gatehouse.handle(authRequest('secondFactor', { body: { code: '000 000' }, cookie }))
    expect([wrong.status, (await bodyOf(wrong)).error.code, wrong.headers.getSetCookie()]).toEqual([401, 'invalid_code', []])
    const right = await gatehouse.handle(authRequest('secondFactor', { body: { code: '123 456' }, cookie }))
    expect(await bodyOf(right)).toEqual({ user, expiresAt: '2026-01-01T00:05:00.000Z' })
    expect(verifySecondFactor).toHaveBeenLastCalledWith(
      { challengeToken: 'mfa-secret-token' },
      { code: '123456' },
      { clientAddress: undefined },
    )
    expect(right.headers.getSetCookie().find((line) => line.startsWith('gatehouse.challenge='))).toMatch(
      /^gatehouse\.challenge=; .*Max-Age=0/,
    )
    const recovery = await gatehouse.handle(authRequest('secondFactor', { body: { recoveryCode: ' abcd-efgh ' }, cookie }))
    expect(recovery.status).toBe(200)
    expect(verifySecondFactor).toHaveBeenLastCalledWith(
      { challengeToken: 'mfa-secret-token' },
      { recoveryCode: ' abcd-efgh ' },
      expect.anything(),
    )
  })

  it('answers challenge_expired with no challenge, a tampered one, or one older than five minutes', async () => {
    const { gatehouse, clock, verifySecondFactor } = withChallenge()
    const cookie = cookiesFrom(await signIn(gatehouse))
    const tampered = cookie.replace(/v1\.(.)/, (_, first: string) => `v1.${first === 'A' ? 'B' : 'A'}`)
    clock.now += 4 * 60_000
    for (const sent of [undefined, tampered]) {
      const response = await gatehouse.handle(authRequest('secondFactor', { body: { code: '123456' }, cookie: sent }))
      expect([response.status, (await bodyOf(response)).error]).toEqual([
        401,
        { code: 'challenge_expired', message: 'That took too long. Please sign in again.' },
      ])
    }
    clock.now += 61_000
    const late = await gatehouse.handle(authRequest('secondFactor', { body: { code: '123456' }, cookie }))
    expect((await bodyOf(late)).error.code).toBe('challenge_expired')
    expect(verifySecondFactor).not.toHaveBeenCalled()
  })

  it('ends the challenge cookie when the backend says the waiting sign-in is over', async () => {
    const { gatehouse, verifySecondFactor } = withChallenge()
    const cookie = cookiesFrom(await signIn(gatehouse))
    verifySecondFactor.mockRejectedValueOnce(new GatehouseError(401, 'challenge_expired'))
    const response = await gatehouse.handle(authRequest('secondFactor', { body: { code: '123456' }, cookie }))
    expect([response.status, (await bodyOf(response)).error.code]).toEqual([401, 'challenge_expired'])
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(/^gatehouse\.challenge=; .*Max-Age=0/)])
  })

  it('sends a plain form back to its page with ?error=second_factor_required, the challenge cookie set', async () => {
    const { gatehouse } = withChallenge()
    const response = await gatehouse.handle(
      formPost('signIn', { email: 'lin@example.com', password: 'pass-word' }, '/sign-in?next=%2Fadmin'),
    )
    expect([response.status, response.headers.get('location')]).toEqual([303, '/sign-in?next=%2Fadmin&error=second_factor_required'])
    expect(cookiesFrom(response)).toMatch(/^gatehouse\.challenge=v1\./)
  })
})
