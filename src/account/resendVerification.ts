import type { AccountIdentifier } from '../contract/types'
import type { AccountFlowResult } from '../core/AccountFlowResult'
import type { AccountFlowActorRef } from './accountFlowMachine'
import { runAccountFlow } from './runAccountFlow'

/**
 * Mails the verification link again: `outcome: 'verification_sent'`, or `ok: false` with the error (`rate_limited` and
 * its `retryAfterSeconds` when asked too often).
 *
 * @example
 * const result = await resendVerification(flows, { email: 'new@example.com' })
 */
export function resendVerification(flows: AccountFlowActorRef, identifier: AccountIdentifier): Promise<AccountFlowResult> {
  return runAccountFlow(flows, { type: 'account.resendVerification', identifier })
}
