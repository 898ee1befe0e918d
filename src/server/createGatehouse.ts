import type { Session } from '../core/types'
import { authRoutes, resumeSession, type RouteContext, type RouteResult } from './authRoutes'
import { serializeCookie, type CookieOptions, type CookieWrite } from './cookies'
import { createRefreshFlights } from './createRefreshFlights'
import { createSealer } from './createSealer'
import { createSessionStore, toSession, type SessionStore } from './createSessionStore'
import { GatehouseError } from './GatehouseError'
import { resolveSecrets } from './resolveSecrets'
import { rejectsCrossSite } from './rejectsCrossSite'
import type { BackendAdapter } from './types'

export interface GatehouseOptions {
  backend: BackendAdapter
  /** Sealing secrets, newest first. Default: `AUTH_SECRET` (comma-separated for rotation). */
  secret?: string | readonly string[]
  /** Where the proxy routes are mounted. Default `/api/auth`. */
  basePath?: string
  /** `Secure` cookies with the `__Host-` prefix. Default: on when `NODE_ENV` is `production`. */
  secureCookies?: boolean
  sameSite?: 'lax' | 'strict'
  /** Largest accepted login body. Default 16 KiB. */
  maxBodyBytes?: number
  /**
   * How long requests that still carry a just-exchanged refresh token get its successor instead
   * of a second exchange. Default 30 s.
   */
  refreshGraceMs?: number
  /** Clock, for tests. */
  now?: () => number
  logger?: Pick<Console, 'warn' | 'error'>
}

export interface Gatehouse {
  readonly basePath: string
  readonly cookieOptions: CookieOptions
  /** Answers every request under `basePath`: `(Request) => Promise<Response>`. */
  handle(request: Request): Promise<Response>
  /** The session in the cookies, without any network call; `null` once the access token has expired. */
  readSession(cookieHeader: string | null): Promise<Session | null>
  /** Like `readSession`, but refreshes an expired access token and returns the cookies to write. */
  resumeSession(cookieHeader: string | null): Promise<{ session: Session | null; cookies: CookieWrite[] }>
}

const ROUTES: Record<string, { method: 'GET' | 'POST'; run: (context: RouteContext, request: Request, store: SessionStore) => Promise<RouteResult> }> = {
  login: { method: 'POST', run: (context, request) => authRoutes.login(context, request) },
  session: { method: 'GET', run: async (context, request, store) => authRoutes.session(context, await store.read(request.headers.get('cookie'))) },
  refresh: { method: 'POST', run: async (context, request, store) => authRoutes.refresh(context, await store.read(request.headers.get('cookie'))) },
  logout: { method: 'POST', run: async (context, request, store) => authRoutes.logout(context, await store.read(request.headers.get('cookie'))) },
}

/**
 * The server side of gatehouse: seals sessions into cookies and answers the proxy routes.
 * Throws at once when the configuration cannot work (no secret in production, a bad URL).
 *
 * @example
 * export const gatehouse = createGatehouse({ backend: restAdapter({ baseUrl: process.env.AUTH_BACKEND_URL! }) })
 * // app/api/auth/[...gatehouse]/route.ts
 * export const GET = gatehouse.handle, POST = gatehouse.handle
 */
export function createGatehouse(options: GatehouseOptions): Gatehouse {
  const basePath = `/${(options.basePath ?? '/api/auth').replace(/^\/+|\/+$/g, '')}`
  const now = options.now ?? Date.now
  const logger = options.logger ?? console
  const cookieOptions: CookieOptions = { secure: options.secureCookies ?? process.env.NODE_ENV === 'production', sameSite: options.sameSite ?? 'lax' }
  const store = createSessionStore(createSealer(resolveSecrets(options.secret)), { secure: cookieOptions.secure, now })
  const flights = createRefreshFlights({ graceMs: options.refreshGraceMs ?? 30_000 })
  const context: RouteContext = { backend: options.backend, store, flights, maxBodyBytes: options.maxBodyBytes ?? 16_384, now, logger }

  const respond = (result: RouteResult, extraHeaders: Record<string, string> = {}) => {
    const headers = new Headers({ 'cache-control': 'no-store', ...extraHeaders })
    for (const write of result.cookies) headers.append('set-cookie', serializeCookie(write, cookieOptions))
    if (result.location) {
      headers.set('location', result.location)
      return new Response(null, { status: result.status, headers })
    }
    headers.set('content-type', 'application/json')
    return new Response(JSON.stringify(result.body), { status: result.status, headers })
  }
  const fail = (error: GatehouseError, headers?: Record<string, string>) => respond({ status: error.status, body: error.toBody(), cookies: [] }, headers)

  return {
    basePath,
    cookieOptions,
    async handle(request) {
      const pathname = new URL(request.url).pathname
      const name = pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length + 1) : ''
      const route = Object.hasOwn(ROUTES, name) ? ROUTES[name] : undefined
      if (!route) return fail(new GatehouseError(404, 'not_found', `There is no auth route at ${pathname}.`))
      if (request.method !== route.method) {
        return fail(new GatehouseError(405, 'method_not_allowed', `Use ${route.method} for ${pathname}.`), { allow: route.method })
      }
      try {
        if (route.method === 'POST' && rejectsCrossSite(request)) {
          throw new GatehouseError(403, 'csrf_rejected', 'This request did not come from this site and was refused.')
        }
        return respond(await route.run(context, request, store))
      } catch (error) {
        if (error instanceof GatehouseError) return fail(error)
        logger.error(`[gatehouse] unexpected failure in ${request.method} ${pathname}:`, error)
        return fail(new GatehouseError(500, 'internal_error', 'Something went wrong on our side. Please try again.'))
      }
    },
    async readSession(cookieHeader) {
      const stored = await store.read(cookieHeader)
      return !stored.tampered && stored.access && stored.access.expiresAt > now() ? toSession(stored.access, stored.refresh !== undefined) : null
    },
    resumeSession: async (cookieHeader) => resumeSession(context, await store.read(cookieHeader)),
  }
}
