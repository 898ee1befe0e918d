import { describe, expect, it, vi } from 'vitest'
import { createActor, toPromise, type AnyActorLogic } from 'xstate'
import { ANSWER_HEADER } from '../contract/answerHeader'
import { CLIENT_HEADER } from '../contract/clientHeader'
import { ERROR_MESSAGES } from '../contract/errorCatalogue'
import { transportActors } from './transportActors'

/** A gatehouse route's answer (marked), or with `marked: false` one from anything else on the way. */
const reply = (status: number, body: unknown, { marked = true } = {}) =>
  vi.fn(
    async () =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: marked ? { [ANSWER_HEADER]: '1' } : {} }),
  )
const run = (logic: AnyActorLogic, input?: unknown) => toPromise(createActor(logic, { input }).start())
const user = { id: '1', roles: [] }

describe('transportActors', () => {
  it("posts credentials as JSON to the configured base path, marked as gatehouse's own request", async () => {
    const fetch = reply(200, { user, expiresAt: '2026-01-01T00:00:00.000Z' })
    expect(await run(transportActors({ basePath: '/auth', fetch }).signIn, { email: 'a@b.c', password: 'pw' })).toEqual({
      user,
      expiresAt: '2026-01-01T00:00:00.000Z',
    })
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/auth/sign-in')
    expect(init).toMatchObject({ method: 'POST', body: '{"email":"a@b.c","password":"pw"}' })
    expect(new Headers(init.headers).get(CLIENT_HEADER)).toBe('1')
  })

  it('passes on that a session cannot be refreshed', async () => {
    const session = { user, expiresAt: '2026-01-01T00:00:00.000Z', refreshable: false }
    expect(await run(transportActors({ fetch: reply(200, session) }).loadSession)).toEqual(session)
  })

  it('reads a signed-out session as null', async () => {
    expect(await run(transportActors({ fetch: reply(200, { user: null }) }).loadSession)).toBeNull()
  })

  it('passes the shared error shape through with its status', async () => {
    const error = { code: 'validation_failed', message: 'Check the fields.', fields: { email: ['Required.'] } }
    await expect(run(transportActors({ fetch: reply(422, { error }) }).signIn, { email: '', password: '' })).rejects.toEqual({
      status: 422,
      error,
    })
  })

  it('refuses a success answer that is not a session, rather than signing in nobody', async () => {
    for (const body of [
      {},
      { user },
      { expiresAt: '2026-01-01T00:00:00.000Z' },
      { user: [], expiresAt: '2026-01-01T00:00:00.000Z' },
      'ok',
      5,
      null,
    ]) {
      await expect(run(transportActors({ fetch: reply(200, body) }).loadSession)).rejects.toMatchObject({
        status: 200,
        error: { code: 'unexpected_response' },
      })
    }
  })

  it('keeps only the fields of the contract from a session and from an error', async () => {
    const session = { user, expiresAt: '2026-01-01T00:00:00.000Z', refreshable: 'no', tokens: { refresh: 'r' } }
    expect(await run(transportActors({ fetch: reply(200, session) }).loadSession)).toEqual({ user, expiresAt: session.expiresAt })
    const error = { code: 'backend_unavailable', message: 'Down.', stack: 'at backend.js:1' }
    await expect(run(transportActors({ fetch: reply(502, { error }) }).loadSession)).rejects.toEqual({
      status: 502,
      error: { code: 'backend_unavailable', message: 'Down.' },
    })
  })

  it("takes a gatehouse route's code at its word, even one this script does not list (a newer server during a deploy)", async () => {
    const error = { code: 'rate_limited', message: 'Too many attempts. Try again in a minute.' }
    await expect(run(transportActors({ fetch: reply(429, { error }) }).signIn, { email: 'a@b.c', password: 'pw' })).rejects.toEqual({
      status: 429,
      error,
    })
  })

  it("reads an error in gatehouse's shape from anything but a gatehouse route as an unexpected answer, with the catalogue's message", async () => {
    const error = { code: 'token_not_valid', message: 'Token is invalid or expired' }
    await expect(
      run(transportActors({ fetch: reply(401, { error }, { marked: false }) }).signIn, { email: 'a@b.c', password: 'pw' }),
    ).rejects.toEqual({
      status: 401,
      error: { code: 'unexpected_response', message: ERROR_MESSAGES.unexpected_response },
    })
  })

  it('takes an error without a message for an answer that did not come from a gatehouse route', async () => {
    await expect(run(transportActors({ fetch: reply(503, { error: { code: 'backend_unavailable' } }) }).loadSession)).rejects.toEqual({
      status: 503,
      error: { code: 'unexpected_response', message: ERROR_MESSAGES.unexpected_response },
    })
  })

  it('turns a network failure and an unexpected body into errors of the same shape', async () => {
    const offline = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')))
    await expect(run(transportActors({ fetch: offline }).signOut)).rejects.toMatchObject({ status: 0, error: { code: 'network_error' } })
    await expect(run(transportActors({ fetch: reply(502, '<html>') }).signOut)).rejects.toMatchObject({
      status: 502,
      error: { code: 'unexpected_response' },
    })
  })
})

