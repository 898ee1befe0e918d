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
