// Hop-by-hop headers (RFC 9110 §7.6.1): they describe one connection, never the next.
export const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]

/** The request headers the backend proxy forwards without being told: they carry the client's own values. */
export const FORWARDED = [
  'content-type',
  'accept',
  'accept-language',
  'if-match',
  'if-none-match',
  'if-modified-since',
  'if-unmodified-since',
  'if-range',
  'range',
]

// The body is decoded and re-framed on each side, and the session's cookies stay with gatehouse.
export const NEVER_FORWARDED = new Set([
  ...HOP_BY_HOP,
  'cookie',
  'authorization',
  'host',
  'content-length',
  'accept-encoding',
  'x-middleware-subrequest',
])

/**
 * Where a client or a proxy states whose request it is. Any client can write them, so the backend
 * proxy never forwards them as sent: the address goes out only as `clientAddress` works it out.
 */
export const ADDRESS_HEADERS = new Set(['forwarded', 'x-forwarded-for', 'x-real-ip'])
