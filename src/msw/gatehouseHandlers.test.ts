import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createActor, toPromise, type AnyActorLogic } from 'xstate'
import { accountTransportActors } from '../account/accountTransportActors'
import { transportActors } from '../core/transportActors'
import type { Credentials, SecondFactorCode } from '../contract/types'
import { gatehouseHandlers } from './gatehouseHandlers'
import { gatehouseScenarios } from './gatehouseScenarios'
import { mockAdmin, mockSecondFactor, mockUser } from './mockUsers'

const basePath = 'http://app.test/api/auth'
const server = setupServer()
const actors = transportActors({ basePath })
const flows = accountTransportActors({ basePath })
const run = (logic: AnyActorLogic, input?: unknown) => toPromise(createActor(logic, { input }).start())
/** The proxy routes as the machine calls them. */
const transport = {
  session: () => run(actors.loadSession),
  signIn: (credentials: Credentials) => run(actors.signIn, credentials),
  refresh: async () => run(actors.refresh, { knownExpiresAt: (await run(actors.loadSession))?.expiresAt ?? null }),
  signUp: () => run(flows.signUp, { email: 'new@example.com', password: 'long-password', name: 'New Person' }),
  verifyEmail: () => run(flows.verifyEmail, { token: 'mailed' }),
  resendVerification: () => run(flows.resendVerification, { email: 'new@example.com' }),
  requestPasswordReset: () => run(flows.requestPasswordReset, { email: 'new@example.com' }),
  resetPassword: () => run(flows.resetPassword, { token: 'mailed', password: 'new-long-password' }),
  secondFactor: (code: SecondFactorCode) => run(actors.secondFactor, code),
}
const FLOWS = ['signUp', 'verifyEmail', 'resendVerification', 'requestPasswordReset', 'resetPassword'] as const
const demo: Credentials = { email: mockUser.email!, password: 'demo-password' }

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

