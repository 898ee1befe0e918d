/**
 * The server side: `createGatehouse` seals sessions into cookies and answers the auth routes;
 * `restAdapter` speaks to a backend's token API; `createBackendProxy` forwards the browser's calls
 * to the backend with the session's access token.
 *
 * @module gatehouse/server
 */
export { createBackendProxy, type BackendProxyOptions } from './proxy/createBackendProxy'
export { createGatehouse, type Gatehouse, type GatehouseOptions } from './createGatehouse'
export { GatehouseError } from './GatehouseError'
export {
  requestTrace,
  serverTrace,
  SECURITY_EVENTS,
  type RequestTrace,
  type SecurityEvent,
  type SecurityEventDetails,
  type SecurityEventName,
  type SecurityEventRoute,
  type SecurityEvents,
} from './securityEvents'
export { restAdapter } from './backend/rest/restAdapter'
export type {
  EndpointOptions,
  ExpiryFormat,
  HttpMethod,
  LinkTokenOptions,
  MailRequestOptions,
  ProfileOptions,
  RefreshOptions,
  RestAdapterConfig,
  RestAdapterOptions,
  ResetPasswordOptions,
  RestAdapterShape,
  SecondFactorOptions,
  SignInOptions,
  SignOutOptions,
  SignUpOptions,
  ThrottleOptions,
  TokenOptions,
  UserMapping,
} from './backend/rest/RestAdapterOptions'
export { ACCOUNT_FLOW_ROUTES, AUTH_ROUTES, DEFAULT_BASE_PATH, type AccountFlowName, type AuthRouteName } from '../contract/authRoutes'
export { CLIENT_HEADER } from '../contract/clientHeader'
export { ERROR_MESSAGES, type ErrorCode } from '../contract/errorCatalogue'
export { safeRedirectPath } from '../contract/safeRedirectPath'
export type { CookieOptions, CookieWrite } from './session/cookies'
export type { CoordinationStore } from './session/CoordinationStore'
export type { CoordinationOptions } from './session/createSharedExchange'
export type {
  BackendAdapter,
  BackendCallContext,
  BackendCredentials,
  BackendSignUp,
  BackendTokens,
  ClientAddress,
  SecondFactorChallenge,
  SecondFactorRequired,
} from './backend/BackendAdapter'
export type { ClientAddressOptions } from './headers/clientAddress'
