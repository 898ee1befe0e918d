import { fromPromise } from 'xstate'
import { ANSWER_HEADER } from '../contract/answerHeader'
import { AUTH_ROUTES, DEFAULT_BASE_PATH, authRouteUrl, type AuthRouteName } from '../contract/authRoutes'
import { CLIENT_HEADER } from '../contract/clientHeader'
import type { ErrorCode } from '../contract/errorCatalogue'
import { network_error, unexpected_response } from '../contract/errorMessages'
import type { AuthError, Credentials, Session } from '../contract/types'
import { withRefreshLock } from './withRefreshLock'

/** What a failed call rejects with: the HTTP status (0 when the server was not reached) and the shared error shape. */
export interface TransportFailure {
  /** The answer's HTTP status; 0 when no answer came. */
  status: number
  /** The route's error; `network_error` when no answer came, `unexpected_response` when the answer was not a gatehouse route's. */
  error: AuthError
}

/** How `transportActors` reaches the auth routes. */
export interface TransportOptions {
  /** Where the auth routes are mounted. Default `/api/auth`. */
  basePath?: string
  /** Makes the requests instead of the global `fetch`, e.g. one that records them in tests. */
  fetch?: typeof fetch
}

/** The body of a refresh: what the refresh route needs besides the cookies. */
export interface RefreshInput {
  /** The expiry this tab knows: the refresh route answers a session with another one (another tab refreshed) as it is. */
  knownExpiresAt: string | null
  /** How long ago the person last used the page: the refresh route counts that as their last activity, not the refresh. */
  inactiveMs?: number
}

const failure = (status: number, code: ErrorCode, message: string): TransportFailure => ({ status, error: { code, message } })

/**
 * The machine's effects, one named `fromPromise` actor per auth route; each resolves with the
 * session (`null`: nobody is signed in) or rejects with a `TransportFailure`. Cookies travel by
 * themselves (same origin, `no-store` answers); bodies carry only the user and the expiry. A
 * refresh holds the cross-tab lock and says which expiry it knows, so the refresh route answers
 * a session another tab refreshed meanwhile (the cookies are shared) without refreshing again:
 * the tabs of one browser make one refresh between them, one request each.
 *
 * @example
 * const machine = authMachine.provide({ actors: transportActors({ basePath: '/auth' }) })
 */
export function transportActors({ basePath = DEFAULT_BASE_PATH, fetch: fetchImpl = (...args) => fetch(...args) }: TransportOptions = {}) {
  const call = async (route: AuthRouteName, body?: Credentials | RefreshInput): Promise<Session | null> => {
    const response = await fetchImpl(authRouteUrl(basePath, route), {
      method: AUTH_ROUTES[route].method,
      headers: { [CLIENT_HEADER]: '1', ...(body && { 'content-type': 'application/json' }) },
      body: body && JSON.stringify(body),
    }).catch(() => Promise.reject(failure(0, 'network_error', network_error)))
    const { user, expiresAt, refreshable, idleEndsAt, accessToken, error } = (await response.json().catch(() => null)) ?? {}
    // The session routes answer `{ user: null }`, or a user and an expiry; only those fields are kept.
    if (response.ok && (user === null || (typeof user?.id === 'string' && typeof expiresAt === 'string'))) {
      return user && { user, expiresAt, refreshable: refreshable === false ? false : undefined, idleEndsAt, accessToken }
    }
    const { code, message, fields } = error ?? {}
    // Only a gatehouse route's answer is ours to show, its code included (ANSWER_HEADER says why).
    if (!response.headers.has(ANSWER_HEADER) || typeof message !== 'string')
      throw failure(response.status, 'unexpected_response', unexpected_response)
    throw { status: response.status, error: { code, message, fields } } satisfies TransportFailure
  }
  return {
    loadSession: fromPromise(() => call('session')),
    signIn: fromPromise<Session | null, Credentials>(({ input }) => call('signIn', input)),
    refresh: fromPromise<Session | null, RefreshInput>(({ input, signal }) => withRefreshLock(() => call('refresh', input), { signal })),
    signOut: fromPromise(() => call('signOut')),
  }
}
