import type { AccountFlowResult } from '../core/AccountFlowResult'
import type { AccountFlowActorRef } from './accountFlowMachine'
import { runAccountFlow } from './runAccountFlow'

/**
 * Confirms an email address with the token from the mailed link: signed in, or `outcome: 'email_verified'`; `ok: false`
 * with `invalid_token` for a bad, used or expired link. Works whoever is signed in.
 *
 * @example
 * const result = await verifyEmail(flows, new URLSearchParams(location.search).get('token') ?? '')
 * if (!result.ok && result.error.code === 'invalid_token') offerToResend()
 */
export function verifyEmail(flows: AccountFlowActorRef, token: string): Promise<AccountFlowResult> {
  return runAccountFlow(flows, { type: 'account.verifyEmail', token })
}
