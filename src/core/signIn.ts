import { not_signed_in } from '../contract/errorMessages'
import type { AuthError, Credentials } from '../contract/types'
import type { AuthActorRef } from './authMachine'
import { waitForSnapshot } from './waitForSnapshot'

/** How a sign-in ended: a union on `ok`, so the error is there only when it failed. */
export type SignInResult =
  | {
      /** Signed in. */
      ok: true
    }
  | {
      /** Not signed in. */
      ok: false
      /** Why: the backend's refusal, a 422's `fields`, or `not_signed_in` when the actor stopped first. */
      error: AuthError
    }

/**
 * Signs in through the running machine and resolves once the backend has answered: `ok`, or the
 * error to show (a 422's `fields` included). Resolves `ok: false` too when the actor stops first.
 *
 * @example
 * const result = await signIn(actor, { email: 'demo@example.com', password: 'demo-password' })
 * if (!result.ok) console.warn(result.error.message)
 */
export async function signIn(actor: AuthActorRef, credentials: Credentials): Promise<SignInResult> {
  actor.send({ type: 'auth.signIn', credentials })
  const { context } = await waitForSnapshot(actor, (snapshot) => !snapshot.hasTag('pending'))
  if (context.user) return { ok: true }
  return { ok: false, error: context.error ?? { code: 'not_signed_in', message: not_signed_in } }
}
