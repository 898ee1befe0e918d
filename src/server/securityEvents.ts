import type { ACCOUNT_FLOW_ROUTES, AUTH_ROUTES, AccountFlowName, AuthRouteName } from '../contract/authRoutes'
import type { ErrorCode } from '../contract/errorCatalogue'

/**
 * Every event gatehouse logs, a closed list, with the level it is logged at and the sentence that
 * opens its `message`. Security events are warnings; a backend or server failure, which an operator
 * must fix, is an error.
 */
export const SECURITY_EVENTS = {
  csrf_refused: { level: 'warn', sentence: 'an unsafe request without proof that this site sent it was refused' },
  cookie_rejected: {
    level: 'warn',
    sentence: 'session cookies that do not unseal were cleared (tampered, or sealed with a retired secret)',
  },
  refresh_refused: { level: 'warn', sentence: 'the backend refused a refresh token: the session ended' },
  proxy_refused: { level: 'warn', sentence: 'the backend proxy refused a request or an answer' },
  sign_in_failed: { level: 'warn', sentence: 'a sign-in was refused' },
  session_revoked: { level: 'warn', sentence: 'cookies of a session that was signed out were used again' },
  backend_failed: { level: 'error', sentence: 'the backend failed' },
  unexpected_failure: { level: 'error', sentence: 'an unexpected failure was answered 500' },
} as const satisfies Record<string, { level: 'warn' | 'error'; sentence: string }>

/** An event's name: a key of `SECURITY_EVENTS`, so a logger can match on a closed list. */
export type SecurityEventName = keyof typeof SECURITY_EVENTS

/** Where an event happened: an auth route by its path, the backend proxy, `proxy.ts`, or a server-side read. */
export type SecurityEventRoute =
  | (typeof AUTH_ROUTES)[AuthRouteName]['path']
  | (typeof ACCOUNT_FLOW_ROUTES)[AccountFlowName]['path']
  | 'backend-proxy'
  | 'next-proxy'
  | 'server'

/** Who is asking: the route and the request's id, attached to every event the request causes. */
export interface RequestTrace {
  /** Where the request arrived. */
  route: SecurityEventRoute
  /** The request's `x-request-id` when it is a plain token, else a fresh UUID: what ties the request's events to the app's other logs. */
  requestId: string
}

/** What an event may say besides its name. Each value is bounded and free of control characters. */
export interface SecurityEventDetails {
  /** The error code the browser was answered. */
  code?: ErrorCode
  /** The status the browser was answered. */
  status?: number
  /** For the operator only: what went wrong, e.g. the backend's status and path. Never a token or body. */
  detail?: string
  /** The request's method. */
  method?: string
  /** The request's path, without its query (which may carry anything). */
  path?: string
  /** The request's `Origin` and `Sec-Fetch-Site`, as sent. */
  origin?: string
  /** The request's `Sec-Fetch-Site` (`cross-site`, `same-site`, …), as sent. */
  fetchSite?: string
  /** A keyed hash of the identifier a sign-in used (see `hashIdentifier`); never the identifier itself. */
  identifierHash?: string
}

/**
 * One structured log record, passed as the only argument to `logger.warn` or `logger.error`. It
 * never holds a token, password, cookie value, secret or identifier; `message` is a sentence for
 * loggers that print text.
 *
 * @example
 * // logger.warn receives:
 * {
 *   event: 'csrf_refused',
 *   route: 'sign-in',
 *   requestId: '3f0c1a9e-…',
 *   code: 'csrf_rejected',
 *   status: 403,
 *   method: 'POST',
 *   origin: 'https://evil.example',
 *   message: '[gatehouse] csrf_refused on sign-in (request 3f0c1a9e-…): an unsafe request without proof that this site sent it was refused',
 * }
 */
export interface SecurityEvent extends RequestTrace, SecurityEventDetails {
  /** What happened, from the closed list (`SECURITY_EVENTS`). */
  event: SecurityEventName
  /** One line for loggers that print text: `[gatehouse] <event> on <route> (request <id>): <sentence>`, then `: <detail>` if any. */
  message: string
}

/** Reports events through the app's logger, and hashes sign-in identifiers for them. */
export interface SecurityEvents {
  /** Logs one event at its level (`logger.warn` or `logger.error`), as a `SecurityEvent`; its values bounded and stripped of control characters. */
  report(event: SecurityEventName, trace: RequestTrace, details?: SecurityEventDetails): void
  /**
   * A short keyed hash of a sign-in identifier: the same account gives the same hash for as long as
   * this process runs, so failures against one account can be told from failures spread over many,
   * but a list of known emails cannot be hashed to find it (the key never leaves memory).
   */
  hashIdentifier(identifier: string): Promise<string>
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/
const MAX_VALUE_LENGTH = 200
// A value comes from the request or the backend: it must not forge lines in a text log.
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu

const bounded = (value: string) => value.replace(CONTROL, '?').slice(0, MAX_VALUE_LENGTH)

/**
 * The trace of a request: its `x-request-id` when that is a plain token of at most 128
 * characters (letters, digits, `.`, `_`, `:`, `-`), else a fresh UUID.
 *
 * @example
 * const trace = requestTrace(request, 'sign-in') // { route: 'sign-in', requestId: 'c0ffee-42' }
 */
export function requestTrace(request: Request, route: SecurityEventRoute): RequestTrace {
  const incoming = request.headers.get('x-request-id')
  return { route, requestId: incoming !== null && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID() }
}

/**
 * What a refused cross-site request said about where it came from, for `csrf_refused`.
 *
 * @example
 * events.report('csrf_refused', trace, crossSiteDetails(request))
 */
export const crossSiteDetails = (request: Request): SecurityEventDetails => ({
  code: 'csrf_rejected',
  status: 403,
  method: request.method,
  origin: request.headers.get('origin') ?? undefined,
  fetchSite: request.headers.get('sec-fetch-site') ?? undefined,
})

/**
 * A trace for a read that has no request (a Server Component's `getSession`, an app's own call).
 *
 * @example
 * await gatehouse.readSession(cookieHeader, serverTrace())
 */
export const serverTrace = (): RequestTrace => ({ route: 'server', requestId: crypto.randomUUID() })

/**
 * The events of one gatehouse, logged through `logger`.
 *
 * @example
 * const events = createSecurityEvents(console)
 * events.report('csrf_refused', requestTrace(request, 'sign-in'), { method: request.method })
 */
export function createSecurityEvents(logger: Pick<Console, 'warn' | 'error'>): SecurityEvents {
  let identifierKey: Promise<CryptoKey> | undefined
  return {
    // The values are bounded and stripped of control characters: they come from requests and backends.
    report(event, trace, details = {}) {
      const { level, sentence } = SECURITY_EVENTS[event]
      const safe = Object.fromEntries(
        Object.entries(details)
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => [key, typeof value === 'string' ? bounded(value) : value]),
      )
      const requestId = bounded(trace.requestId)
      const detail = typeof safe.detail === 'string' ? `: ${safe.detail}` : ''
      const record: SecurityEvent = {
        event,
        route: trace.route,
        requestId,
        ...safe,
        message: `[gatehouse] ${event} on ${trace.route} (request ${requestId}): ${sentence}${detail}`,
      }
      logger[level](record)
    },
    async hashIdentifier(identifier) {
      identifierKey ??= crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
      const mac = await crypto.subtle.sign('HMAC', await identifierKey, new TextEncoder().encode(identifier.trim().toLowerCase()))
      return Array.from(new Uint8Array(mac, 0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('')
    },
  }
}
