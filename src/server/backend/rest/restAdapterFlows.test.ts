import { describe, expect, it } from 'vitest'
import { createFakeTokenApi, json, type FakeRoute } from '../../../../test/backends/createFakeTokenApi'
import type { GatehouseError } from '../../GatehouseError'
import type { BackendTokens } from '../BackendAdapter'
import { restAdapter } from './restAdapter'
import type { RestAdapterOptions } from './RestAdapterOptions'

const NOW = Date.parse('2026-01-01T00:00:00Z')
const session = { data: { token: 'access-9', token_expires_at: '2026-01-01T00:05:00Z', refresh_token: 'refresh-9', user: { id: 9 } } }
const ALL_FLOWS = { signUp: {}, verifyEmail: {}, resendVerification: {}, requestPasswordReset: {}, resetPassword: {}, secondFactor: {} }

function adapterWith(routes: Record<string, FakeRoute>, options: Partial<RestAdapterOptions> = ALL_FLOWS) {
  const api = createFakeTokenApi(routes)
  return { api, adapter: restAdapter({ baseUrl: 'http://backend.test', fetch: api.fetch, now: () => NOW, ...options }) }
}
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => Promise.reject(new Error('it did not fail')),
    (error: GatehouseError) => error,
  )

describe('restAdapter: the account flows', () => {
  it('has only the flows its options name', () => {
    const { adapter } = adapterWith({}, { signUp: {} })
    expect(
      Object.keys(adapter).filter((key) =>
        ['signUp', 'verifyEmail', 'resendVerification', 'requestPasswordReset', 'resetPassword', 'verifySecondFactor'].includes(key),
      ),
    ).toEqual(['signUp'])
  })

  it('speaks the demo backend’s paths and fields by default; an answer without tokens signed nobody in', async () => {
    const { api, adapter } = adapterWith({
      'POST /auth/register': () => json(202, { message: 'Check your email.' }),
      'POST /auth/verify-email': () => json(200, session),
      'POST /auth/verify-email/resend': () => new Response(null, { status: 202 }),
      'POST /auth/forgot-password': () => new Response(null, { status: 202 }),
      'POST /auth/reset-password': () => new Response(null, { status: 204 }),
    })
    expect(
      await adapter.signUp!({ identifier: 'lin@example.com', password: 'pw-123456', name: 'Lin', fields: { company: 'Acme' } }),
    ).toBeNull()
    const verified = (await adapter.verifyEmail!('link-token')) as BackendTokens
    expect([verified.accessToken, verified.user]).toEqual(['access-9', { id: '9', roles: [] }])
    await adapter.resendVerification!('lin@example.com')
    await adapter.requestPasswordReset!('lin@example.com')
    expect(await adapter.resetPassword!({ token: 'reset-token', password: 'new-pass' })).toBeNull()
    expect(api.calls.map(({ method, path, body }) => [method, path, body])).toEqual([
      // Extra fields the options do not name are dropped.
      ['POST', '/auth/register', { name: 'Lin', email: 'lin@example.com', password: 'pw-123456' }],
      ['POST', '/auth/verify-email', { token: 'link-token' }],
      ['POST', '/auth/verify-email/resend', { email: 'lin@example.com' }],
      ['POST', '/auth/forgot-password', { email: 'lin@example.com' }],
      ['POST', '/auth/reset-password', { token: 'reset-token', password: 'new-pass' }],
    ])
  })

  it('maps sign-up fields and refusals: renamed fields, a conflict on the identifier, the backend’s field errors', async () => {
    const { api, adapter } = adapterWith(
      {
        'POST /users': ({ body }) =>
          body.login === 'taken@example.com'
            ? json(409, { message: 'That email is taken.' })
            : json(422, { message: 'Invalid.', errors: { secret: ['Too short.'], company_name: ['Unknown company.'] } }),
      },
      {
        signIn: { identifierField: 'login', passwordField: 'secret' },
        signUp: { path: '/users', nameField: null, fields: { company: 'company_name' }, extraFields: { source: 'web' } },
      },
    )
    const conflict = await failure(adapter.signUp!({ identifier: 'taken@example.com', password: 'pw', name: 'X', fields: {} }))
    expect([conflict.status, conflict.code, conflict.fields]).toEqual([422, 'validation_failed', { email: ['That email is taken.'] }])
    const invalid = await failure(
      adapter.signUp!({ identifier: 'new@example.com', password: 'pw', fields: { company: 'Nope', other: 'x' } }),
    )
    expect([invalid.code, invalid.message, invalid.fields]).toEqual([
      'validation_failed',
      'Invalid.',
      { password: ['Too short.'], company: ['Unknown company.'] },
    ])
    expect(api.calls[1]!.body).toEqual({ source: 'web', company_name: 'Nope', login: 'new@example.com', secret: 'pw' })
  })

  it('tells a mail request as done whatever the backend says of the account, but not a throttle, bad fields or a broken backend', async () => {
    const answers: Record<string, Response> = {
      unknown: json(404, { message: 'No such user.' }),
      throttled: new Response(null, { status: 429, headers: { 'retry-after': 'Thu, 01 Jan 2026 00:01:30 GMT' } }),
      malformed: json(422, { errors: { email: ['Not an email.'] } }),
      broken: json(500, { message: 'Oops.' }),
    }
    const { adapter } = adapterWith({ 'POST /auth/forgot-password': ({ body }) => answers[String(body.email)]! })
    await expect(adapter.requestPasswordReset!('unknown')).resolves.toBeUndefined()
    const throttled = await failure(adapter.requestPasswordReset!('throttled'))
    expect([throttled.status, throttled.code, throttled.retryAfterSeconds]).toEqual([429, 'rate_limited', 90])
    const malformed = await failure(adapter.requestPasswordReset!('malformed'))
    expect([malformed.code, malformed.fields]).toEqual(['validation_failed', { email: ['Not an email.'] }])
    const broken = await failure(adapter.requestPasswordReset!('broken'))
    expect([broken.status, broken.code, broken.detail]).toEqual([
      502,
      'backend_invalid_response',
      'the backend answered 500 to the mail request at /auth/forgot-password',
    ])
  })

  it('reads how long to wait from Retry-After seconds, an HTTP date, or the body path throttle.retryAfter', async () => {
    const { adapter } = adapterWith(
      {
        'POST /auth/login': ({ body }) =>
          body.email === 'header'
            ? new Response(JSON.stringify({ message: 'Too many attempts.' }), { status: 429, headers: { 'retry-after': '17' } })
            : json(429, { message: 'Too many attempts.', lockout: { seconds: 65.2 } }),
      },
      { throttle: { retryAfter: 'lockout.seconds' } },
    )
    for (const [email, seconds] of [
      ['header', 17],
      ['body', 66],
    ] as const) {
      const error = await failure(adapter.signIn({ identifier: email, password: 'pw' }))
      expect([error.code, error.message, error.retryAfterSeconds, error.toBody().error.retryAfterSeconds]).toEqual([
        'rate_limited',
        'Too many attempts.',
        seconds,
        seconds,
      ])
    }
  })

  it('answers a dead link with 400 invalid_token, and a GET link call carries its token in the query', async () => {
    const { api, adapter } = adapterWith(
      {
        'GET /users/register/verify-email': ({ query }) =>
          query?.get('token') === 'good'
            ? new Response(null, { status: 302, headers: { location: 'https://app.example/' } })
            : json(403, { errors: [{ message: 'Invalid token.' }] }),
        'POST /auth/reset-password': () => json(410, { message: 'This link has expired.' }),
      },
      { verifyEmail: { method: 'GET', path: '/users/register/verify-email' }, resetPassword: {} },
    )
    expect(await adapter.verifyEmail!('good')).toBeNull()
    const dead = await failure(adapter.verifyEmail!('bad'))
    expect([dead.status, dead.code, dead.message]).toEqual([400, 'invalid_token', 'Invalid token.'])
    const expired = await failure(adapter.resetPassword!({ token: 'old', password: 'new-pass' }))
    expect([expired.status, expired.code, expired.message]).toEqual([400, 'invalid_token', 'This link has expired.'])
    expect(api.calls[0]).toMatchObject({ method: 'GET', body: {} })
    expect(api.calls[0]!.query?.get('token')).toBe('good')
  })

  it('takes a second factor by challenge token (Auth0’s mfa_token by default), codes and recovery codes', async () => {
    const { api, adapter } = adapterWith({
      'POST /auth/login': () => json(403, { error: 'mfa_required', message: 'Second factor needed.', mfa_token: 'challenge-1' }),
      'POST /auth/two-factor': ({ body }) =>
        body.mfa_token === 'used-up'
          ? json(401, { error: 'invalid_mfa_token', message: 'Sign in again.' })
          : body.code === '123456' || body.recovery_code === 'spare-code'
            ? json(200, session)
            : json(401, { error: 'invalid_code', message: 'Wrong code.' }),
    })
    const asked = await adapter.signIn({ identifier: 'lin@example.com', password: 'pw' })
    expect(asked).toEqual({ secondFactor: { challengeToken: 'challenge-1' } })
    const challenge = { challengeToken: 'challenge-1' }
    expect(((await adapter.verifySecondFactor!(challenge, { code: '123456' })) as BackendTokens).accessToken).toBe('access-9')
    expect(((await adapter.verifySecondFactor!(challenge, { recoveryCode: 'spare-code' })) as BackendTokens).accessToken).toBe('access-9')
    const wrong = await failure(adapter.verifySecondFactor!(challenge, { code: '000000' }))
    expect([wrong.status, wrong.code, wrong.message]).toEqual([401, 'invalid_code', 'Wrong code.'])
    const over = await failure(adapter.verifySecondFactor!({ challengeToken: 'used-up' }, { code: '123456' }))
    expect([over.status, over.code, over.message]).toEqual([401, 'challenge_expired', 'That took too long. Please sign in again.'])
    expect(api.calls.slice(1).map((call) => call.body)).toEqual([
      { mfa_token: 'challenge-1', code: '123456' },
      { mfa_token: 'challenge-1', recovery_code: 'spare-code' },
      { mfa_token: 'challenge-1', code: '000000' },
      { mfa_token: 'used-up', code: '123456' },
    ])
  })

  it('refuses an answer that asks for a second factor without a challenge token, and a wrong password stays a wrong password', async () => {
    const { adapter } = adapterWith({
      'POST /auth/login': ({ body }) =>
        body.password === 'pw' ? json(403, { error: 'mfa_required' }) : json(401, { message: 'Wrong password.' }),
    })
    const broken = await failure(adapter.signIn({ identifier: 'lin@example.com', password: 'pw' }))
    expect([broken.code, broken.detail]).toEqual([
      'backend_invalid_response',
      'the second-factor answer at /auth/login has no challenge token at "mfa_token"',
    ])
    const wrong = await failure(adapter.signIn({ identifier: 'lin@example.com', password: 'nope' }))
    expect([wrong.code, wrong.message]).toEqual(['invalid_credentials', 'Wrong password.'])
  })

  it('stops at start-up on a flow setting it cannot use, naming it', () => {
    const make = (options: Partial<RestAdapterOptions>) => () => restAdapter({ baseUrl: 'http://backend.test', ...options })
    expect(make({ secondFactor: { requiredWhen: { status: 200 } } })).toThrow(
      'gatehouse: restAdapter option "secondFactor.requiredWhen" must be { "status": <a 4xx status>, "code"?: "<the error code>" }.',
    )
    expect(make({ signUp: { nameFeild: 'x' } as never })).toThrow('"signUp.nameFeild" is not a known setting')
    expect(make({ secondFactor: { style: 'sms' as never } })).toThrow('"secondFactor.style" must be one of "challenge", "repeat"')
  })
})
