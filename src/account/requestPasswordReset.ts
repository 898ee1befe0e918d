import type { AccountIdentifier } from '../contract/types'
import type { AccountFlowResult } from '../core/AccountFlowResult'
import type { AccountFlowActorRef } from './accountFlowMachine'
import { runAccountFlow } from './runAccountFlow'

/**
 * Mails a password reset link: `outcome: 'reset_requested'`, whether or not the account exists (so the answer tells
 * nobody who has one); `ok: false` with the error otherwise.
 *
 * @example
 * const result = await requestPasswordReset(flows, { username: 'demo' })
 * if (result.ok) showCheckYourEmail()
 */
export function requestPasswordReset(flows: AccountFlowActorRef, identifier: AccountIdentifier): Promise<AccountFlowResult> {
  return runAccountFlow(flows, { type: 'account.requestPasswordReset', identifier })
}
