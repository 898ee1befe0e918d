import type { AccountOutcome, AuthError } from '../contract/types'

/** How an account flow (or a second factor) ended: a union on `ok`, so the error is there only when it failed. */
export type AccountFlowResult =
  | {
      /** The route did what it was asked. */
      ok: true
      /** Whether that signed the person in (a sign-up, a verification, a reset or a second factor may). */
      signedIn: boolean
      /** What was done instead when nobody was signed in, e.g. `verification_sent`; `null` when signed in. */
      outcome: AccountOutcome | null
    }
  | {
      /** The route refused, or could not be reached. */
      ok: false
      /** Why: the route's error (a 422's `fields`, a 429's `retryAfterSeconds`), or why the request could not be made now. */
      error: AuthError
    }
