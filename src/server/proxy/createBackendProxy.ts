import { sessionEnded } from '../routes/routeResults'
import { fetchWithin } from '../backend/backendFetch'
import { answerHeaders } from './answerHeaders'
import { backendTarget } from './backendTarget'
import { headerNames } from '../headers/headerNames'
import { pickHeaders } from './pickHeaders'
import { FORWARDED, HOP_BY_HOP, NEVER_FORWARDED } from '../headers/requestHeaderRules'
import { proxyLocation } from './proxyLocation'
import { appendCookies, type CookieWrite } from '../session/cookies'
import type { Gatehouse } from '../createGatehouse'
import { csrfRejected, GatehouseError, internalError, payloadTooLarge } from '../GatehouseError'
import { mountPath } from '../mountPath'
import { readLimitedBytes } from '../backend/readLimitedBytes'
import { rejectsCrossSite } from '../routes/rejectsCrossSite'
import { toResponse } from '../routes/toResponse'
import type { ErrorCode } from '../../contract/errorCatalogue'
import { crossSiteDetails, requestTrace } from '../securityEvents'

/** What the backend proxy route forwards, where to, and what it lets through either way. */
export interface BackendProxyOptions {
  /** Backend path prefixes the browser may reach, e.g. `['/orders', '/me']`. Nothing else is forwarded. */
  allow: readonly string[]
  /** Where the route is mounted. Default `/api/backend`. */
  basePath?: string
  /** The backend's address. Default: the adapter's `baseUrl`. */
  baseUrl?: string
  /** A slower answer is 504 `backend_timeout`. Default 10 s. */
  timeoutMs?: number
  /** Largest request body forwarded. Default 1 MiB. */
  maxBodyBytes?: number
  /**
   * Request headers forwarded besides `content-type`, `accept`, `accept-language`, `range` and the
   * conditional ones, e.g. `['x-request-id']`. Cookie, authorization, host, hop-by-hop and CORS
   * headers cannot be listed, nor `Forwarded`, `X-Forwarded-For`, `X-Real-IP` and the header of
   * `createGatehouse`'s `clientAddress` (a client could write them): `createBackendProxy` throws.
   */
  forwardHeaders?: readonly string[]
  /**
   * Response headers returned besides `content-type`, `content-language`, `content-disposition`,
   * `etag`, `last-modified`, `content-range`, `accept-ranges`, `vary`, `retry-after` and `location`.
   * `set-cookie`, `cache-control`, hop-by-hop and CORS headers cannot be listed.
   */
  returnHeaders?: readonly string[]
  /**
   * A backend answer browsers would render as a page (HTML, XML, SVG): `'refuse'` (the default)
   * answers 502 `backend_html_refused`; `'sandbox'` serves it under `Content-Security-Policy: sandbox`.
   */
  html?: 'refuse' | 'sandbox'
  /** Makes the backend calls instead of the global `fetch`, e.g. a test double or a client with its own agent. */
  fetch?: typeof fetch
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'])
const SAFE = new Set(['GET', 'HEAD'])
const RETURNED = [
  'content-type',
  'content-language',
  'content-disposition',
  'etag',
  'last-modified',
  'content-range',
  'accept-ranges',
  'vary',
  'retry-after',
  'location',
]
const NEVER_RETURNED = new Set([
  ...HOP_BY_HOP,
  'set-cookie',
  'content-length',
  'content-encoding',
  'cache-control',
  'x-content-type-options',
])
const NOSNIFF = { 'x-content-type-options': 'nosniff' }
// What the proxy itself refuses, of the request or of the backend's answer; the other backend_ codes are the backend failing.
const PROXY_REFUSALS: ReadonlySet<ErrorCode> = new Set([
  'method_not_allowed',
  'invalid_path',
  'not_found',
  'payload_too_large',
  'backend_redirect_refused',
  'backend_html_refused',
])

/**
 * The backend proxy route: the browser calls the external backend through the app's own origin
 * and never holds a token. Only allowlisted path prefixes are forwarded, and only plain paths (see
 * `backendTarget`); every method must come from the app's own script (`x-gatehouse-client: 1`, no
 * foreign `Origin`, `Sec-Fetch-Site` absent or `same-origin`), so neither another site nor a typed
 * URL can make the browser spend its session. Only listed request headers go out (see
 * `forwardHeaders`), with `Authorization: Bearer <access token>` added (and the client's address, see
 * `createGatehouse`'s `clientAddress`); a 401 from the backend
 * refreshes the session once (single-flight, shared with the auth routes) and replays. Only listed
 * response headers come back (see `returnHeaders`), with `Cache-Control: private, no-store` and
 * `X-Content-Type-Options: nosniff` on every answer; a redirect is rewritten to the proxy's own
 * path (see `proxyLocation`); a page the browser would render is refused or sandboxed (see
 * `html`). Its own failures answer in the shared error shape, and never name
 * the backend's address, path or status: 400 `invalid_path`, 401 `not_signed_in` /
 * `session_expired`, 403 `csrf_rejected`, 404 `not_found`, 405 `method_not_allowed`, 413
 * `payload_too_large`, 502 `backend_unavailable` / `backend_redirect_refused` /
 * `backend_html_refused`, 504 `backend_timeout`. It throws at creation on a missing `baseUrl` or a
 * header that must not be listed.
 *
 * @example
 * // app/api/backend/[...path]/route.ts
 * const proxy = createBackendProxy(gatehouse, { allow: ['/orders', '/me'], forwardHeaders: ['x-request-id'] })
 * export const GET = proxy, POST = proxy, PUT = proxy, PATCH = proxy, DELETE = proxy
 */
export function createBackendProxy(gatehouse: Gatehouse, options: BackendProxyOptions): (request: Request) => Promise<Response> {
  const basePath = mountPath(options.basePath ?? '/api/backend')
  const baseUrl = options.baseUrl ?? gatehouse.backend.baseUrl
  if (!baseUrl || !URL.canParse(baseUrl))
    throw new Error("gatehouse: createBackendProxy needs the backend's address: pass `baseUrl`, or use an adapter that has one.")
  const {
    timeoutMs = 10_000,
    maxBodyBytes = 1_048_576,
    html = 'refuse',
    fetch: fetchImpl = (...args: Parameters<typeof fetch>) => globalThis.fetch(...args),
  } = options
  const { clientAddress } = gatehouse
  const setByProxy = clientAddress ? new Set([...NEVER_FORWARDED, clientAddress.header]) : NEVER_FORWARDED
  const forwarded = headerNames('forwardHeaders', FORWARDED, options.forwardHeaders ?? [], setByProxy)
  const returned = headerNames('returnHeaders', RETURNED, options.returnHeaders ?? [], NEVER_RETURNED)
  const fail = (error: GatehouseError, cookies: CookieWrite[] = [], headers: Record<string, string> = {}) =>
    toResponse({ status: error.status, body: error.toBody(), cookies }, gatehouse.cookieOptions, { ...NOSNIFF, ...headers })

  const forward = async (target: URL, request: Request, body: Uint8Array<ArrayBuffer> | undefined, accessToken: string) => {
    const headers = pickHeaders(request.headers, forwarded)
    const client = clientAddress?.of(request.headers)
    if (client) headers.set(client.header, client.address)
    headers.set('authorization', `Bearer ${accessToken}`)
    return fetchWithin(fetchImpl, target, { method: request.method, headers, body, signal: AbortSignal.timeout(timeoutMs) }, 'backend')
  }

  return async (request) => {
    const trace = requestTrace(request, 'backend-proxy')
    const refused = (error: GatehouseError) =>
      gatehouse.events.report(PROXY_REFUSALS.has(error.code) ? 'proxy_refused' : 'backend_failed', trace, {
        code: error.code,
        status: error.status,
        method: request.method,
        path: new URL(request.url).pathname,
        detail: error.detail,
      })
    if (!METHODS.has(request.method)) {
      const error = new GatehouseError(405, 'method_not_allowed')
      refused(error)
      return fail(error, [], { allow: [...METHODS].join(', ') })
    }
    let cookies: CookieWrite[] = []
    try {
      const site = request.headers.get('sec-fetch-site')
      // `none` is a typed URL or a bookmark: a navigation, which must not spend the session either.
      if ((site !== null && site !== 'same-origin') || rejectsCrossSite(request, gatehouse.publicOrigin(request))) {
        gatehouse.events.report('csrf_refused', trace, crossSiteDetails(request))
        throw csrfRejected()
      }
      const target = backendTarget(new URL(request.url), basePath, baseUrl, options.allow)
      const bytes = SAFE.has(request.method) ? undefined : await readLimitedBytes(request.body, maxBodyBytes)
      if (bytes === null) throw payloadTooLarge(maxBodyBytes)
      const cookieHeader = request.headers.get('cookie')
      let resumed = await gatehouse.authorize(cookieHeader, { trace, requestHeaders: request.headers })
      cookies = resumed.cookies
      if (!resumed.accessToken) throw new GatehouseError(401, 'not_signed_in')
      let response = await forward(target, request, bytes, resumed.accessToken)
      // A backend that refuses a token that looks valid (revoked, clock skew) gets one fresh token, once.
      if (response.status === 401 && resumed.cookies.length === 0) {
        await response.body?.cancel()
        resumed = await gatehouse.authorize(cookieHeader, { renew: true, trace, requestHeaders: request.headers })
        cookies = resumed.cookies
        if (!resumed.accessToken) return toResponse(sessionEnded(resumed.cookies), gatehouse.cookieOptions, NOSNIFF)
        response = await forward(target, request, bytes, resumed.accessToken)
      }
      let headers: Headers
      try {
        headers = answerHeaders(response, returned, html, (location) => proxyLocation(location, target, basePath, baseUrl, options.allow))
      } catch (error) {
        await response.body?.cancel()
        throw error
      }
      appendCookies(headers, cookies, gatehouse.cookieOptions)
      return new Response(response.body, { status: response.status, headers })
    } catch (error) {
      // A refresh that happened before the failure rotated the tokens: the browser must keep the new ones.
      if (error instanceof GatehouseError) {
        if (PROXY_REFUSALS.has(error.code) || error.code.startsWith('backend_')) refused(error)
        return fail(error, cookies)
      }
      gatehouse.events.report('unexpected_failure', trace, {
        method: request.method,
        detail: error instanceof Error ? error.name : typeof error,
      })
      return fail(internalError(), cookies)
    }
  }
}
