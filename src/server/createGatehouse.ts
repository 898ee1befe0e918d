import type { Session } from '../contract/types'
import { ACCOUNT_FLOW_ROUTES, AUTH_ROUTES, DEFAULT_BASE_PATH, type AccountFlowName, type AuthRouteName } from '../contract/authRoutes'
import { currentSession, refreshSession, resumeSession, type Resumed } from './session/resumeSession'
import type { AuthRoute, RouteContext } from './routes/RouteContext'
import { refreshRoute } from './routes/refreshRoute'
import { sessionRoute } from './routes/sessionRoute'
import { signInRoute } from './routes/signInRoute'
import { signOutRoute } from './routes/signOutRoute'
import { signUpRoute } from './routes/signUpRoute'
import { verifyEmailRoute } from './routes/verifyEmailRoute'
import { resendVerificationRoute } from './routes/resendVerificationRoute'
import { requestPasswordResetRoute } from './routes/requestPasswordResetRoute'
import { resetPasswordRoute } from './routes/resetPasswordRoute'
import { secondFactorRoute } from './routes/secondFactorRoute'
import { createChallenges } from './session/createChallenges'
import type { CookieOptions, CookieWrite } from './session/cookies'
import { createRefreshFlights } from './session/createRefreshFlights'
import { createSessionStore, type SessionLimits } from './session/createSessionStore'
import { createSharedExchange, type CoordinationOptions } from './session/createSharedExchange'
import { createRevocations } from './session/createRevocations'
import { csrfRejected, GatehouseError, internalError } from './GatehouseError'
import { backToForm, isFormNavigation } from './routes/formNavigation'
import { mountPath } from './mountPath'
import { rejectsCrossSite } from './routes/rejectsCrossSite'
import { resolvePublicOrigin, type PublicOrigin, type PublicOriginOptions } from './routes/resolvePublicOrigin'
import { clientAddressReader, type ClientAddressOptions, type ClientAddressReader, type RequestHeaders } from './headers/clientAddress'
import { sealerOnFirstUse } from './session/sealerOnFirstUse'
import { errorResponse, retryAfterHeader, toResponse } from './routes/toResponse'
import type { BackendAdapter } from './backend/BackendAdapter'
import { DEFAULT_MAX_CALL_MS, DEFAULT_WAIT_MS } from './backend/backendDurations'
import { createSecurityEvents, crossSiteDetails, requestTrace, serverTrace, type RequestTrace, type SecurityEvents } from './securityEvents'

