import type { PublishEvent, TabSyncEvent, WakeEvent, tabSync, wakeWatcher } from './browserActors'
import type { RefreshTiming } from './refreshTiming'
import type { transportActors } from './transportActors'
import type { AuthError, Credentials, Session, User } from './types'

export interface AuthContext {
  user: User | null
  /** ISO expiry of the access token; drives the refresh timer. */
  expiresAt: string | null
  /** `false` when the backend gives no refresh token: the timer then waits for the expiry itself. */
  refreshable: boolean
  error: AuthError | null
  /** Whether the server handed over the first session, so hydrating needs no request. */
  serverRendered: boolean
  /** Failed refresh attempts in a row, for the backoff. */
  retries: number
  timing: RefreshTiming
  lockTimeoutMs: number
}

export interface AuthMachineInput {
  /**
   * The session the server rendered with. `null` means the server knows nobody is signed in;
   * leaving it out makes the machine ask the session route.
   */
  session?: Session | null
  /** Refresh margin and retry backoff. Default: 30 s before expiry; retries from 1 s doubling to 10 s. */
  timing?: Partial<RefreshTiming>
  /** How long to wait for another tab's refresh before refreshing anyway. Default 10 s. */
  lockTimeoutMs?: number
}

export type AuthEvent =
  | { type: 'auth.login'; credentials: Credentials }
  | { type: 'auth.logout' }
  | { type: 'auth.refresh' }
  | WakeEvent
  | TabSyncEvent

type AuthActorLogic = ReturnType<typeof transportActors> & { tabSync: typeof tabSync; wakeWatcher: typeof wakeWatcher }

/** The machine's types, with the names its config may use; every invoked actor's id is its `src`. */
export interface AuthMachineTypes {
  context: AuthContext
  events: AuthEvent
  input: AuthMachineInput
  emitted: PublishEvent
  actors: { [Src in keyof AuthActorLogic]: { src: Src; logic: AuthActorLogic[Src]; id: Src } }[keyof AuthActorLogic]
  guards: { type: 'serverSignedIn' | 'serverSignedOut' | 'hasSession' | 'sessionRejected' | 'refreshDue' | 'signedInElsewhere' }
  actions: { type: 'storeSession' | 'storeFailure' | 'signOut' | 'endSession' | 'adoptTabMessage' | 'publish' }
  delays: 'refreshDelay' | 'retryDelay'
}
