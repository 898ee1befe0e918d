/**
 * The headers of `from` named in `names`, but for those its `Connection` header names: they
 * describe one connection, never the next (RFC 9110 §7.6.1).
 *
 * @example
 * pickHeaders(request.headers, new Set(['accept', 'content-type']))
 */
export function pickHeaders(from: Headers, names: ReadonlySet<string>): Headers {
  const perConnection = (from.get('connection') ?? '').split(',').map((name) => name.trim().toLowerCase())
  const headers = new Headers()
  for (const [name, value] of from) if (names.has(name) && !perConnection.includes(name)) headers.append(name, value)
  return headers
}
