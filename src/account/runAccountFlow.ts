import { not_signed_in } from '../contract/errorMessages'
import type { AccountFlowResult } from '../core/AccountFlowResult'
import { waitForSnapshot } from '../core/waitForSnapshot'
import type { AccountFlowActorRef, AccountFlowEvent } from './accountFlowMachine'

/**
 * What the flows' functions share: waits until no other flow is in flight, sends `event`, and
 * resolves once the route has answered. A flow's route answers a session or an outcome, so no
 * outcome and no error means it signed the person in. Resolves `not_signed_in` when the actor
 * stops first.
 *
 * @example
 * const result = await runAccountFlow(flows, { type: 'account.verifyEmail', token })
 */
export async function runAccountFlow(flows: AccountFlowActorRef, event: AccountFlowEvent): Promise<AccountFlowResult> {
  const busy = () => flows.getSnapshot().status === 'active' && flows.getSnapshot().hasTag('pending')
  // Checked again after each wait: another call waiting for the same answer may have started its flow first.
  while (busy()) await waitForSnapshot(flows, (snapshot) => !snapshot.hasTag('pending'))
  flows.send(event)
  const { status, context } = await waitForSnapshot(flows, (snapshot) => !snapshot.hasTag('pending'))
  if (status !== 'active') return { ok: false, error: { code: 'not_signed_in', message: not_signed_in } }
  return context.error ? { ok: false, error: context.error } : { ok: true, signedIn: context.outcome === null, outcome: context.outcome }
}
