import { createFakeTokenApi, json } from './backends/createFakeTokenApi'

export type { FakeBackendMode } from './backends/createFakeTokenApi'

/** Any token this backend hands out. */
export const FAKE_TOKEN = /access-\d|refresh-\d/
const USER = { id: 7, name: 'Demo User', email: 'demo@example.com', role: 'user', internal_notes: 'not for the cookie' }

/**
 * An in-process backend speaking the seed's REST contract (the REST adapter's defaults), on the
 * common fake framework: `state.mode` switches on the ways real backends fail. `tokenPadding`
 * lengthens every access token, as backends that pack claims into JWTs do.
 */
export function createFakeBackend({ accessTtlMs = 60_000, refreshTtlMs = 3_600_000, now = Date.now, tokenPadding = 0 } = {}) {
  const instance = crypto.randomUUID().slice(0, 8)
  let pairs = 0
  const issue = () => {
    const { access, refresh } = api.issue()
    return json(200, {
      data: {
        token: access,
        token_expires_at: new Date(now() + accessTtlMs).toISOString(),
        refresh_token: refresh,
        refresh_token_expires_at: new Date(now() + refreshTtlMs).toISOString(),
        user: USER,
      },
    })
  }
  const api = createFakeTokenApi(
    {
      'POST /auth/login': ({ body }) => {
        if (!String(body.email).includes('@'))
          return json(422, { message: 'The given data was invalid.', data: { email: ['The email must be a valid email address.'] } })
        if (body.email !== 'demo@example.com' || body.password !== 'demo-password')
          return json(401, { message: 'These credentials do not match our records.' })
        return issue()
      },
      'POST /auth/refresh': ({ body }) =>
        api.liveRefreshTokens.delete(String(body.refresh_token)) ? issue() : json(401, { message: 'Invalid refresh token.' }),
      'GET /auth/profile': () => json(200, { data: USER }),
      'POST /auth/logout': () => new Response(null, { status: 204 }),
    },
    {
      // `access-<n>@<instance>` and its `refresh-<n>@<instance>`: the tests read which pair a cookie holds.
      makeToken: (kind) => {
        if (kind === 'access') pairs += 1
        return `${kind}-${pairs}@${instance}${kind === 'access' ? 'x'.repeat(tokenPadding) : ''}`
      },
    },
  )
  return api
}
