import { describe, expect, it, vi } from 'vitest'
import { CLIENT_HEADER } from './clientHeader'
import { createTransport } from './createTransport'

const reply = (status: number, body: unknown) => vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }))

describe('createTransport', () => {
  it('posts credentials as JSON to the configured base path, marked as gatehouse\'s own request', async () => {
    const fetch = reply(200, { user: { id: '1', roles: [] }, expiresAt: '2026-01-01T00:00:00.000Z' })
    const result = await createTransport({ basePath: '/auth', fetch }).login({ email: 'a@b.c', password: 'pw' })
    expect(result).toEqual({ ok: true, session: { user: { id: '1', roles: [] }, expiresAt: '2026-01-01T00:00:00.000Z' } })
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/auth/login')
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"email":"a@b.c","password":"pw"}' })
    expect(new Headers(init.headers).get(CLIENT_HEADER)).toBe('1')
  })

  it('passes on that a session cannot be refreshed', async () => {
    const session = { user: { id: '1', roles: [] }, expiresAt: '2026-01-01T00:00:00.000Z', refreshable: false }
    expect(await createTransport({ fetch: reply(200, session) }).session()).toEqual({ ok: true, session })
  })

  it('reads a signed-out session as null', async () => {
    expect(await createTransport({ fetch: reply(200, { user: null }) }).session()).toEqual({ ok: true, session: null })
  })

  it('passes the shared error shape through with its status', async () => {
    const error = { code: 'validation_failed', message: 'Check the fields.', fields: { email: ['Required.'] } }
    expect(await createTransport({ fetch: reply(422, { error }) }).login({ email: '', password: '' })).toEqual({ ok: false, status: 422, error })
  })

  it('turns a network failure and an unexpected body into errors of the same shape', async () => {
    const offline = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')))
    expect(await createTransport({ fetch: offline }).refresh()).toMatchObject({ ok: false, status: 0, error: { code: 'network_error' } })
    expect(await createTransport({ fetch: reply(502, '<html>') }).refresh()).toMatchObject({ ok: false, status: 502, error: { code: 'unexpected_response' } })
  })
})
