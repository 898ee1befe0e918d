import type { ErrorCode } from './errorCatalogue'

/** The signed-in person, as the server maps it from the backend's profile. */
export interface User {
  /** The backend's id for the person, as a string (the REST adapter turns a numeric id into one). */
  id: string
  /** The name to show, when the backend's profile has one. */
  name?: string
  /** The email address, when the backend's profile has one. */
  email?: string
  /** What the person may do, for the app to check (as `AuthGuard`'s `allow` does); `[]` when the backend gives none. */
  roles: string[]
}

/** What the browser may know of a session: who, and until when the access token lasts. Never a token. */
export interface Session {
  /** Who is signed in. */
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
  /** What went wrong, from a closed list: the code to branch on. */
  code: ErrorCode
  /** A sentence to show the person, in the backend's words or gatehouse's (`ERROR_MESSAGES` has each code's default). */
  message: string
  /** After a 422 `validation_failed`: the messages for each form field, by the field's name (`email`, `username`, `password`). */
  fields?: Record<string, string[]>
  /** After a 429 `rate_limited`: how many seconds to wait before trying again, when the backend said. */
  retryAfterSeconds?: number
}

/**
 * What an account flow route answers when it did not sign anyone in, as `{ user: null, outcome }`
 * (and as `?outcome=` after a form sent without script): `verification_sent` (a sign-up that must be
 * confirmed, or a resent link), `email_verified`, `reset_requested` (said whether or not the account
 * exists), `password_reset`.
 */
export type AccountOutcome = 'verification_sent' | 'email_verified' | 'reset_requested' | 'password_reset'

/** What the sign-up form sends: an identifier and a password as for signing in, a name, and the app's extra fields. */
export type SignUpDetails = Credentials & {
  /** The name to show, when the form asks for one. */
  name?: string
  /** The backend's extra sign-up fields the adapter names (`signUp.fields`), by field name. */
  fields?: Record<string, string>
}

/** What the second step of a sign-in sends: a code from the authenticator app, or one of the recovery codes. */
export type SecondFactorCode =
  | {
      /** The six digits the authenticator app shows now. */
      code: string
    }
  | {
      /** One of the single-use recovery codes the backend handed out. */
      recoveryCode: string
    }

/** What the person types: an email or a username, whichever the backend takes, and a password. */
export type Credentials =
  | {
      /** The email address the person signs in with, for a backend that takes emails. */
      email: string
      /** The password: it goes to the sign-in route and never into the machine's context. */
      password: string
    }
  | {
      /** The username the person signs in with, for a backend that takes usernames. */
      username: string
      /** The password: it goes to the sign-in route and never into the machine's context. */
      password: string
    }

/** Whom a password reset or a new verification link is for: the email or the username, as for signing in. */
export type AccountIdentifier =
  | {
      /** The account's email address. */
      email: string
    }
  | {
      /** The account's username. */
      username: string
    }