describe('gatehouseHandlers', () => {
  it('reports the signed-in user with a future expiry, and nobody when signed out', async () => {
    server.use(...gatehouseHandlers('signedInAsAdmin', { basePath }))
    const signedIn = await transport.session()
    expect(signedIn?.user).toEqual(mockAdmin)
    expect(Date.parse(signedIn!.expiresAt)).toBeGreaterThan(Date.now())

    server.use(...gatehouseHandlers('signedOut', { basePath }))
    expect(await transport.session()).toBeNull()
  })

  it('signs the demo accounts in by email or username, and refuses a wrong password', async () => {
    server.use(...gatehouseHandlers('signedOut', { basePath }))
    const byEmail = await transport.signIn({ email: mockUser.email!, password: 'demo-password' })
    expect(byEmail?.user).toEqual(mockUser)
    const byUsername = await transport.signIn({ username: 'admin', password: 'admin-password' })
    expect(byUsername?.user).toEqual(mockAdmin)
    await expect(transport.signIn({ email: mockUser.email!, password: 'nope' })).rejects.toMatchObject({
      status: 401,
      error: { code: 'invalid_credentials' },
    })
    await expect(transport.signIn({ email: 'not-an-email', password: 'x' })).rejects.toMatchObject({
      status: 422,
      error: { fields: { email: [expect.any(String)] } },
    })
  })

  it('answers each failure scenario with the status and code the proxy routes use', async () => {
    server.use(...gatehouseHandlers('validationErrors', { basePath }))
    await expect(transport.signIn({ email: mockUser.email!, password: 'demo-password' })).rejects.toMatchObject({
      status: 422,
      error: { code: 'validation_failed' },
    })
    server.use(...gatehouseHandlers('backendDown', { basePath }))
    await expect(transport.refresh()).rejects.toMatchObject({ status: 502, error: { code: 'backend_unavailable' } })
    server.use(...gatehouseHandlers('refreshRejected', { basePath }))
    await expect(transport.refresh()).rejects.toMatchObject({ status: 401, error: { code: 'session_expired' } })
  })

  it('lets the caller say who is signed in, and how long every answer takes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    try {
      server.use(...gatehouseHandlers('backendDown', { basePath, held: null, slowMs: 50 }))
      let answered = false
      const session = transport.session().finally(() => (answered = true))
      await vi.advanceTimersByTimeAsync(49)
      expect(answered).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect(await session).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })

  it('answers the account flows in every scenario that is not about them', async () => {
    for (const scenario of [
      'signedOut',
      'signedInAsUser',
      'wrongPassword',
      'validationErrors',
      'refreshRejected',
      'sessionExpiring',
    ] as const) {
      server.use(...gatehouseHandlers(scenario, { basePath }))
      expect(await transport.signUp()).toEqual({ user: null, outcome: 'verification_sent' })
      expect((await transport.verifyEmail())?.user).toEqual(mockUser)
      expect(await transport.resendVerification()).toEqual({ user: null, outcome: 'verification_sent' })
      expect(await transport.requestPasswordReset()).toEqual({ user: null, outcome: 'reset_requested' })
      expect(await transport.resetPassword()).toEqual({ user: null, outcome: 'password_reset' })
      await expect(transport.secondFactor({ code: mockSecondFactor.code })).rejects.toMatchObject({
        status: 401,
        error: { code: 'invalid_code' },
      })
    }
  })

  it('holds the session a flow signs in with, and leaves the session alone when it answers an outcome', async () => {
    server.use(...gatehouseHandlers('signedOut', { basePath }))
    await transport.signUp()
    expect(await transport.session()).toBeNull()
    await transport.verifyEmail()
    expect((await transport.session())?.user).toEqual(mockUser)
  })

  it('secondFactor: the demo accounts ask for a second factor, which takes the code or the recovery code', async () => {
    server.use(...gatehouseHandlers('secondFactor', { basePath }))
    await expect(transport.signIn(demo)).rejects.toMatchObject({ status: 401, error: { code: 'second_factor_required' } })
    await expect(transport.signIn({ ...demo, password: 'nope' })).rejects.toMatchObject({
      status: 401,
      error: { code: 'invalid_credentials' },
    })
    await expect(transport.secondFactor({ code: '000000' })).rejects.toMatchObject({ status: 401, error: { code: 'invalid_code' } })
    await expect(transport.secondFactor({ recoveryCode: 'recovery-code-two' })).rejects.toMatchObject({ error: { code: 'invalid_code' } })
    expect((await transport.secondFactor({ code: mockSecondFactor.code }))?.user).toEqual(mockUser)
    expect((await transport.secondFactor({ recoveryCode: mockSecondFactor.recoveryCode }))?.user).toEqual(mockUser)
    expect((await transport.session())?.user).toEqual(mockUser)
  })

  it('secondFactorExpired: the second step answers challenge_expired', async () => {
    server.use(...gatehouseHandlers('secondFactorExpired', { basePath }))
    await expect(transport.signIn(demo)).rejects.toMatchObject({ error: { code: 'second_factor_required' } })
    await expect(transport.secondFactor({ code: mockSecondFactor.code })).rejects.toMatchObject({
      status: 401,
      error: { code: 'challenge_expired' },
    })
  })

  it('rateLimited: sign-in and every flow answer 429 with how long to wait, in the body and in Retry-After', async () => {
    server.use(...gatehouseHandlers('rateLimited', { basePath }))
    const throttled = { status: 429, error: { code: 'rate_limited', retryAfterSeconds: 30 } }
    await expect(transport.signIn(demo)).rejects.toMatchObject(throttled)
    for (const flow of FLOWS) await expect(transport[flow]()).rejects.toMatchObject(throttled)
    await expect(transport.secondFactor({ code: mockSecondFactor.code })).rejects.toMatchObject(throttled)
    const response = await gatehouseScenarios.rateLimited.signIn()
    expect(response.headers.get('retry-after')).toBe('30')
  })

  it('signUpSignsIn: a sign-up signs in as the person who signed up', async () => {
    server.use(...gatehouseHandlers('signUpSignsIn', { basePath }))
    const session = await transport.signUp()
    expect(session?.user).toMatchObject({ email: 'new@example.com', name: 'New Person' })
    expect((await transport.session())?.user).toEqual(session?.user)
  })

  it('signUpInvalid: a sign-up answers 422 with a message for the email and the password', async () => {
    server.use(...gatehouseHandlers('signUpInvalid', { basePath }))
    await expect(transport.signUp()).rejects.toMatchObject({
      status: 422,
      error: {
        code: 'validation_failed',
        fields: { email: ['The email has already been taken.'], password: ['The password must be at least 8 characters.'] },
      },
    })
  })

  it('invalidLink: verification and reset links answer 400 invalid_token; the other flows work', async () => {
    server.use(...gatehouseHandlers('invalidLink', { basePath }))
    await expect(transport.verifyEmail()).rejects.toMatchObject({ status: 400, error: { code: 'invalid_token' } })
    await expect(transport.resetPassword()).rejects.toMatchObject({ status: 400, error: { code: 'invalid_token' } })
    expect(await transport.requestPasswordReset()).toEqual({ user: null, outcome: 'reset_requested' })
  })

  it('flowsDisabled: every flow answers 404 flow_disabled, and signing in still works', async () => {
    server.use(...gatehouseHandlers('flowsDisabled', { basePath }))
    for (const flow of FLOWS) await expect(transport[flow]()).rejects.toMatchObject({ status: 404, error: { code: 'flow_disabled' } })
    await expect(transport.secondFactor({ code: mockSecondFactor.code })).rejects.toMatchObject({
      status: 404,
      error: { code: 'flow_disabled' },
    })
    expect((await transport.signIn(demo))?.user).toEqual(mockUser)
  })
})
