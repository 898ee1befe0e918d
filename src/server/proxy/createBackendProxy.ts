import { CLIENT_HEADER } from '../../contract/clientHeader'
import { sessionEnded } from '../routes/routeResults'
import { fetchWithin } from '../backend/backendFetch'
import { backendTarget } from './backendTarget'
import { appendCookies } from '../session/cookies'
import type { Gatehouse } from '../createGatehouse'
import { csrfRejected, GatehouseError, internalError, payloadTooLarge } from '../GatehouseError'
import { mountPath } from '../mountPath'
import { readLimitedBytes } from '../backend/readLimitedBytes'
import { rejectsCrossSite } from '../routes/rejectsCrossSite'
import { errorResponse, toResponse } from '../routes/toResponse'

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
  fetch?: typeof fetch
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'])
const SAFE = new Set(['GET', 'HEAD'])
// Hop-by-hop headers (RFC 9110 §7.6.1) and what must never reach the backend or come back from it.
const HOP_BY_HOP = [
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
const NOT_FORWARDED = new Set([
  ...HOP_BY_HOP,
  'cookie',
  'authorization',
  'host',
  'content-length',
  'accept-encoding',
  'x-middleware-subrequest',
  CLIENT_HEADER,
])
const NOT_RETURNED = new Set([...HOP_BY_HOP, 'set-cookie', 'content-length', 'content-encoding'])

function copyHeaders(from: Headers, drop: Set<string>): Headers {
  const named = (from.get('connection') ?? '').split(',').map((name) => name.trim().toLowerCase())
  const headers = new Headers()
  for (const [name, value] of from) if (!drop.has(name) && !named.includes(name)) headers.append(name, value)
  return headers
}

/**
 * The backend proxy route: the browser calls the external backend through the app's own origin
 * and never holds a token. Only allowlisted path prefixes are forwarded; the request loses its
 * cookies and hop-by-hop headers and gains `Authorization: Bearer <access token>`; a 401 from the
 * backend refreshes the session once (single-flight, shared with the auth routes) and replays.
 * Its own failures answer in the shared error shape: 400 `invalid_path`, 401 `not_signed_in`,
 * 403 `csrf_rejected`, 404 `not_found`, 405, 413 `payload_too_large`, 502 / 504.
 *
 * @example
 * // app/api/backend/[...path]/route.ts
 * const proxy = createBackendProxy(gatehouse, { allow: ['/orders', '/me'] })
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
    fetch: fetchImpl = (...args: Parameters<typeof fetch>) => globalThis.fetch(...args),
  } = options
  const fail = (error: GatehouseError, headers?: Record<string, string>) => errorResponse(error, gatehouse.cookieOptions, headers)

  const forward = async (target: URL, request: Request, body: Uint8Array<ArrayBuffer> | undefined, accessToken: string) => {
    const headers = copyHeaders(request.headers, NOT_FORWARDED)
    headers.set('authorization', `Bearer ${accessToken}`)
    return fetchWithin(fetchImpl, target, { method: request.method, headers, body, signal: AbortSignal.timeout(timeoutMs) }, 'backend')
  }

  return async (request) => {
    if (!METHODS.has(request.method))
      return fail(new GatehouseError(405, 'method_not_allowed', `${request.method} is not forwarded.`), { allow: [...METHODS].join(', ') })
    try {
      if (!SAFE.has(request.method) && rejectsCrossSite(request, gatehouse.publicOrigin(request))) throw csrfRejected()
      const target = backendTarget(new URL(request.url), basePath, baseUrl, options.allow)
      const bytes = SAFE.has(request.method) ? undefined : await readLimitedBytes(request.body, maxBodyBytes)
      if (bytes === null) throw payloadTooLarge(maxBodyBytes)
      const cookieHeader = request.headers.get('cookie')
      let resumed = await gatehouse.authorize(cookieHeader)
      if (!resumed.accessToken) throw new GatehouseError(401, 'not_signed_in', 'Sign in to do this.')
      let response = await forward(target, request, bytes, resumed.accessToken)
      // A backend that refuses a token that looks valid (revoked, clock skew) gets one fresh token, once.
      if (response.status === 401 && resumed.cookies.length === 0) {
        await response.body?.cancel()
        resumed = await gatehouse.authorize(cookieHeader, { renew: true })
        if (!resumed.accessToken) return toResponse(sessionEnded(resumed.cookies), gatehouse.cookieOptions)
        response = await forward(target, request, bytes, resumed.accessToken)
      }
      const headers = copyHeaders(response.headers, NOT_RETURNED)
      headers.set('cache-control', 'no-store')
      appendCookies(headers, resumed.cookies, gatehouse.cookieOptions)
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
    } catch (error) {
      if (error instanceof GatehouseError) return fail(error)
      return fail(internalError())
    }
  }
}
