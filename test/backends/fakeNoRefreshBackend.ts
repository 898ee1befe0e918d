import { ACCESS_TTL_SECONDS, ADA, createFakeTokenApi, json } from './createFakeTokenApi'

const OWNER = { id: 42, name: 'Ada Lovelace', email: ADA.email, roles: ['staff'] }

/**
 * Shaped like a personal-access-token API (Laravel Sanctum-like): no refresh token at all, the
 * token nested under `result.session` with an epoch-seconds expiry and its owner, Laravel's
 * `{ message, errors: { field: [...] } }`, and sign-out by deleting the current token.
 */
export function fakeNoRefreshBackend() {
  const api = createFakeTokenApi({
    'POST /api/sessions': ({ body }) => {
      if (String(body.password).length < 4)
        return json(422, {
          message: 'The password field must be at least 4 characters.',
          errors: { password: ['The password field must be at least 4 characters.'] },
        })
      if (body.login !== ADA.email || body.password !== ADA.password)
        return json(401, { message: 'These credentials do not match our records.' })
      const access = api.issueAccess()
      return json(201, {
        result: { session: { plain_text_token: access, expires_at: Math.floor(Date.now() / 1000) + ACCESS_TTL_SECONDS, owner: OWNER } },
      })
    },
    'GET /api/me': (call) => (api.authorized(call) ? json(200, OWNER) : json(401, { message: 'Unauthenticated.' })),
    'DELETE /api/sessions/current': (call) => {
      if (!call.bearer || !api.liveAccessTokens.delete(call.bearer)) return json(401, { message: 'Unauthenticated.' })
      return new Response(null, { status: 204 })
    },
  })
  return api
}
