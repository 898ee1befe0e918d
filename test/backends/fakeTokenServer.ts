import type { RestAdapterShape } from '../../src/server/backend/rest/RestAdapterOptions'
import { ADA, createFakeTokenApi, json } from './createFakeTokenApi'

/**
 * What token servers in the field do with a refresh token when it is exchanged:
 * - `rotate-revoke-family`: a new one each time; the old one used again revokes the whole family (RFC 9700; the demo backend);
 * - `rotate-no-grace`: a new one each time; the old one is dead at once (no family revocation);
 * - `echo`: the same one back (Spring Authorization Server's `reuseRefreshTokens`, Duende's `ReUse`, Okta without rotation);
 * - `omit`: none in the answer, the old one stays good (simplejwt's defaults, Google, Auth0 without rotation; RFC 6749 §6).
 */
export type RefreshBehaviour = 'rotate-revoke-family' | 'rotate-no-grace' | 'echo' | 'omit'

export const ACCESS_LIFETIME_SECONDS = 60

/**
 * An OAuth2-shaped token server on a clock the test moves: `/token` for both grants (the refresh
 * token in the body, or with `refreshIn: 'header'` as `Authorization: Bearer`), `/me` for the
 * profile. Access tokens really expire on that clock. `answerDelayMs` holds every answer back on
 * a real timer, as a network would.
 */
export function fakeTokenServer({
  refresh,
  refreshIn = 'body',
  now,
  answerDelayMs = 0,
  accessLifetimeSeconds = ACCESS_LIFETIME_SECONDS,
}: {
  refresh: RefreshBehaviour
  refreshIn?: 'body' | 'header'
  now: () => number
  answerDelayMs?: number
  accessLifetimeSeconds?: number
}) {
  const accessExpiry = new Map<string, number>()
  /** The family of each refresh token ever issued; `liveRefreshTokens` says which still work. */
  const families = new Map<string, string>()
  const stats = { signIns: 0, refreshes: 0, replays: 0 }

  const issueAccess = () => {
    const token = api.issueAccess()
    accessExpiry.set(token, now() + accessLifetimeSeconds * 1000)
    return token
  }
  const issueRefresh = (family: string) => {
    const token = api.issueRefresh()
    families.set(token, family)
    return token
  }
  const answer = (access: string, refreshToken: string | undefined) =>
    json(200, {
      access_token: access,
      token_type: 'Bearer',
      expires_in: accessLifetimeSeconds,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
    })

  const exchange = (presented: string): Response => {
    const family = families.get(presented)
    if (family === undefined || !api.liveRefreshTokens.has(presented)) {
      if (family !== undefined) {
        stats.replays += 1
        if (refresh === 'rotate-revoke-family')
          for (const [token, owner] of families) if (owner === family) api.liveRefreshTokens.delete(token)
      }
      return json(400, { error: 'invalid_grant', error_description: 'Token is not active' })
    }
    stats.refreshes += 1
    const access = issueAccess()
    if (refresh === 'echo') return answer(access, presented)
    if (refresh === 'omit') return answer(access, undefined)
    api.liveRefreshTokens.delete(presented)
    return answer(access, issueRefresh(family))
  }

  const api = createFakeTokenApi(
    {
      'POST /token': ({ body, bearer }) => {
        if (body.grant_type === 'refresh_token') return exchange(String((refreshIn === 'header' ? bearer : body.refresh_token) ?? ''))
        if (body.grant_type !== 'password') return json(400, { error: 'unsupported_grant_type' })
        if (body.username !== ADA.username || body.password !== ADA.password)
          return json(400, { error: 'invalid_grant', error_description: 'Invalid user credentials' })
        stats.signIns += 1
        const access = issueAccess()
        return answer(access, issueRefresh(access))
      },
      'GET /me': ({ bearer }) => {
        const expiresAt = bearer === undefined ? undefined : accessExpiry.get(bearer)
        return expiresAt !== undefined && expiresAt > now()
          ? json(200, { sub: '42', name: 'Ada Lovelace', email: ADA.email, roles: ['staff'] })
          : json(401, { error: 'invalid_token' })
      },
    },
    { answerDelayMs },
  )

  return { fetch: api.fetch, options: tokenServerOptions(refreshIn), stats }
}

/** The REST adapter options that speak to a `fakeTokenServer`. */
export const tokenServerOptions = (refreshIn: 'body' | 'header' = 'body'): RestAdapterShape => ({
  bodyFormat: 'form',
  signIn: { path: '/token', identifier: 'username', extraFields: { grant_type: 'password' } },
  refresh: { path: '/token', send: refreshIn === 'header' ? 'bearer' : 'body', extraFields: { grant_type: 'refresh_token' } },
  profile: { path: '/me', envelope: '' },
  signOut: false,
  tokens: {
    envelope: '',
    accessToken: 'access_token',
    accessTokenExpiresAt: 'expires_in',
    expiryFormat: 'lifetime-seconds',
    refreshTokenTtlSeconds: 86_400,
  },
  user: { id: 'sub' },
})
