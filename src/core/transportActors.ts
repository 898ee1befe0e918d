import { fromPromise } from 'xstate'
import { AUTH_ROUTES, DEFAULT_BASE_PATH, authRouteUrl, type AuthRouteName } from '../contract/authRoutes'
import { CLIENT_HEADER } from '../contract/clientHeader'
import { isErrorCode, type ErrorCode } from '../contract/errorCatalogue'
import { network_error, unexpected_response } from '../contract/errorMessages'
import type { AuthError, Credentials, Session } from '../contract/types'
import { withRefreshLock } from './withRefreshLock'

/** What a failed call rejects with: the HTTP status (0 when the server was not reached) and the shared error shape. */
export interface TransportFailure {
  status: number
  error: AuthError
}

export interface TransportOptions {
  /** Where the auth routes are mounted. Default `/api/auth`. */
  basePath?: string
  fetch?: typeof fetch
}

export interface RefreshInput {
  /** The expiry this tab knows; a session with another one was refreshed meanwhile, by another tab. */
  knownExpiresAt: string | null
  lockTimeoutMs: number
}

const failure = (status: number, code: ErrorCode, message: string): TransportFailure => ({ status, error: { code, message } })

/**
 * The machine's effects, one named `fromPromise` actor per auth route; each resolves with the
 * session (`null`: nobody is signed in) or rejects with a `TransportFailure`. Cookies travel by
 * themselves (same origin, `no-store` answers); bodies carry only the user and the expiry. A
 * refresh holds the cross-tab lock and first asks whether another tab has already refreshed (the
 * cookies are shared), so the tabs of one browser make one refresh between them.
 *
 * @example
 * const machine = authMachine.provide({ actors: transportActors({ basePath: '/auth' }) })
 */
export function transportActors({ basePath = DEFAULT_BASE_PATH, fetch: fetchImpl = (...args) => fetch(...args) }: TransportOptions = {}) {
  const call = async (route: AuthRouteName, credentials?: Credentials): Promise<Session | null> => {
    const response = await fetchImpl(authRouteUrl(basePath, route), {
      method: AUTH_ROUTES[route].method,
      headers: { [CLIENT_HEADER]: '1', ...(credentials && { 'content-type': 'application/json' }) },
      body: credentials && JSON.stringify(credentials),
    }).catch(() => Promise.reject(failure(0, 'network_error', network_error)))
    const { user, expiresAt, refreshable, accessToken, error } = (await response.json().catch(() => null)) ?? {}
    // The session routes answer `{ user: null }`, or a user and an expiry; only those fields are kept.
    if (response.ok && (user === null || (typeof user?.id === 'string' && typeof expiresAt === 'string'))) {
      return user && { user, expiresAt, refreshable: refreshable === false ? false : undefined, accessToken }
    }
    const { code, message, fields } = error ?? {}
    // A code outside the catalogue, or no message, is not ours to show: the answer did not come from a gatehouse route.
    if (!isErrorCode(code) || typeof message !== 'string') throw failure(response.status, 'unexpected_response', unexpected_response)
    throw { status: response.status, error: { code, message, fields } } satisfies TransportFailure
  }
  return {
    loadSession: fromPromise(() => call('session')),
    signIn: fromPromise<Session | null, Credentials>(({ input }) => call('signIn', input)),
    refresh: fromPromise<Session | null, RefreshInput>(({ input, signal }) =>
      withRefreshLock(
        async () => {
          const current = await call('session')
          // Signed out, refreshed by another tab, or nothing to refresh with: the session route has the last word.
          if (current === null || current.expiresAt !== input.knownExpiresAt || current.refreshable === false) return current
          // Not once the machine has moved on (a sign-out meanwhile). A refresh under way is never cut off:
          // its answer carries the rotated cookies.
          signal.throwIfAborted()
          return call('refresh')
        },
        { signal, timeoutMs: input.lockTimeoutMs },
      ),
    ),
    signOut: fromPromise(() => call('signOut')),
  }
}
