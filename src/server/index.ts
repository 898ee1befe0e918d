export { createBackendProxy, type BackendProxyOptions } from './createBackendProxy'
export { createGatehouse, type Gatehouse, type GatehouseOptions } from './createGatehouse'
export { GatehouseError } from './GatehouseError'
export { restAdapter } from './restAdapter'
export type {
  EndpointOptions,
  ExpiryFormat,
  HttpMethod,
  LoginOptions,
  LogoutOptions,
  ProfileOptions,
  RefreshOptions,
  RestAdapterOptions,
  TokenOptions,
  UserMapping,
} from './rest/RestAdapterOptions'
export { CLIENT_HEADER } from '../core/clientHeader'
export { safeRedirectPath } from '../core/safeRedirectPath'
export type { CookieOptions, CookieWrite } from './cookies'
export type { BackendAdapter, BackendCredentials, BackendTokens } from './types'