/** What `createGatehouse` takes: the backend, and how sessions are sealed, kept, shared and logged. */
export interface GatehouseOptions extends SessionLimits, PublicOriginOptions {
  /** The backend's adapter: `restAdapter(…)`, or one of the app's own (see `BackendAdapter`). */
  backend: BackendAdapter
  /**
   * Sealing secrets, newest first. Default: `AUTH_SECRET` (comma-separated for rotation). Read at
   * the first request, so a build needs none; without one, production answers every request
   * `server_misconfigured` and says why in the log.
   */
  secret?: string | readonly string[]
  /** Where the proxy routes are mounted. Default `/api/auth`. */
  basePath?: string
  /** `Secure` cookies with the `__Host-` prefix. Default: on when `NODE_ENV` is `production`. */
  secureCookies?: boolean
  /** The cookies' `SameSite`. Default `lax`, so a link from another site arrives signed in; `strict` arrives signed out. */
  sameSite?: 'lax' | 'strict'
  /** Largest accepted sign-in body. Default 16 KiB. */
  maxBodyBytes?: number
  /**
   * How long requests that still carry a just-exchanged refresh token get its successor instead
   * of a second exchange. Default 30 s.
   */
  refreshGraceMs?: number
  /**
   * Put the access token in session bodies, for apps that must call the backend straight from
   * the browser (keep it in memory only). Off by default: any script on the page — an XSS
   * included — can then read and use the token until it expires. See SECURITY.md.
   */
  exposeAccessToken?: boolean
  /**
   * Share refreshes with the other instances of this app (several processes or machines behind
   * a load balancer, serverless functions): one backend refresh per refresh token across all of
   * them. Without it, refreshes are shared within this process only.
   */
  coordination?: CoordinationOptions
  /**
   * Tell the backend each client's address, for its per-address throttling: sign-in and refresh
   * calls (those `proxy.ts` and the backend proxy start included) and backend-proxy calls carry it
   * in `header`. It is read from `X-Forwarded-For`, counting `trustedHops` entries from the right:
   * one per proxy in front of the app that adds to it, such as nginx with
   * `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`. What the client wrote to the
   * left is ignored; when the entries are too few or not IP addresses, no address is sent. Make
   * sure the app can be reached only through those proxies. Without this option no address is
   * sent. A header gatehouse sets itself or forwards from the client, or a hop count that is not a
   * whole number of at least 1, throws here.
   *
   * @example
   * // Behind one nginx; the backend throttles by X-Client-IP
   * createGatehouse({ backend, clientAddress: { header: 'X-Client-IP', trustedHops: 1 } })
   */
  clientAddress?: ClientAddressOptions
  /** Clock, for tests. */
  now?: () => number
  /**
   * Where gatehouse logs. Default `console`. Security events (a refused CSRF check, a tampered
   * cookie, a refused refresh or sign-in, a refused proxy request) and backend failures arrive as
   * one `SecurityEvent` object each (see `securityEvents.ts`), which a structured logger (pino,
   * winston) keeps as fields and `console` prints with its `message`; other notices are strings.
   */
  logger?: Pick<Console, 'warn' | 'error'>
}

/** What `createGatehouse` returns: the route handler, the session readers, and what the Next.js adapter and the backend proxy need. */
export interface Gatehouse {
  /** Where the auth routes are mounted, as `handle` matches it (e.g. `/api/auth`). */
  readonly basePath: string
  /** How the session cookies are written, for code that writes them itself (the Next.js adapter's `proxy`). */
  readonly cookieOptions: CookieOptions
  /** The adapter, for the backend proxy route. */
  readonly backend: BackendAdapter
  /** The origin a request was addressed to, as the browser saw it (see `url` and `trustHost`). */
  readonly publicOrigin: PublicOrigin
  /** Reports security events through `logger`, for the backend proxy and the Next.js adapter. */
  readonly events: SecurityEvents
  /** The `clientAddress` option at work, for the backend proxy; `undefined` without it. */
  readonly clientAddress?: ClientAddressReader
  /** Answers every request under `basePath`: `(Request) => Promise<Response>`. */
  handle(request: Request): Promise<Response>
  /**
   * The session in the cookies, without any network call; `null` once the access token has expired.
   * `trace` names the request in the events the read causes (default: a server read with a fresh id).
   */
  readSession(cookieHeader: string | null, trace?: RequestTrace): Promise<Session | null>
  /**
   * Like `readSession`, but refreshes an expired access token and returns the cookies to write.
   * With the request's headers, the refresh tells the backend the client's address (see `clientAddress`).
   */
  resumeSession(
    cookieHeader: string | null,
    trace?: RequestTrace,
    requestHeaders?: RequestHeaders,
  ): Promise<{ session: Session | null; cookies: CookieWrite[] }>
  /**
   * The access token for a server-side call to the backend, refreshed when expired — or, with
   * `renew`, exchanged even if it looks valid (the backend just refused it). Server-only.
   * `requestHeaders` as for `resumeSession`. Resolves with `{ session, cookies, accessToken }`:
   * the session and cookies as `resumeSession` gives them, and the token, `null` when nobody is signed in.
   */
  authorize(
    cookieHeader: string | null,
    options?: { renew?: boolean; trace?: RequestTrace; requestHeaders?: RequestHeaders },
  ): Promise<Resumed>
}

