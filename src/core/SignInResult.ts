import type { AuthError } from '../contract/types'

/** How a sign-in ended: a union on `ok`, so the error is there only when it failed. */
export type SignInResult =
  | {
      /** Signed in. */
      ok: true
    }
  | {
      /** Not signed in. */
      ok: false
      /** Why: the backend's refusal, a 422's `fields`, `second_factor_required` (see `submitSecondFactor`), or `not_signed_in` when the actor stopped first. */
      error: AuthError
    }
