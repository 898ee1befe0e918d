/**
 * The browser side, with no framework: the auth machine, the functions that drive it (`signIn`,
 * `signOut`, `refresh`, `createAuthFetch`), and the shapes of the session and its errors.
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
export type { RefreshTiming } from './refreshTiming'
export { selectAuth, type AuthStatus, type AuthView } from './selectAuth'
export { signIn, type SignInResult } from './signIn'
export { signOut } from './signOut'
export type { TabMessage } from './tabMessage'
export { transportActors, type RefreshInput, type TransportFailure, type TransportOptions } from './transportActors'
export type { AuthError, Credentials, Session, User } from '../contract/types'
