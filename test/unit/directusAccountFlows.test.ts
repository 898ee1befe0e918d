import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createGatehouse } from '../../src/server/createGatehouse'
import { restAdapter } from '../../src/server/backend/rest/restAdapter'
import type { RestAdapterOptions } from '../../src/server/backend/rest/RestAdapterOptions'
import { authRequest, cookiesFrom } from '../authRequests'
import { repoFile } from '../readme'
import { ADA, ADA_USER } from '../backends/createFakeTokenApi'
import { fakeDirectusBackend, GRACE } from '../backends/fakeDirectusBackend'

const config = JSON.parse(repoFile('examples/backends/directus.json')) as Omit<RestAdapterOptions, 'baseUrl'>
const bodyOf = async (response: Response) => JSON.parse(await response.text())

function setup() {
  const api = fakeDirectusBackend()
  const gatehouse = createGatehouse({
    backend: restAdapter({ ...config, baseUrl: 'http://directus.test', fetch: api.fetch }),
    secret: 'directus-flows-test-secret-0123456789abcdef',
    secureCookies: true,
    logger: { warn: vi.fn(), error: vi.fn() },
  })
  return { api, gatehouse }
}

describe('examples/backends/directus.json: the account flows Directus has, through the routes', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z'), toFake: ['Date'] }))
  afterEach(() => vi.useRealTimers())

  it('signs up with Directus’s empty 204: the person is told to confirm by email, and the name goes in first_name', async () => {
    const { api, gatehouse } = setup()
    const response = await gatehouse.handle(
      authRequest('signUp', { body: { name: 'Grace', email: 'new@example.com', password: 'long-enough-1' } }),
    )
    expect(response.status).toBe(200)
    expect(await bodyOf(response)).toEqual({ user: null, outcome: 'verification_sent' })
    expect(api.registered.get('new@example.com')).toEqual({
      email: 'new@example.com',
      password: 'long-enough-1',
      first_name: 'Grace',
      verification_url: 'http://localhost:3000/sign-in',
    })
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it('maps Directus’s payload errors onto the sign-up form’s fields', async () => {
    const response = await setup().gatehouse.handle(authRequest('signUp', { body: { email: 'new@example.com', password: 'short' } }))
    expect(response.status).toBe(422)
    expect(await bodyOf(response)).toEqual({
      error: {
        code: 'validation_failed',
        message: '"password" length must be at least 8 characters long',
        fields: { password: ['"password" length must be at least 8 characters long'] },
      },
    })
  })

  it('requests a reset with the configured reset_url, answering the same for an unknown address, then resets with the mailed token', async () => {
    const { api, gatehouse } = setup()
    const known = await gatehouse.handle(authRequest('requestPasswordReset', { body: { email: ADA.email } }))
    const unknown = await gatehouse.handle(authRequest('requestPasswordReset', { body: { email: 'nobody@example.com' } }))
    expect([known.status, await bodyOf(known)]).toEqual([200, { user: null, outcome: 'reset_requested' }])
    expect([unknown.status, await bodyOf(unknown)]).toEqual([200, { user: null, outcome: 'reset_requested' }])
    expect(api.mailed).toHaveLength(1)
    const token = new URL(api.mailed[0]!.url).searchParams.get('token')!
    expect(api.mailed[0]!.url.startsWith('http://localhost:3000/reset-password?token=')).toBe(true)

    const reset = await gatehouse.handle(authRequest('resetPassword', { body: { token, password: 'a-new-password' } }))
    expect([reset.status, await bodyOf(reset)]).toEqual([200, { user: null, outcome: 'password_reset' }])
    const again = await gatehouse.handle(authRequest('resetPassword', { body: { token, password: 'a-new-password' } }))
    expect(again.status).toBe(400)
    expect((await bodyOf(again)).error.code).toBe('invalid_token')
    const signedIn = await gatehouse.handle(authRequest('signIn', { body: { email: ADA.email, password: 'a-new-password' } }))
    expect((await bodyOf(signedIn)).user).toEqual(ADA_USER)
  })

  it('takes Directus’s otp by repeating the sign-in: the password waits sealed in a cookie, never in a body', async () => {
    const { api, gatehouse } = setup()
    const asked = await gatehouse.handle(authRequest('signIn', { body: { email: GRACE.email, password: GRACE.password } }))
    expect(asked.status).toBe(401)
    expect(await bodyOf(asked)).toEqual({
      error: { code: 'second_factor_required', message: 'Enter the code from your authenticator app.' },
    })
    const [challengeCookie] = asked.headers.getSetCookie()
    expect(challengeCookie).toMatch(/^__Host-gatehouse\.challenge=v1\.[^;]+; Path=\/; HttpOnly; SameSite=Lax; Secure; Expires=/)
    expect(challengeCookie).not.toContain(GRACE.password)
    const cookie = cookiesFrom(asked)

    const wrong = await gatehouse.handle(authRequest('secondFactor', { body: { code: '000000' }, cookie }))
    expect(wrong.status).toBe(401)
    expect((await bodyOf(wrong)).error.code).toBe('invalid_code')

    const right = await gatehouse.handle(authRequest('secondFactor', { body: { code: GRACE.otp }, cookie }))
    expect(right.status).toBe(200)
    expect((await bodyOf(right)).user.id).toBe('42')
    expect(cookiesFrom(right, cookie)).not.toContain('challenge')
    const loginCalls = api.calls.filter((call) => call.path === '/auth/login')
    expect(loginCalls.map((call) => call.body.otp)).toEqual([undefined, '000000', GRACE.otp])
  })

  it('refuses a recovery code, which Directus does not have, as a field error', async () => {
    const { gatehouse } = setup()
    const cookie = cookiesFrom(await gatehouse.handle(authRequest('signIn', { body: { email: GRACE.email, password: GRACE.password } })))
    const response = await gatehouse.handle(authRequest('secondFactor', { body: { recoveryCode: 'abcd-efgh' }, cookie }))
    expect(response.status).toBe(422)
    expect((await bodyOf(response)).error.fields).toEqual({ recoveryCode: ['Recovery codes are not taken here.'] })
  })

  it('answers the flows Directus has no call for with 404 flow_disabled', async () => {
    const { api, gatehouse } = setup()
    for (const route of ['verifyEmail', 'resendVerification'] as const) {
      const response = await gatehouse.handle(authRequest(route, { body: { token: 'x', email: ADA.email } }))
      expect(response.status).toBe(404)
      expect(await bodyOf(response)).toEqual({ error: { code: 'flow_disabled', message: 'This is not available on this site.' } })
    }
    expect(api.calls).toEqual([])
  })
})
