import { ACCESS_TTL_SECONDS, ADA, createFakeTokenApi, json } from './createFakeTokenApi'

/**
 * Shaped like an OAuth2 password grant: one form-encoded `/oauth/token` endpoint for both
 * grants, `{ access_token, expires_in, refresh_token, refresh_expires_in }`, RFC 7009 revocation,
 * an OpenID-style `/userinfo`, and `{ error, error_description }` errors.
 */
export function fakeOAuth2Backend() {
  const issue = () => {
    const { access, refresh } = api.issue()
    return json(200, {
      access_token: access,
      token_type: 'Bearer',
      expires_in: ACCESS_TTL_SECONDS,
      refresh_token: refresh,
      refresh_expires_in: 1800,
      scope: 'openid',
    })
  }
  const api = createFakeTokenApi({
    'POST /oauth/token': ({ body }) => {
      if (body.client_id !== 'web') return json(401, { error: 'invalid_client', error_description: 'Unknown client.' })
      if (body.grant_type === 'password') {
        if (String(body.password).length < 4)
          return json(400, { error: 'invalid_request', error_description: 'The password is too short.' })
        if (body.username !== ADA.username || body.password !== ADA.password)
          return json(400, { error: 'invalid_grant', error_description: 'Invalid user credentials' })
        return issue()
      }
      if (body.grant_type === 'refresh_token') {
        return api.liveRefreshTokens.delete(String(body.refresh_token))
          ? issue()
          : json(400, { error: 'invalid_grant', error_description: 'Token is not active' })
      }
      return json(400, { error: 'unsupported_grant_type' })
    },
    'GET /userinfo': (call) =>
      api.authorized(call)
        ? json(200, { sub: '42', name: 'Ada Lovelace', email: ADA.email, preferred_username: 'ada', roles: ['staff'] })
        : json(401, { error: 'invalid_token' }),
    'POST /oauth/revoke': ({ body }) => {
      api.liveRefreshTokens.delete(String(body.token))
      return new Response(null, { status: 200 })
    },
  })
  return api
}
