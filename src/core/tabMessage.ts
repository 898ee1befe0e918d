import type { AuthError, User } from '../contract/types'

/** What one tab tells the others after signing in, refreshing or signing out: who is signed in now, never a token. */
export interface TabMessage {
  /** Who is signed in now; `null` after a sign-out or an ended session. */
  user: User | null
  /** When the access token expires (`Session.expiresAt`); `null` when signed out. */
  expiresAt: string | null
  /** When the idle timeout ends unless the person acts (`Session.idleEndsAt`). */
  idleEndsAt: string | null
  /** `false` when the session cannot be refreshed and ends at `expiresAt` (`Session.refreshable`). */
  refreshable: boolean
  /** Why the session ended, e.g. `session_expired`, so every tab can say so; `null` otherwise. */
  error: AuthError | null
}

export type TabSyncEvent = { type: 'auth.synced'; message: TabMessage }
export type PublishEvent = { type: 'tabs.publish'; message: TabMessage }

/** Only what tabs tell each other, whatever else the sender's context or a message holds. */
export const tabMessage = ({ user, expiresAt, idleEndsAt, refreshable, error }: TabMessage): TabMessage => ({
  user,
  expiresAt,
  idleEndsAt,
  refreshable,
  error,
})
