import type { AccountFlowResult } from '../core/AccountFlowResult'
import type { AccountFlowActorRef } from './accountFlowMachine'
import { runAccountFlow } from './runAccountFlow'

/**
 * Sets a new password with the token from the reset link: signed in, or `outcome: 'password_reset'`; `ok: false` with
 * `invalid_token` for a bad, used or expired link, or a 422's `fields` for a password the backend refuses.
 *
 * @example
 * const result = await resetPassword(flows, { token, password: 'a-new-long-password' })
 */
export function resetPassword(flows: AccountFlowActorRef, reset: { token: string; password: string }): Promise<AccountFlowResult> {
  return runAccountFlow(flows, { type: 'account.resetPassword', ...reset })
}