/** Every route `handle` answers: the session routes and the account flows'. */
const ROUTES = { ...AUTH_ROUTES, ...ACCOUNT_FLOW_ROUTES }
type RouteName = AuthRouteName | AccountFlowName

const ROUTE_HANDLERS: Record<RouteName, AuthRoute> = {
  signIn: signInRoute,
  session: sessionRoute,
  refresh: refreshRoute,
  signOut: signOutRoute,
  signUp: signUpRoute,
  verifyEmail: verifyEmailRoute,
  resendVerification: resendVerificationRoute,
  requestPasswordReset: requestPasswordResetRoute,
  resetPassword: resetPasswordRoute,
  secondFactor: secondFactorRoute,
}
/** The adapter method each account flow needs: without it, the flow is off. */
const FLOW_METHODS: Record<AccountFlowName, keyof BackendAdapter> = {
  signUp: 'signUp',
  verifyEmail: 'verifyEmail',
  resendVerification: 'resendVerification',
  requestPasswordReset: 'requestPasswordReset',
  resetPassword: 'resetPassword',
  secondFactor: 'verifySecondFactor',
}
/** The routes a plain HTML form posts to, before the page's script runs: sign-in and every account flow. */
const takesForms = (name: RouteName) => name === 'signIn' || Object.hasOwn(FLOW_METHODS, name)
const ROUTE_BY_PATH = new Map<string, { name: RouteName; method: string }>(
  Object.entries(ROUTES).map(([name, route]) => [route.path, { name: name as RouteName, method: route.method }]),
)

/**
 * The server side of gatehouse: seals sessions into cookies and answers the proxy routes.
 * Throws at once when a setting is malformed (a bad `url` or `AUTH_URL`); the secret is read at
 * the first request instead, so `next build` works without it.
 *
 * @example
 * export const gatehouse = createGatehouse({ backend: restAdapter({ baseUrl: process.env.AUTH_BACKEND_URL! }), idleTimeoutMs: 30 * 60_000 })
 * // app/api/auth/[...gatehouse]/route.ts
 * export const GET = gatehouse.handle, POST = gatehouse.handle
 */
