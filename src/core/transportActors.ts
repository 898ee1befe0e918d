import { fromPromise } from 'xstate'
import { AUTH_ROUTES, DEFAULT_BASE_PATH, SECOND_FACTOR_ROUTE, authRouteUrl, type AuthRouteName } from '../contract/authRoutes'
import type { Credentials, SecondFactorCode, Session } from '../contract/types'
import { callRoute, type TransportFailure } from './callRoute'

export type { TransportFailure }
import { withRefreshLock } from './withRefreshLock'

/** How `transportActors` (and gatehouse/account's `accountTransportActors`) reach the auth routes. */
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

/**
 * The machine's effects, one named `fromPromise` actor per route it calls (the auth routes and
 * the second factor's); each resolves with the session (`null`: nobody is signed in) or rejects
 * with a `TransportFailure`. Cookies travel by themselves (same origin, `no-store` answers);
 * bodies carry only the user and the expiry. A refresh holds the cross-tab lock and says which
 * expiry it knows, so the refresh route answers a session another tab refreshed meanwhile (the
 * cookies are shared) without refreshing again: the tabs of one browser make one refresh between
 * them, one request each.
 *
 * @example
 * const machine = authMachine.provide({ actors: transportActors({ basePath: '/auth' }) })
 */
export function transportActors({ basePath = DEFAULT_BASE_PATH, fetch: fetchImpl = (...args) => fetch(...args) }: TransportOptions = {}) {
  const call = (route: AuthRouteName, body?: object) =>
    callRoute(fetchImpl, authRouteUrl(basePath, route), AUTH_ROUTES[route].method, body) as Promise<Session | null>
  return {
    loadSession: fromPromise(() => call('session')),
    signIn: fromPromise<Session | null, Credentials>(({ input }) => call('signIn', input)),
    refresh: fromPromise<Session | null, RefreshInput>(({ input, signal }) => withRefreshLock(() => call('refresh', input), { signal })),
    signOut: fromPromise(() => call('signOut')),
    // A second factor's `{ user: null }` is no answer the route gives: read as nobody signed in.
    secondFactor: fromPromise<Session | null, SecondFactorCode>(
      ({ input }) =>
        callRoute(fetchImpl, `${basePath}/${SECOND_FACTOR_ROUTE.path}`, SECOND_FACTOR_ROUTE.method, input) as Promise<Session | null>,
    ),
  }
}
