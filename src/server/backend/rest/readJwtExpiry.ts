import { decodeBase64url } from '../../base64url'

/**
 * The `exp` claim of a JWT, in epoch milliseconds; `undefined` for anything else. The signature
 * is not checked: the token is the backend's, and only the backend needs to trust it.
 *
 * @example
 * readJwtExpiry(accessToken) // 1767225660000
 */
export function readJwtExpiry(token: string): number | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  const bytes = decodeBase64url(parts[1]!)
  if (!bytes) return undefined
  try {
    const exp: unknown = JSON.parse(new TextDecoder().decode(bytes)).exp
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined
  } catch {
    return undefined
  }
}
