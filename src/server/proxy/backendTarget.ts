import { GatehouseError } from '../GatehouseError'

const invalidPath = () => new GatehouseError(400, 'invalid_path')

// RFC 3986 unreserved characters, the sub-delims no server reads as a parameter (`;` is one that
// Tomcat, Jetty and Spring do), and `@`; a percent-encoding only of a byte that is not ASCII.
const PLAIN_SEGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,=@]|%[89A-Fa-f][0-9A-Fa-f])+$/
// Unicode a backend may read as something else: controls, invisible formatting, spaces, and
// whatever NFKC folds into another character (`．` U+FF0E is `.` to IIS and to Java normalisers).
const MISLEADING = /[\p{C}\p{Z}]/u
// The URL parser has already encoded any raw control character in the query.
const QUERY_LINE_BREAK = /%(0a|0d|00)/i

function isPlainSegment(segment: string): boolean {
  if (!PLAIN_SEGMENT.test(segment) || /^\.+$/.test(segment)) return false
  try {
    const text = decodeURIComponent(segment)
    return !MISLEADING.test(text) && text.normalize('NFKC') === text
  } catch {
    // Not UTF-8: overlong forms such as `%c0%ae` decode to `.` in lenient decoders.
    return false
  }
}

/**
 * The backend URL for a request to the proxy route mounted at `basePath`, or a 400 `invalid_path` /
 * 404 `not_found` `GatehouseError`. The rest of the path is checked against an allow-list, so that
 * no server behind the backend reads it differently: every segment is non-empty (but for a trailing
 * slash) and made only of RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`),
 * `! $ & ' ( ) * + , =` and `@`, and of percent-encodings of non-ASCII bytes that decode to UTF-8
 * text free of controls, spaces and invisible characters and that NFKC leaves as it is (`€` passes).
 * So `;` path parameters (`..;/`), `:`, encoded ASCII of any kind (`%2e`, `%2f`, `%5c`, `%3b`,
 * `%25`, `%0d`, `%20`), `%u002e`, overlong UTF-8 (`%c0%ae`) and segments made only of dots are
 * refused. Dot segments in any spelling the URL parser knows (`..`, `%2e%2E`, `.%2e`) are resolved
 * by it before this sees the URL, so they climb at most to the plain path they name. The query
 * string passes as it is, but for encoded CR, LF and NUL. The path must then fall under one
 * of the allowed prefixes, whole segments: `/orders` allows `/orders/7`, not `/orders-admin`.
 *
 * @example
 * backendTarget(new URL('https://app.example/api/backend/orders/7?x=1'), '/api/backend', 'https://api.example', ['/orders'])
 * // URL https://api.example/orders/7?x=1
 */
export function backendTarget(url: URL, basePath: string, baseUrl: string, allow: readonly string[]): URL {
  if (!url.pathname.startsWith(`${basePath}/`)) throw invalidPath()
  const path = url.pathname.slice(basePath.length)
  const segments = path.split('/').slice(1)
  // An empty last segment is a trailing slash, which some backends (Django) want.
  const plain = (segment: string, index: number) =>
    (segment === '' && index > 0 && index === segments.length - 1) || isPlainSegment(segment)
  if (!segments.every(plain) || QUERY_LINE_BREAK.test(url.search)) throw invalidPath()
  if (!allow.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) throw new GatehouseError(404, 'not_found')
  const base = new URL(baseUrl)
  const pathname = `${base.pathname.replace(/\/+$/, '')}${path}`
  const target = new URL(`${pathname}${url.search}`, base.origin)
  // The URL parser has had the last word: the target must still be on the backend, at that very path.
  if (target.origin !== base.origin || target.pathname !== pathname) throw invalidPath()
  return target
}
