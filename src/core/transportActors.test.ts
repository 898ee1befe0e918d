import { describe, expect, it, vi } from 'vitest'
import { createActor, toPromise, type AnyActorLogic } from 'xstate'
import { CLIENT_HEADER } from '../contract/clientHeader'
import { ERROR_MESSAGES } from '../contract/errorCatalogue'
import { transportActors } from './transportActors'

const reply = (status: number, body: unknown) =>
  vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }))
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

  it("reads an error code outside the catalogue as an unexpected answer, with the catalogue's message", async () => {
    const error = { code: 'token_not_valid', message: 'Token is invalid or expired' }
    await expect(run(transportActors({ fetch: reply(401, { error }) }).signIn, { email: 'a@b.c', password: 'pw' })).rejects.toEqual({
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
  /** The proxy routes as a fetch: the session route answers `current`, the refresh route `refreshed`. */
  const routes = (current: object) =>
    vi.fn(async (url: string | URL | Request) => Response.json(String(url).endsWith('/refresh') ? refreshed : current))
  const refreshWith = (fetch: typeof globalThis.fetch) =>
    run(transportActors({ fetch }).refresh, { knownExpiresAt: known, lockTimeoutMs: 1_000 })
  const refreshCalls = (fetch: ReturnType<typeof routes>) => fetch.mock.calls.filter(([url]) => String(url).endsWith('/refresh')).length

  it('adopts the session another tab already refreshed, without refreshing again', async () => {
    const fetch = routes({ user, expiresAt: '2026-01-01T00:05:00.000Z' })
    expect((await refreshWith(fetch))?.expiresAt).toBe('2026-01-01T00:05:00.000Z')
    expect(refreshCalls(fetch)).toBe(0)
  })

  it('refreshes when the session is still the one this tab knows', async () => {
    const fetch = routes({ user, expiresAt: known })
    expect(await refreshWith(fetch)).toEqual(refreshed)
    expect(refreshCalls(fetch)).toBe(1)
  })

  it('never asks to refresh a session the backend gave no refresh token for', async () => {
    const fetch = routes({ user, expiresAt: known, refreshable: false })
    expect((await refreshWith(fetch))?.expiresAt).toBe(known)
    expect(refreshCalls(fetch)).toBe(0)
  })

  it('does not ask to refresh once the machine has moved on (stopped the refresh) meanwhile', async () => {
    let stopRefresh = () => {}
    const fetch = vi.fn(async (url: string | URL | Request) => {
      if (String(url).endsWith('/session')) stopRefresh()
      return Response.json({ user, expiresAt: known })
    })
    const actor = createActor(transportActors({ fetch }).refresh, { input: { knownExpiresAt: known, lockTimeoutMs: 1_000 } })
    stopRefresh = () => actor.stop()
    actor.start()
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1))
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual(['/api/auth/session'])
  })

  it('ends with no session when the cookies are already gone', async () => {
    const fetch = routes({ user: null })
    expect(await refreshWith(fetch)).toBeNull()
    expect(refreshCalls(fetch)).toBe(0)
  })
})
