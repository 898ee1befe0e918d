import { invalidResponse } from '../backendFetch'
import type { BackendTokens } from '../BackendAdapter'
import { readExpiry } from './readExpiry'
import { readJwtExpiry } from './readJwtExpiry'
import { readPath } from './readPath'
import { readUser } from './readUser'
import type { ResolvedRestOptions } from './resolveRestOptions'

const CENTURY_MS = 100 * 365 * 86_400_000
const where = (envelope: string, field: string) => (envelope ? `${envelope}.${field}` : field)

/**
 * Reads a sign-in or refresh answer: the tokens, their expiry (from the answer, else the token's
 * JWT `exp`, else the configured lifetime) and the user when the answer carries one.
 *
 * @example
 * readTokens({ access_token: 'abc', expires_in: 3600 }, options, Date.now())
 */
export function readTokens(body: unknown, options: ResolvedRestOptions, now: number): BackendTokens {
  const { tokens } = options
  const envelope = readPath(body, tokens.envelope)
  const accessToken = readPath(envelope, tokens.accessToken)
  if (typeof accessToken !== 'string' || accessToken === '')
    throw invalidResponse(`no access token at "${where(tokens.envelope, tokens.accessToken)}" in its answer`)

  const expiry = (field: string, token: string, ttlSeconds: number | undefined, ttlSetting: string) => {
    const value = readPath(envelope, field)
    const stated = value !== undefined && value !== null
    const time = stated
      ? readExpiry(value, tokens.expiryFormat, now)
      : (readJwtExpiry(token) ?? (ttlSeconds === undefined ? undefined : now + ttlSeconds * 1000))
    if (stated && time === undefined)
      throw invalidResponse(`"${where(tokens.envelope, field)}" is not a time in the "${tokens.expiryFormat}" format`)
    if (time === undefined)
      throw invalidResponse(`no expiry at "${where(tokens.envelope, field)}" and the token is not a JWT; set "${ttlSetting}"`)
    // A past or impossible expiry is most often a wrong format (seconds read as milliseconds); taken as is, it would refresh in a loop.
    if (!(time > now && time < now + CENTURY_MS)) {
      throw invalidResponse(
        `the expiry ${stated ? `at "${where(tokens.envelope, field)}" ` : ''}is past or out of range${stated ? `; is "tokens.expiryFormat" right?` : ''}`,
      )
    }
    return time
  }

  const refreshToken = options.refresh === false ? undefined : readPath(envelope, tokens.refreshToken)
  const user = readPath(envelope, tokens.user)
  return {
    accessToken,
    accessTokenExpiresAt: expiry(tokens.accessTokenExpiresAt, accessToken, tokens.accessTokenTtlSeconds, 'tokens.accessTokenTtlSeconds'),
    ...(typeof refreshToken === 'string' && refreshToken !== ''
      ? {
          refreshToken,
          refreshTokenExpiresAt: expiry(
            tokens.refreshTokenExpiresAt,
            refreshToken,
            tokens.refreshTokenTtlSeconds,
            'tokens.refreshTokenTtlSeconds',
          ),
        }
      : {}),
    ...(user === undefined || user === null ? {} : { user: readUser(user, options.user) }),
  }
}
