import type { SecondFactorCode } from '../contract/types'
import type { AuthActorRef } from './authMachine'
import { settleSignIn } from './settleSignIn'
import type { SignInResult } from './SignInResult'

/**
 * Finishes a sign-in that resolved `second_factor_required`, with the authenticator app's code or a
 * recovery code: `ok` once signed in, or the error: `invalid_code` (the sign-in still waits: try
 * again), `challenge_expired` (sign in again). Works on a signed-out page too, whose sign-in was
 * posted as a form before the script ran (the challenge waits in its cookie).
 *
 * @example
 * const result = await submitSecondFactor(actor, { code: '123456' })
 * if (!result.ok && result.error.code === 'invalid_code') showTryAgain()
 */
export function submitSecondFactor(actor: AuthActorRef, code: SecondFactorCode): Promise<SignInResult> {
  return settleSignIn(actor, { type: 'auth.submitSecondFactor', code })
}
