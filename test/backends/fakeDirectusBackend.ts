import { ACCESS_TTL_SECONDS, ADA, createFakeTokenApi, json } from './createFakeTokenApi'

const failure = (status: number, message: string, extensions: Record<string, string>) => json(status, { errors: [{ message, extensions }] })

/**
 * Shaped like Directus: `{ data: { access_token, expires (ms), refresh_token } }`, a refresh
 * that wants `mode: "json"`, logout by refresh token, and GraphQL-style
 * `{ errors: [{ message, extensions: { code } }] }` errors.
 */
export function fakeDirectusBackend() {
  const issue = () => {
    const { access, refresh } = api.issue()
    return json(200, { data: { access_token: access, expires: ACCESS_TTL_SECONDS * 1000, refresh_token: refresh } })
  }
  const api = createFakeTokenApi({
    'POST /auth/login': ({ body }) => {
      if (String(body.password).length < 4)
        return failure(400, '"password" length must be at least 4 characters long', { code: 'INVALID_PAYLOAD', field: 'password' })
      if (body.email !== ADA.email || body.password !== ADA.password)
        return failure(401, 'Invalid user credentials.', { code: 'INVALID_CREDENTIALS' })
      return issue()
    },
    'POST /auth/refresh': ({ body }) => {
      if (body.mode !== 'json') return failure(400, '"mode" must be one of [json, cookie, session]', { code: 'INVALID_PAYLOAD' })
      return api.liveRefreshTokens.delete(String(body.refresh_token))
        ? issue()
        : failure(401, 'Invalid user credentials.', { code: 'INVALID_CREDENTIALS' })
    },
    'GET /users/me': (call) =>
      api.authorized(call)
        ? json(200, { data: { id: 42, first_name: 'Ada', last_name: 'Lovelace', email: ADA.email, role: { name: 'staff' } } })
        : failure(401, 'Token expired.', { code: 'TOKEN_EXPIRED' }),
    'POST /auth/logout': ({ body }) => {
      api.liveRefreshTokens.delete(String(body.refresh_token))
      return new Response(null, { status: 204 })
    },
  })
  return api
}
