import { fromPromise } from 'xstate'
import type { Transport, TransportResult } from './createTransport'
import type { AuthError, Credentials, Session } from './types'
import { withRefreshLock } from './withRefreshLock'

/** Thrown by the transport actors so the machine sees both the status and the shared error shape. */
export interface TransportFailure {
  status: number
  error: AuthError
}

export interface RefreshInput {
  /** The expiry this tab knows; a session with another one was refreshed meanwhile, by another tab. */
  knownExpiresAt: string | null
  lockTimeoutMs: number
}

const settle = async (pending: Promise<TransportResult>): Promise<Session | null> => {
  const result = await pending
  if (result.ok) return result.session
  throw { status: result.status, error: result.error } satisfies TransportFailure
}

/**
 * The machine's effects, one named `fromPromise` actor per proxy route. A refresh holds the
 * cross-tab lock and first asks whether another tab has already refreshed (the cookies are
 * shared), so the tabs of one browser make one refresh between them.
 *
 * @example
 * const machine = authMachine.provide({ actors: transportActors(createTransport({ basePath: '/auth' })) })
 */
export function transportActors(transport: Transport) {
  return {
    loadSession: fromPromise<Session | null>(() => settle(transport.session())),
    login: fromPromise<Session | null, Credentials>(({ input }) => settle(transport.login(input))),
    refresh: fromPromise<Session | null, RefreshInput>(({ input, signal }) =>
      withRefreshLock(
        async () => {
          const current = await settle(transport.session())
          // Signed out, refreshed by another tab, or nothing to refresh with: the session route has the last word.
          if (current === null || current.expiresAt !== input.knownExpiresAt || current.refreshable === false) return current
          return settle(transport.refresh())
        },
        { signal, timeoutMs: input.lockTimeoutMs },
      ),
    ),
    logout: fromPromise<Session | null>(() => settle(transport.logout())),
  }
}
