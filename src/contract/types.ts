import type { ErrorCode } from './errorCatalogue'

/** The signed-in person, as the server maps it from the backend's profile. */
export interface User {
  id: string
  name?: string
  email?: string
  roles: string[]
}

/** What the browser may know of a session: who, and until when the access token lasts. Never a token. */
export interface Session {
  user: User
  /** ISO time at which the access token expires. */
  expiresAt: string
  /** `false` when the backend gave no refresh token: the session ends at `expiresAt`. Absent otherwise. */
  refreshable?: false
  /**
   * ISO time at which the session ends unless the person acts before (only with an idle timeout).
   * The browser refreshes by then if they acted since it last said so.
   */
  idleEndsAt?: string
  /**
   * The backend's access token: only when the server opted in with `exposeAccessToken` (see
   * SECURITY.md). Keep it in memory; never store it.
   */
  accessToken?: string
}

/** The one error shape every gatehouse route answers with. */
export interface AuthError {
  code: ErrorCode
  message: string
  fields?: Record<string, string[]>
}

/** What the person types: an email or a username, whichever the backend takes, and a password. */
export type Credentials = { email: string; password: string } | { username: string; password: string }
