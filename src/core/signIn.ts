import type { Credentials } from '../contract/types'
import type { AuthActorRef } from './authMachine'
import { settleSignIn } from './settleSignIn'
import type { SignInResult } from './SignInResult'

export type { SignInResult }

/**
 * Signs in through the running machine and resolves once the backend has answered: `ok`, or the
 * error to show (a 422's `fields` included). Resolves `ok: false` too when the actor stops first.
 *
 * @example
 * const result = await signIn(actor, { email: 'demo@example.com', password: 'demo-password' })
 * if (!result.ok) console.warn(result.error.message)
 */
export function signIn(actor: AuthActorRef, credentials: Credentials): Promise<SignInResult> {
  return settleSignIn(actor, { type: 'auth.signIn', credentials })
}
