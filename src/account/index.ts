/**
 * The account flows besides signing in, with no framework: `accountFlowMachine`, which runs beside
 * the auth machine and hands it the session a flow signs in with; the functions that drive it
 * (`signUp`, `verifyEmail`, `resendVerification`, `requestPasswordReset`, `resetPassword`);
 * `selectAccountFlow` for views; and the route actors. An entry point of its own, so a page that
 * only signs in carries none of it.
 *
 * @module gatehouse/account
 */
export {
  accountFlowMachine,
  type AccountFlowActorRef,
  type AccountFlowContext,
  type AccountFlowEvent,
  type AccountFlowInput,
  type AccountFlowSnapshot,
  type AccountFlowTag,
} from './accountFlowMachine'
export { accountTransportActors, type AccountFlowAnswer, type AccountOutcomeAnswer } from './accountTransportActors'
export type { AccountFlowResult } from '../core/AccountFlowResult'
export { requestPasswordReset } from './requestPasswordReset'
export { resendVerification } from './resendVerification'
export { resetPassword } from './resetPassword'
export { selectAccountFlow, type AccountFlowView } from './selectAccountFlow'
export { signUp } from './signUp'
export { verifyEmail } from './verifyEmail'
export type { AccountIdentifier, AccountOutcome, AuthError, Session, SignUpDetails } from '../contract/types'