export function createGatehouse(options: GatehouseOptions): Gatehouse {
  const basePath = mountPath(options.basePath ?? DEFAULT_BASE_PATH)
  const now = options.now ?? Date.now
  const logger = options.logger ?? console
  const cookieOptions: CookieOptions = {
    secure: options.secureCookies ?? process.env.NODE_ENV === 'production',
    sameSite: options.sameSite ?? 'lax',
  }
  const { idleTimeoutMs, absoluteLifetimeMs } = options
  const publicOrigin = resolvePublicOrigin(options)
  const clientAddress = clientAddressReader(options.clientAddress)
  const sealer = sealerOnFirstUse(options.secret, logger)
  const revocations = createRevocations({ store: options.coordination?.store, now, logger })
  const store = createSessionStore(sealer, {
    secure: cookieOptions.secure,
    now,
    isRevoked: revocations.isRevoked,
    idleTimeoutMs,
    absoluteLifetimeMs,
  })
  const graceMs = options.refreshGraceMs ?? 30_000
  const waitMs = options.backend.timeoutMs ?? DEFAULT_WAIT_MS
  const maxCallMs = options.backend.maxCallMs ?? DEFAULT_MAX_CALL_MS
  const exchangeOnce = options.coordination && createSharedExchange(options.coordination, { sealer, graceMs, maxCallMs, logger })
  const flights = createRefreshFlights({ graceMs, waitMs, now, exchangeOnce })
  const exposeAccessToken = options.exposeAccessToken ?? false
  const events = createSecurityEvents(logger)
  const shared: Omit<RouteContext, 'trace' | 'publicOrigin'> = {
    backend: options.backend,
    store,
    flights,
    maxBodyBytes: options.maxBodyBytes ?? 16_384,
    now,
    waitMs,
    logger,
    exposeAccessToken,
    events,
    revocations,
    challenges: createChallenges(sealer, { secure: cookieOptions.secure, now }),
  }
  const contextFor = (trace: RequestTrace, requestHeaders?: RequestHeaders, origin: string | null = null): RouteContext => ({
    ...shared,
    trace,
    clientAddress: requestHeaders && clientAddress?.of(requestHeaders),
    publicOrigin: origin,
  })
  const read = async (cookieHeader: string | null, trace: RequestTrace) => {
    sealer.assertReady()
    // Only the first reads of an instance wait, for the sign-outs other instances recorded before it started.
    const learning = revocations.pending()
    if (learning) await learning
    const stored = await store.read(cookieHeader)
    if (stored.unsealable) events.report('cookie_rejected', trace)
    if (stored.revoked) events.report('session_revoked', trace)
    return stored
  }
  const fail = (error: GatehouseError, headers?: Record<string, string>) => errorResponse(error, cookieOptions, headers)

  return {
    basePath,
    cookieOptions,
    backend: options.backend,
    publicOrigin,
    events,
    clientAddress,
    async handle(request) {
      const pathname = new URL(request.url).pathname
      const route = pathname.startsWith(`${basePath}/`) ? ROUTE_BY_PATH.get(pathname.slice(basePath.length + 1)) : undefined
      if (!route) return fail(new GatehouseError(404, 'not_found'))
      if (request.method !== route.method) return fail(new GatehouseError(405, 'method_not_allowed'), { allow: route.method })
      const flowMethod = FLOW_METHODS[route.name as AccountFlowName]
      if (flowMethod && typeof options.backend[flowMethod] !== 'function') return fail(new GatehouseError(404, 'flow_disabled'))
      const trace = requestTrace(request, ROUTES[route.name].path)
      // Only what is posted is checked against, or sent back to, this site's origin: a session read stays free of it.
      const origin = route.method === 'POST' ? publicOrigin(request) : null
      try {
        if (route.method === 'POST' && rejectsCrossSite(request, origin, { formAllowed: takesForms(route.name) })) {
          events.report('csrf_refused', trace, crossSiteDetails(request))
          throw csrfRejected()
        }
        const stored = await read(request.headers.get('cookie'), trace)
        return toResponse(await ROUTE_HANDLERS[route.name](contextFor(trace, request.headers, origin), stored, request), cookieOptions)
      } catch (error) {
        if (error instanceof GatehouseError && error.code.startsWith('backend_'))
          events.report('backend_failed', trace, { code: error.code, status: error.status, detail: error.detail })
        // A failed plain-form sign-in or flow goes back to its page, which says what went wrong (a
        // bad secret or body as much as wrong credentials); a forged one is only refused.
        if (error instanceof GatehouseError && takesForms(route.name) && error.code !== 'csrf_rejected' && isFormNavigation(request)) {
          const said: Record<string, string> = { error: error.code }
          if (error.retryAfterSeconds !== undefined) said.retryAfter = String(error.retryAfterSeconds)
          const location = backToForm(request, origin, said)
          return toResponse({ status: 303, body: null, cookies: [], location }, cookieOptions, retryAfterHeader(error))
        }
        if (error instanceof GatehouseError) return fail(error)
        events.report('unexpected_failure', trace, {
          method: request.method,
          path: pathname,
          detail: error instanceof Error ? error.name : typeof error,
        })
        return fail(internalError())
      }
    },
    async readSession(cookieHeader, trace = serverTrace()) {
      return currentSession(contextFor(trace), await read(cookieHeader, trace))?.session ?? null
    },
    async resumeSession(cookieHeader, trace = serverTrace(), requestHeaders) {
      const { session, cookies } = await resumeSession(contextFor(trace, requestHeaders), await read(cookieHeader, trace))
      return { session, cookies }
    },
    async authorize(cookieHeader, { renew = false, trace = serverTrace(), requestHeaders } = {}) {
      const stored = await read(cookieHeader, trace)
      const context = contextFor(trace, requestHeaders)
      return renew ? refreshSession(context, stored) : resumeSession(context, stored)
    },
  }
}
