import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { NextResponse, type NextRequest } from 'next/server'
import { cache } from 'react'
import type { Session } from '../contract/types'
import { appendCookies, PRIVATE_NO_STORE, type CookieWrite } from '../server/session/cookies'
import { createBackendProxy, type BackendProxyOptions } from '../server/proxy/createBackendProxy'
import type { Gatehouse } from '../server/createGatehouse'
import { GatehouseError } from '../server/GatehouseError'
import { requestTrace } from '../server/securityEvents'
import { safeRedirectPath } from '../contract/safeRedirectPath'
import { DEFAULT_SIGN_IN_PATH, signInUrl } from '../contract/signInUrl'
import { protectRoute, type RouteProtectionOptions } from './protectRoute'

/** What `createNextGatehouse` takes: the paths `proxy` guards, and the backend proxy route if the app has one. */
export interface NextGatehouseOptions extends RouteProtectionOptions {
  /** The backend proxy route's options; its handlers come back as `backendHandlers`. */
  backendProxy?: BackendProxyOptions
}

const notMounted = async (): Promise<Response> => {
  throw new Error('gatehouse: backendHandlers need the `backendProxy` option of createNextGatehouse.')
}

/**
 * Binds gatehouse to Next.js: the catch-all route handlers, the `proxy.ts` function, and
 * session readers for Server Components, and — with `backendProxy` — the backend proxy route.
 *
 * @example
 * // auth.ts
 * export const { handlers, backendHandlers, proxy, getSession, requireSession, redirectIfSignedIn } = createNextGatehouse(gatehouse, {
 *   protectedPaths: ['/dashboard'],
 *   backendProxy: { allow: ['/orders', '/me'] },
 * })
 * // app/api/auth/[...gatehouse]/route.ts
 * export const { GET, POST } = handlers
 * // app/api/backend/[...path]/route.ts
 * export const { GET, POST, PUT, PATCH, DELETE } = backendHandlers
 * // proxy.ts
 * export { proxy } from './auth'
 */
export function createNextGatehouse(gatehouse: Gatehouse, options: NextGatehouseOptions) {
  const signInPath = options.signInPath ?? DEFAULT_SIGN_IN_PATH
  const handle = (request: Request) => gatehouse.handle(request)

  /** The session from the cookies, read in-process (no HTTP call), once per render. */
  const getSession = cache(async (): Promise<Session | null> => {
    const jar = await cookies()
    return gatehouse.readSession(
      jar
        .getAll()
        .map(({ name, value }) => `${name}=${value}`)
        .join('; '),
    )
  })

  /** The session, or a redirect to the sign-in page that comes back to `returnTo` afterwards. */
  const requireSession = async (returnTo?: string): Promise<Session> => {
    const session = await getSession()
    if (session) return session
    redirect(returnTo ? signInUrl(signInPath, safeRedirectPath(returnTo)) : signInPath)
  }

  /**
   * For the pages only signed-out visitors need (sign-in, sign-up, forgot and reset password): a
   * signed-in visitor is sent on to `next` when it is a safe path, else `afterSignInPath`. The
   * page-level twin of `signedOutOnlyPaths`, for apps without `proxy.ts` on those pages.
   */
  const redirectIfSignedIn = async (next?: string | null): Promise<void> => {
    if (await getSession()) redirect(safeRedirectPath(next, options.afterSignInPath ?? '/'))
  }

  /** For `proxy.ts`: refreshes an expired access token before the page renders, then guards the route. */
  const proxy = async (request: NextRequest): Promise<NextResponse> => {
    if (request.nextUrl.pathname.startsWith(`${gatehouse.basePath}/`)) return NextResponse.next()
    const trace = requestTrace(request, 'next-proxy')
    const resumed = gatehouse.resumeSession(request.headers.get('cookie'), trace, request.headers)
    const { session, cookies: writes } = await resumed.catch((error: unknown) => {
      // A backend that is down must not sign anyone out: render as signed out, keep the cookies.
      // A server that cannot serve sessions at all says so instead, as every other entry does.
      if (error instanceof GatehouseError && error.code !== 'server_misconfigured') {
        gatehouse.events.report('backend_failed', trace, { code: error.code, status: error.status, detail: error.detail })
        return { session: null, cookies: [] as CookieWrite[] }
      }
      throw error
    })
    for (const write of writes) {
      if (write.value === null) request.cookies.delete(write.name)
      else request.cookies.set(write.name, write.value)
    }
    const target = protectRoute(request.nextUrl, session !== null, { ...options, signInPath })
    const response = target
      ? NextResponse.redirect(new URL(target, request.url))
      : NextResponse.next({ request: { headers: request.headers } })
    appendCookies(response.headers, writes, gatehouse.cookieOptions)
    // A redirect here depends on the visitor's session, as does any page whose cookies were rotated.
    if (target || writes.length > 0) response.headers.set('cache-control', PRIVATE_NO_STORE)
    return response
  }

  const forward = options.backendProxy ? createBackendProxy(gatehouse, options.backendProxy) : notMounted
  const backendHandlers = { GET: forward, HEAD: forward, POST: forward, PUT: forward, PATCH: forward, DELETE: forward }

  return { handlers: { GET: handle, POST: handle }, backendHandlers, proxy, getSession, requireSession, redirectIfSignedIn }
}
