import type { AuthError, User } from '../contract/types'
import type { AuthSnapshot } from './authMachine'

/** Whether someone is signed in: `loading` until the machine knows (only when the server did not render the session). */
export type AuthStatus = 'loading' | 'signedIn' | 'signedOut'

/** A UI-shaped view of the machine: what to render, without knowing its states. */
export interface AuthView {
  /** What to render: a placeholder, the signed-in view or the signed-out one. */
  status: AuthStatus
  /** The signed-in person; `null` while loading or signed out. */
  user: User | null
  /** ISO expiry of the access token while signed in. */
  expiresAt: string | null
  /** `false` when the backend gave no refresh token: the session ends at `expiresAt`. */
  refreshable: boolean
  /** What went wrong last (a refused sign-in, a failed refresh, the session's end), to show; `null` once a sign-in starts or a session arrives. */
  error: AuthError | null
  /** Signed out because the backend ended the session (not by the person). */
  sessionEnded: boolean
  /** A sign-in, a second factor or a sign-out is in flight. */
  pending: boolean
  /** A sign-in waits for its second factor (`submitSecondFactor`); `status` stays `signedOut` meanwhile. */
  secondFactorRequired: boolean
  /** The session is kept but a refresh failed for a transient reason and is being retried. */
  reconnecting: boolean
}

/**
 * Reduces a machine snapshot to what a UI needs.
 *
 * @example
 * actor.subscribe((snapshot) => render(selectAuth(snapshot)))
 */
export function selectAuth(snapshot: AuthSnapshot): AuthView {
  const { user, expiresAt, refreshable, error, retries } = snapshot.context
  const status: AuthStatus = snapshot.hasTag('loading') ? 'loading' : snapshot.hasTag('signedIn') ? 'signedIn' : 'signedOut'
  return {
    status,
    user,
    expiresAt,
    refreshable,
    error,
    sessionEnded: status === 'signedOut' && error?.code === 'session_expired',
    pending: snapshot.hasTag('pending'),
    secondFactorRequired: snapshot.hasTag('secondFactor'),
    // A retry after a failure is still reconnecting, until one succeeds.
    reconnecting: snapshot.hasTag('reconnecting') || (snapshot.hasTag('refreshing') && retries > 0),
  }
}
