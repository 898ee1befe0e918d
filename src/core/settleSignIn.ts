import { not_signed_in } from '../contract/errorMessages'
import type { AuthActorRef, AuthEvent } from './authMachine'
import type { SignInResult } from './SignInResult'
import { waitForSnapshot } from './waitForSnapshot'

/**
 * Sends one step of a sign-in (the credentials, or the second factor's code) and resolves once the
 * machine has settled: `ok` when someone is signed in, else the error it holds, `not_signed_in`
 * when there is none or the actor stopped first. It waits for the session to be known first; an
 * event the machine does not take then settles at once (signed in already: `ok`).
 *
 * @example
 * const result = await settleSignIn(actor, { type: 'auth.signIn', credentials })
 */
export async function settleSignIn(actor: AuthActorRef, event: AuthEvent): Promise<SignInResult> {
  // A page that signs in (or sends its code) on load may start before the session is known.
  if (actor.getSnapshot().hasTag('loading')) await waitForSnapshot(actor, (snapshot) => !snapshot.hasTag('loading'))
  actor.send(event)
  const { context } = await waitForSnapshot(actor, (snapshot) => !snapshot.hasTag('pending'))
  if (context.user) return { ok: true }
  return { ok: false, error: context.error ?? { code: 'not_signed_in', message: not_signed_in } }
}
