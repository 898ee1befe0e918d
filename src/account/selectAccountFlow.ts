import type { AccountOutcome, AuthError } from '../contract/types'
import type { AccountFlowSnapshot } from './accountFlowMachine'

/** A UI-shaped view of the flows' machine. */
export interface AccountFlowView {
  /** A flow's request is in flight: further ones are ignored until it answers. */
  pending: boolean
  /** What the last flow did without signing anyone in, to tell the person; `null` once another starts. */
  outcome: AccountOutcome | null
  /** Why the last flow failed (a 422's `fields`, a 429's `retryAfterSeconds`), to show; `null` once another starts. */
  error: AuthError | null
}

/**
 * Reduces a flows' snapshot to what a view needs.
 *
 * @example
 * flows.subscribe((snapshot) => render(selectAccountFlow(snapshot)))
 *
 * @example
 * // React (@xstate/react), with `flows` from useActorRef(accountFlowMachine, { input: { auth: useAuthActor() } })
 * const { pending, outcome, error } = useSelector(flows, selectAccountFlow, shallowEqual)
 */
export function selectAccountFlow(snapshot: AccountFlowSnapshot): AccountFlowView {
  const { outcome, error } = snapshot.context
  return { pending: snapshot.hasTag('pending'), outcome, error }
}
