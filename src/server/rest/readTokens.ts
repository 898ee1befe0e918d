import { invalidResponse } from '../backendFetch'
import type { BackendTokens } from '../types'
import { readExpiry } from './readExpiry'
import { readJwtExpiry } from './readJwtExpiry'
import { readPath } from './readPath'
import { readUser } from './readUser'
import type { ResolvedRestOptions } from './resolveRestOptions'

const where = (envelope: string, field: string) => (envelope ? `${envelope}.${field}` : field)

/**
 * Reads a login or refresh answer: the tokens, their expiry (from the answer, else the token's
 * JWT `exp`, else the configured lifetime) and the user when the answer carries one.
 *
 * @example
 * readTokens({ access_token: 'abc', expires_in: 3600 }, options, Date.now())
 */
export function readTokens(body: unknown, options: ResolvedRestOptions, now: number): BackendTokens {
  const { tokens } = options
  const envelope = readPath(body, tokens.envelope)
  const accessToken = readPath(envelope, tokens.accessToken)
  if (typeof accessToken !== 'string' || accessToken === '') throw invalidResponse(`no access token at "${where(tokens.envelope, tokens.accessToken)}" in its answer`)

  const expiry = (field: string, token: string, ttlSeconds: number | undefined, ttlSetting: string) => {
    const value = readPath(envelope, field)
    if (value !== undefined && value !== null) {
      const time = readExpiry(value, tokens.expiryFormat, now)
      if (time === undefined) throw invalidResponse(`"${where(tokens.envelope, field)}" is not a time in the "${tokens.expiryFormat}" format`)
      return time
    }
    const time = readJwtExpiry(token) ?? (ttlSeconds === undefined ? undefined : now + ttlSeconds * 1000)
    if (time === undefined) throw invalidResponse(`no expiry at "${where(tokens.envelope, field)}" and the token is not a JWT; set "${ttlSetting}"`)
    return time
  }

  const refreshToken = options.refresh === false ? undefined : readPath(envelope, tokens.refreshToken)
  const user = readPath(envelope, tokens.user)
  return {
    accessToken,
    accessTokenExpiresAt: expiry(tokens.accessTokenExpiresAt, accessToken, tokens.accessTokenTtlSeconds, 'tokens.accessTokenTtlSeconds'),
    ...(typeof refreshToken === 'string' && refreshToken !== ''
      ? { refreshToken, refreshTokenExpiresAt: expiry(tokens.refreshTokenExpiresAt, refreshToken, tokens.refreshTokenTtlSeconds, 'tokens.refreshTokenTtlSeconds') }
      : {}),
    ...(user === undefined || user === null ? {} : { user: readUser(user, options.user) }),
  }
}
