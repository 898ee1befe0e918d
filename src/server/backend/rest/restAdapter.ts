import { invalidResponse, type BackendResponse } from '../backendFetch'
import { sessionExpired } from '../../GatehouseError'
import { createBackendCaller } from './createBackendCaller'
import { signInError } from './signInError'
import { readPath } from './readPath'
import { readTokens } from './readTokens'
import { readUser } from './readUser'
import { resolveRestOptions } from './resolveRestOptions'
import type { RestAdapterOptions } from './RestAdapterOptions'
import type { BackendAdapter } from '../BackendAdapter'

function expectOk(response: BackendResponse, path: string): unknown {
  if (response.status >= 200 && response.status < 300) return response.body
  throw invalidResponse(`the backend answered ${response.status} at ${path}`)
}

/**
 * The adapter for token APIs over REST, described by options instead of code: paths and
 * methods, field names, envelopes, expiry formats, user mapping. The defaults speak the seed
 * contract (`POST /auth/login` `{ email, password }` → `{ data: { token, token_expires_at,
 * refresh_token, refresh_token_expires_at, user } }`). The options are checked here, once: a
 * wrong one throws an `Error` naming it, so the app stops at start-up rather than at the first
 * sign-in. See the README, "Use your own backend", for the table and worked examples.
 *
 * @example
 * // An OAuth2 password-grant token endpoint
 * const backend = restAdapter({
 *   baseUrl: process.env.AUTH_BACKEND_URL!,
 *   bodyFormat: 'form',
 *   signIn: { path: '/oauth/token', identifier: 'username', extraFields: { grant_type: 'password' } },
 *   refresh: { path: '/oauth/token', extraFields: { grant_type: 'refresh_token' } },
 *   profile: { path: '/userinfo', envelope: '' },
 *   signOut: { path: '/oauth/revoke', send: 'refresh', field: 'token' },
 *   tokens: { envelope: '', accessToken: 'access_token', accessTokenExpiresAt: 'expires_in', expiryFormat: 'lifetime-seconds' },
 *   user: { id: 'sub' },
 * })
 */
export function restAdapter(input: RestAdapterOptions): BackendAdapter {
  const options = resolveRestOptions(input)
  const call = createBackendCaller(options)
  const { signIn, refresh, profile, signOut } = options

  return {
    identifier: signIn.identifier,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    maxCallMs: options.maxCallMs,
    async signIn({ identifier, password }, { clientAddress } = {}) {
      const response = await call(signIn, {
        fields: { ...signIn.extraFields, [signIn.identifierField]: identifier, [signIn.passwordField]: password },
        clientAddress,
      })
      if (response.status >= 400 && response.status < 500) throw signInError(response, signIn)
      return readTokens(expectOk(response, signIn.path), options, options.now())
    },
    async refresh(refreshToken, { clientAddress } = {}) {
      if (refresh === false) throw sessionExpired()
      const sent =
        refresh.send === 'bearer'
          ? { bearer: refreshToken, fields: refresh.extraFields }
          : { fields: { ...refresh.extraFields, [refresh.field]: refreshToken } }
      const response = await call(refresh, { ...sent, clientAddress })
      if (response.status === 400 || response.status === 401 || response.status === 403) throw sessionExpired()
      return readTokens(expectOk(response, refresh.path), options, options.now())
    },
    async profile(accessToken) {
      const response = await call(profile, { bearer: accessToken })
      if (response.status === 401) throw sessionExpired()
      return readUser(readPath(expectOk(response, profile.path), profile.envelope), options.user)
    },
    async signOut({ accessToken, refreshToken }) {
      if (signOut === false) return
      const bearer = signOut.send === 'refresh' ? undefined : accessToken
      const token = signOut.send === 'access' ? undefined : refreshToken
      if (!bearer && !token) return
      expectOk(await call(signOut, { bearer, fields: token ? { [signOut.field]: token } : undefined }), signOut.path)
    },
  }
}
