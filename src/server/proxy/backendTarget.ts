import { GatehouseError } from '../GatehouseError'

const invalidPath = () => new GatehouseError(400, 'invalid_path', 'This path cannot be forwarded to the backend.')

/**
 * The backend URL for a request to the proxy route mounted at `basePath`, or a 400 / 404
 * `GatehouseError`. The rest of the path must be plain: no dot segments, no encoded slash,
 * backslash, dot or percent sign (a second decoding must not change it), no control character, no second scheme or authority; and it must fall under
 * one of the allowed prefixes (whole segments: `/orders` allows `/orders/7`, not `/orders-admin`).
 *
 * @example
 * backendTarget(new URL('https://app.example/api/backend/orders/7?x=1'), '/api/backend', 'https://api.example', ['/orders'])
 * // URL https://api.example/orders/7?x=1
 */
export function backendTarget(url: URL, basePath: string, baseUrl: string, allow: readonly string[]): URL {
  if (!url.pathname.startsWith(`${basePath}/`)) throw invalidPath()
  const path = url.pathname.slice(basePath.length)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/%(2f|5c|2e|25|00)|\\|\/\/|[\u0000-\u001f\u007f]/i.test(path)) throw invalidPath()
  const segments = path.split('/').slice(1)
  // An empty last segment is a trailing slash, which some backends (Django) want.
  const plain = (segment: string, index: number) =>
    (segment !== '' || index === segments.length - 1) && segment !== '.' && segment !== '..' && !segment.includes(':')
  if (segments[0] === '' || !segments.every(plain)) throw invalidPath()
  if (!allow.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
    throw new GatehouseError(404, 'not_found', `${path} is not one of the backend paths this app forwards.`)
  }
  const base = new URL(baseUrl)
  const pathname = `${base.pathname.replace(/\/+$/, '')}${path}`
  const target = new URL(`${pathname}${url.search}`, base.origin)
  // The URL parser has had the last word: the target must still be on the backend, at that very path.
  if (target.origin !== base.origin || target.pathname !== pathname) throw invalidPath()
  return target
}
