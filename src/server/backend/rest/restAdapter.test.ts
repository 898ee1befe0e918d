import { describe, expect, it } from 'vitest'
import { createFakeTokenApi, json } from '../../../../test/backends/createFakeTokenApi'
import { ERROR_MESSAGES } from '../../../contract/errorCatalogue'
import { restAdapter } from './restAdapter'
import type { RestAdapterOptions } from './RestAdapterOptions'

const TOKENS = {
  data: {
    token: 'a',
    token_expires_at: '2030-01-01T00:00:00Z',
    refresh_token: 'r2',
    refresh_token_expires_at: '2030-01-02T00:00:00Z',
    user: { id: 1 },
  },
}

/** A backend that answers every call with `reply`, recording what it was sent. */
function adapterWith(reply: () => Response, options: Omit<RestAdapterOptions, 'baseUrl'> = {}) {
  const api = createFakeTokenApi(new Proxy({}, { get: () => reply }))
  return { api, backend: restAdapter({ baseUrl: 'http://backend.test', fetch: api.fetch, ...options }) }
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('it should have failed'),
    (error: unknown) => error,
  )

describe('restAdapter requests', () => {
  it('sends the refresh token as a Bearer header, with extra fields as a form', async () => {
    const { api, backend } = adapterWith(() => json(200, TOKENS), {
      bodyFormat: 'form',
      refresh: { method: 'PUT', path: '/session', send: 'bearer', extraFields: { grant_type: 'refresh_token' } },
    })
    await backend.refresh('r1')
    expect(api.calls).toEqual([{ method: 'PUT', path: '/session', bearer: 'r1', body: { grant_type: 'refresh_token' } }])
  })

  it('sends both tokens on sign-out when asked, and nothing when there is none to send', async () => {
    const { api, backend } = adapterWith(() => new Response(null, { status: 204 }), { signOut: { send: 'both', field: 'token' } })
    await backend.signOut({ accessToken: 'a', refreshToken: 'r' })
    await backend.signOut({})
    expect(api.calls).toEqual([{ method: 'POST', path: '/auth/logout', bearer: 'a', body: { token: 'r' } }])
  })

  it('calls nothing when sign-out is off, and ends the session when refresh is off', async () => {
    const { api, backend } = adapterWith(() => json(200, TOKENS), { refresh: false, signOut: false })
    await backend.signOut({ accessToken: 'a' })
    expect(await failure(backend.refresh('r'))).toMatchObject({ status: 401, code: 'session_expired' })
    expect(api.calls).toEqual([])
  })

  it('sends the identifier under its configured field name, with extra fields', async () => {
    const { api, backend } = adapterWith(() => json(200, TOKENS), {
      signIn: { identifier: 'username', identifierField: 'login', passwordField: 'secret', extraFields: { client_id: 'web' } },
    })
    await backend.signIn({ identifier: 'ada', password: 'pw' })
    expect(api.calls[0]!.body).toEqual({ client_id: 'web', login: 'ada', secret: 'pw' })
  })
})

describe('restAdapter answers', () => {
  it("renames the backend's field errors to the form's names and folds the others into the message", async () => {
    const { backend } = adapterWith(() => json(422, { errors: { login: ['Unknown login.'], tenant: ['Pick a tenant.'] } }), {
      signIn: { identifier: 'username', identifierField: 'login' },
    })
    expect(await failure(backend.signIn({ identifier: 'ada', password: 'pw' }))).toMatchObject({
      status: 422,
      code: 'validation_failed',
      message: 'Pick a tenant.',
      fields: { username: ['Unknown login.'] },
    })
  })

  it('answers a sign-in at a wrong path as a 502 naming the path for the log only, not as wrong credentials', async () => {
    const { backend } = adapterWith(() => json(404, { message: 'Not found.' }), { signIn: { path: '/auth/signin' } })
    const error = await failure(backend.signIn({ identifier: 'ada@example.com', password: 'pw' }))
    expect(error).toMatchObject({
      status: 502,
      code: 'backend_invalid_response',
      message: ERROR_MESSAGES.backend_invalid_response,
      detail: 'the backend answered 404 to the sign-in at /auth/signin',
    })
  })

  it('keeps the session when a refresh hits a wrong path, and ends it when the token is refused', async () => {
    expect(await failure(adapterWith(() => json(404, {})).backend.refresh('r'))).toMatchObject({
      status: 502,
      code: 'backend_invalid_response',
    })
    expect(await failure(adapterWith(() => json(400, { error: 'invalid_grant' })).backend.refresh('r'))).toMatchObject({
      status: 401,
      code: 'session_expired',
    })
  })

  it('reads the user from the profile under its envelope, mapped', async () => {
    const { backend } = adapterWith(
      () => json(200, { result: { me: { uuid: 'u1', first: 'Ada', last: 'L.', mail: 'ada@example.com', groups: ['staff'] } } }),
      {
        profile: { envelope: 'result.me' },
        user: { id: 'uuid', name: ['first', 'last'], email: 'mail', roles: 'groups' },
      },
    )
    expect(await backend.profile('a')).toEqual({ id: 'u1', name: 'Ada L.', email: 'ada@example.com', roles: ['staff'] })
  })
})
