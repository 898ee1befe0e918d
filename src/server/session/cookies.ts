/** How every session cookie is written, from `createGatehouse`'s options. */
export interface CookieOptions {
  /** `Secure`, with the `__Host-` prefix on the names: `secureCookies`. */
  secure: boolean
  /** The cookies' `SameSite`: `sameSite`. */
  sameSite: 'lax' | 'strict'
}

/**
 * The `Cache-Control` of every answer that writes a cookie or depends on one: no cache, shared
 * or the browser's own, keeps it, so no one is ever handed another person's `Set-Cookie`.
 */
export const PRIVATE_NO_STORE = 'private, no-store'

/** One cookie to set (with an expiry) or to clear (`value: null`). */
export interface CookieWrite {
  /** The cookie's name, prefix included. */
  name: string
  /** The sealed value to set; `null` clears the cookie. */
  value: string | null
  /** When the browser drops the cookie; absent, it lasts as long as the browser session. */
  expires?: Date
}

/** Reads a `Cookie` header into a map; malformed pairs are skipped, the first of duplicate names wins. */
export function parseCookies(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>()
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=')
    if (separator < 1) continue
    const name = pair.slice(0, separator).trim()
    if (!cookies.has(name)) cookies.set(name, pair.slice(separator + 1).trim())
  }
  return cookies
}

/** A `Set-Cookie` value: always HttpOnly, Path=/ and no Domain, so only this host's server reads it. */
export function serializeCookie(write: CookieWrite, options: CookieOptions): string {
  const parts = [`${write.name}=${write.value ?? ''}`, 'Path=/', 'HttpOnly', `SameSite=${options.sameSite === 'strict' ? 'Strict' : 'Lax'}`]
  if (options.secure) parts.push('Secure')
  if (write.value === null) parts.push('Max-Age=0', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT')
  else if (write.expires) parts.push(`Expires=${write.expires.toUTCString()}`)
  return parts.join('; ')
}

/** Appends a `Set-Cookie` header per write. */
export function appendCookies(headers: Headers, writes: readonly CookieWrite[], options: CookieOptions): void {
  for (const write of writes) headers.append('set-cookie', serializeCookie(write, options))
}
