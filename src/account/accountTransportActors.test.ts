import { describe, expect, it, vi } from 'vitest'
import { createActor, toPromise, type AnyActorLogic } from 'xstate'
import { ANSWER_HEADER } from '../contract/answerHeader'
import { CLIENT_HEADER } from '../contract/clientHeader'
import { ERROR_MESSAGES } from '../contract/errorCatalogue'
import { accountTransportActors } from './accountTransportActors'

/** A gatehouse route's answer (marked), or with `marked: false` one from anything else on the way. */
const reply = (status: number, body: unknown, { marked = true } = {}) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers: marked ? { [ANSWER_HEADER]: '1' } : {} }))
const run = (logic: AnyActorLogic, input?: unknown) => toPromise(createActor(logic, { input }).start())
const user = { id: '1', roles: [] }

describe('accountTransportActors', () => {
  const session = { user, expiresAt: '2026-01-01T00:02:00.000Z' }
  /** Each flow's actor, what it is given, and the route and JSON body it posts. */
  const FLOWS = [
    {
      actor: 'signUp',
      input: { email: 'new@example.com', password: 'pw', name: 'New', fields: { company: 'Acme' } },
      path: '/api/auth/sign-up',
      body: { email: 'new@example.com', password: 'pw', name: 'New', company: 'Acme' },
    },
    { actor: 'verifyEmail', input: { token: 't' }, path: '/api/auth/verify-email', body: { token: 't' } },
    { actor: 'resendVerification', input: { username: 'new' }, path: '/api/auth/resend-verification', body: { username: 'new' } },
    { actor: 'requestPasswordReset', input: { email: 'a@b.c' }, path: '/api/auth/forgot-password', body: { email: 'a@b.c' } },
    {
      actor: 'resetPassword',
      input: { token: 't', password: 'pw' },
      path: '/api/auth/reset-password',
      body: { token: 't', password: 'pw' },
    },
  ] as const

  it('posts to the configured base path', async () => {
    const fetch = reply(200, { user: null, outcome: 'reset_requested' })
    await run(accountTransportActors({ basePath: '/auth', fetch }).requestPasswordReset, { email: 'a@b.c' })
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe('/auth/forgot-password')
  })

  it.each(FLOWS)('$actor posts its input as JSON to $path, and reads a session or an outcome', async ({ actor, input, path, body }) => {
    const signedIn = reply(200, session)
    expect(await run(accountTransportActors({ fetch: signedIn })[actor], input)).toEqual(session)
    const [url, init] = signedIn.mock.calls[0] as unknown as [string, RequestInit]
    expect([url, init.method, JSON.parse(String(init.body))]).toEqual([path, 'POST', body])
    expect(new Headers(init.headers).get(CLIENT_HEADER)).toBe('1')
    expect(new Headers(init.headers).get('content-type')).toBe('application/json')

    const outcome = { user: null, outcome: 'verification_sent', extra: 'dropped' }
    expect(await run(accountTransportActors({ fetch: reply(200, outcome) })[actor], input)).toEqual({
      user: null,
      outcome: 'verification_sent',
    })
  })

  it.each(FLOWS)(
    '$actor refuses a signed-out answer without an outcome, and an error that is not from a gatehouse route',
    async ({ actor, input }) => {
      await expect(run(accountTransportActors({ fetch: reply(200, { user: null }) })[actor], input)).rejects.toMatchObject({
        status: 200,
        error: { code: 'unexpected_response' },
      })
      const error = { code: 'rate_limited', message: 'Slow down.', retryAfterSeconds: 30 }
      await expect(run(accountTransportActors({ fetch: reply(429, { error }, { marked: false }) })[actor], input)).rejects.toEqual({
        status: 429,
        error: { code: 'unexpected_response', message: ERROR_MESSAGES.unexpected_response },
      })
    },
  )

  it('passes on how long to wait after throttling, when it is a number', async () => {
    const error = { code: 'rate_limited', message: ERROR_MESSAGES.rate_limited, retryAfterSeconds: 30 }
    await expect(run(accountTransportActors({ fetch: reply(429, { error }) }).resendVerification, { email: 'a@b.c' })).rejects.toEqual({
      status: 429,
      error,
    })
    const vague = { ...error, retryAfterSeconds: 'soon' }
    await expect(
      run(accountTransportActors({ fetch: reply(429, { error: vague }) }).signUp, { email: 'a@b.c', password: 'pw' }),
    ).rejects.toEqual({
      status: 429,
      error: { code: 'rate_limited', message: ERROR_MESSAGES.rate_limited },
    })
  })
})
