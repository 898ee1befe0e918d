/**
 * The browser side of signing in, with no framework: the auth machine, the functions that drive
 * it (`signIn`, `submitSecondFactor`, `signOut`, `refresh`, `createAuthFetch`), and the shapes of
 * the session and its errors. The other account flows (sign-up, email verification, password
 * reset) are gatehouse/account's, so a page that only signs in carries none of them.
 *
 * @module gatehouse
 */
export {
  authMachine,
  type AuthActorRef,
  type AuthContext,
  type AuthEvent,
  type AuthMachineInput,
  type AuthSnapshot,
  type AuthTag,
} from './authMachine'
export { CLIENT_HEADER } from '../contract/clientHeader'
export { createAuthFetch } from './createAuthFetch'
export { refresh } from './refresh'
export type { AccountFlowResult } from './AccountFlowResult'
export type { RefreshTiming } from './refreshTiming'
export { selectAuth, type AuthStatus, type AuthView } from './selectAuth'
export { signIn, type SignInResult } from './signIn'
export { signOut } from './signOut'
export { submitSecondFactor } from './submitSecondFactor'
export type { TabMessage } from './tabMessage'
export {
  transportActors,
  type RefreshInput,
  type TransportFailure,
  type TransportOptions,
} from './transportActors'
export type {
  AccountIdentifier,
  AccountOutcome,
  AuthError,
  Credentials,
  SecondFactorCode,
  Session,
  SignUpDetails,
  User,
} from '../contract/types'