describe('the refresh actor', () => {
  const known = '2026-01-01T00:01:00.000Z'
  const refreshed = { user, expiresAt: '2026-01-01T00:02:00.000Z' }

  it('makes one request, to the refresh route, saying which expiry the tab knows', async () => {
    const fetch = reply(200, refreshed)
    expect(await run(transportActors({ fetch }).refresh, { knownExpiresAt: known })).toEqual(refreshed)
    expect((fetch.mock.calls as unknown as [string, RequestInit][]).map(([url, init]) => [url, init.body])).toEqual([
      ['/api/auth/refresh', JSON.stringify({ knownExpiresAt: known })],
    ])
  })

  it('ends with no session when the refresh route says the session has ended', async () => {
    const error = { code: 'session_expired', message: ERROR_MESSAGES.session_expired }
    await expect(run(transportActors({ fetch: reply(401, { error }) }).refresh, { knownExpiresAt: known })).rejects.toEqual({
      status: 401,
      error,
    })
  })

  it('does not ask to refresh once the machine has moved on (stopped the refresh) before the lock was granted', async () => {
    // Another tab holds the lock for 5 ms.
    const request = (_name: string, _options: unknown, granted: () => Promise<unknown>) =>
      new Promise((resolve) => setTimeout(resolve, 5)).then(granted)
    vi.stubGlobal('navigator', { locks: { request } })
    const fetch = reply(200, refreshed)
    const actor = createActor(transportActors({ fetch }).refresh, { input: { knownExpiresAt: known } })
    actor.start()
    actor.stop()
    await new Promise((resolve) => setTimeout(resolve, 20))
    vi.unstubAllGlobals()
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('the second factor actor', () => {
  const session = { user, expiresAt: '2026-01-01T00:02:00.000Z' }

  it('posts the code as JSON to the second-factor route, and reads the session', async () => {
    const fetch = reply(200, session)
    expect(await run(transportActors({ basePath: '/auth', fetch }).secondFactor, { recoveryCode: 'r-1' })).toEqual(session)
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect([url, init.method, JSON.parse(String(init.body))]).toEqual(['/auth/second-factor', 'POST', { recoveryCode: 'r-1' }])
    expect(new Headers(init.headers).get(CLIENT_HEADER)).toBe('1')
  })

  it('passes on how long to wait after throttling, when it is a number', async () => {
    const error = { code: 'rate_limited', message: ERROR_MESSAGES.rate_limited, retryAfterSeconds: 30 }
    await expect(run(transportActors({ fetch: reply(429, { error }) }).secondFactor, { code: '123456' })).rejects.toEqual({
      status: 429,
      error,
    })
    const vague = { ...error, retryAfterSeconds: 'soon' }
    await expect(run(transportActors({ fetch: reply(429, { error: vague }) }).secondFactor, { code: '123456' })).rejects.toEqual({
      status: 429,
      error: { code: 'rate_limited', message: ERROR_MESSAGES.rate_limited },
    })
  })
})
