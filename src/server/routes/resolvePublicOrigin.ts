export interface PublicOriginOptions {
  /**
   * The app's public URL, e.g. `https://app.example.com`: the only origin unsafe requests may
   * come from. Default: `AUTH_URL`; without either, the request's `Host`.
   */
  url?: string
  /**
   * Believe a proxy's `X-Forwarded-Host` and `X-Forwarded-Proto` about where the browser sent the
   * request. Only behind a proxy that sets them itself. Default: `AUTH_TRUST_HOST` (`true` or `1`).
   */
  trustHost?: boolean
}

/** The origin a request was addressed to, as its browser saw it; `null` when it cannot be told. */
export type PublicOrigin = (request: Request) => string | null

const firstValue = (header: string | null) => header?.split(',')[0]?.trim() || null

function parseUrlSetting(value: string, setting: string): string {
  const url = URL.canParse(value) ? new URL(value) : null
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw new Error(
      `gatehouse: ${setting} must be the app's public address as an absolute http(s) URL, such as https://app.example.com; it is "${value}".`,
    )
  }
  return url.origin
}

function parseFlagSetting(value: string | undefined, setting: string): boolean {
  const flag = (value ?? '').trim().toLowerCase()
  if (flag === 'true' || flag === '1') return true
  if (flag === '' || flag === 'false' || flag === '0') return false
  throw new Error(`gatehouse: ${setting} must be "true" or "false"; it is "${value}".`)
}

// A host name (underscores too, as container names have them) or an IP literal with an optional
// port: nothing a URL could read as a path or user.
const BARE_HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(:\d{1,5})?$/i

/** `scheme//host` when `host` is a bare host (and port) and nothing else, else `null`. */
function originOf(scheme: string, host: string | null): string | null {
  if (!host || !BARE_HOST.test(host) || (scheme !== 'https:' && scheme !== 'http:')) return null
  const candidate = `${scheme}//${host}`
  return URL.canParse(candidate) ? new URL(candidate).origin : null
}

/**
 * Where the app is, for the CSRF check and for anything that compares an origin: the configured
 * public URL; else the `Host` the browser sent, with the request's scheme; and with `trustHost`,
 * what the proxy says in `X-Forwarded-Host` / `X-Forwarded-Proto` first. Never `request.url`'s
 * host, which Next.js sets to `localhost` whatever the browser asked for; only a request with no
 * `Host` header at all (one built in code) falls back to it. A malformed setting throws, naming it.
 *
 * @example
 * const publicOrigin = resolvePublicOrigin({ trustHost: true })
 * publicOrigin(request) // 'https://app.example.com', from X-Forwarded-Host and X-Forwarded-Proto
 */
export function resolvePublicOrigin(
  options: PublicOriginOptions = {},
  env: Record<string, string | undefined> = process.env,
): PublicOrigin {
  const configured =
    options.url !== undefined
      ? parseUrlSetting(options.url, 'the `url` option')
      : env.AUTH_URL
        ? parseUrlSetting(env.AUTH_URL, 'AUTH_URL')
        : null
  if (configured) return () => configured
  const trustHost = options.trustHost ?? parseFlagSetting(env.AUTH_TRUST_HOST, 'AUTH_TRUST_HOST')
  return (request) => {
    const url = new URL(request.url)
    const forwardedScheme = trustHost ? firstValue(request.headers.get('x-forwarded-proto')) : null
    const scheme = forwardedScheme ? `${forwardedScheme.toLowerCase()}:` : url.protocol
    const forwardedHost = trustHost ? firstValue(request.headers.get('x-forwarded-host')) : null
    const host = request.headers.get('host')
    return originOf(scheme, forwardedHost ?? (host === null ? url.host : host.trim()))
  }
}
