import { ACCESS_TTL_SECONDS, ADA, createFakeTokenApi, fakeJwt, json } from './createFakeTokenApi'

/**
 * Shaped like Django REST framework with simplejwt: bare `{ access, refresh }` JWTs without
 * expiry fields, rotating refresh tokens, a blacklist endpoint, `{ detail }` and bare
 * `{ field: [...] }` errors.
 */
export function fakeSimpleJwtBackend() {
  const lifetime = { access: ACCESS_TTL_SECONDS, refresh: 86_400 }
  const api = createFakeTokenApi(
    {
      'POST /api/token/': ({ body }) => {
        if (String(body.password).length < 4) return json(400, { password: ['Ensure this field has at least 4 characters.'] })
        if (body.username !== ADA.username || body.password !== ADA.password)
          return json(401, { detail: 'No active account found with the given credentials' })
        return json(200, api.issue())
      },
      'POST /api/token/refresh/': ({ body }) => {
        if (!api.liveRefreshTokens.delete(String(body.refresh)))
          return json(401, { detail: 'Token is invalid or expired', code: 'token_not_valid' })
        return json(200, api.issue())
      },
      'GET /api/users/me/': (call) =>
        api.authorized(call)
          ? json(200, { id: 42, username: 'ada', first_name: 'Ada', last_name: 'Lovelace', email: ADA.email, groups: ['staff'] })
          : json(401, { detail: 'Authentication credentials were not provided.' }),
      'POST /api/token/blacklist/': ({ body }) =>
        api.liveRefreshTokens.delete(String(body.refresh)) ? json(200, {}) : json(401, { detail: 'Token is blacklisted' }),
    },
    { makeToken: (kind, serial) => fakeJwt({ token_type: kind, jti: serial, exp: Math.floor(Date.now() / 1000) + lifetime[kind] }) },
  )
  return api
}
