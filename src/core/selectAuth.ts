import type { SnapshotFrom } from 'xstate'
import type { authMachine } from './authMachine'
import type { AuthError, User } from './types'

export type AuthStatus = 'loading' | 'signedIn' | 'signedOut'

/** A UI-shaped view of the machine: what to render, without knowing its states. */
export interface AuthView {
  status: AuthStatus
  user: User | null
  /** ISO expiry of the access token while signed in. */
  expiresAt: string | null
  /** `false` when the backend gave no refresh token: the session ends at `expiresAt`. */
  refreshable: boolean
  error: AuthError | null
  /** Signed out because the backend ended the session (not by the person). */
  sessionEnded: boolean
  /** A sign-in or sign-out is in flight. */
  pending: boolean
  /** The session is kept but a refresh failed for a transient reason and is being retried. */
  reconnecting: boolean
}

/**
 * Reduces a machine snapshot to what a UI needs.
 *
 * @example
 * actor.subscribe((snapshot) => render(selectAuth(snapshot)))
 */
export function selectAuth(snapshot: SnapshotFrom<typeof authMachine>): AuthView {
  const { user, expiresAt, refreshable, error, retries } = snapshot.context
  const status: AuthStatus = snapshot.matches('hydrating') ? 'loading' : user ? 'signedIn' : 'signedOut'
  return {
    status,
    user,
    expiresAt,
    refreshable,
    error,
    sessionEnded: status === 'signedOut' && error?.code === 'session_expired',
    pending: snapshot.matches('authenticating') || snapshot.matches('loggingOut'),
    // A retry after a failure is still reconnecting, until one succeeds.
    reconnecting: snapshot.matches('degraded') || (snapshot.matches('refreshing') && retries > 0),
  }
}
