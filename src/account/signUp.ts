import type { SignUpDetails } from '../contract/types'
import type { AccountFlowResult } from '../core/AccountFlowResult'
import type { AccountFlowActorRef } from './accountFlowMachine'
import { runAccountFlow } from './runAccountFlow'

/**
 * Creates an account through the running flows' machine and resolves once the sign-up route has answered: signed in
 * (the auth machine hears it), or `outcome: 'verification_sent'` when the backend mails a link to confirm first;
 * `ok: false` with the error (a 422's `fields`, a 429's `retryAfterSeconds`) otherwise.
 *
 * @example
 * const result = await signUp(flows, { email: 'new@example.com', password: 'a-long-password', name: 'New Person' })
 * if (result.ok && result.outcome === 'verification_sent') showCheckYourEmail()
 */
export function signUp(flows: AccountFlowActorRef, details: SignUpDetails): Promise<AccountFlowResult> {
  return runAccountFlow(flows, { type: 'account.signUp', details })
}
