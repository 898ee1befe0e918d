import type { User } from '../core/types'

/** What a backend hands out at sign-in and at each refresh. Times are epoch milliseconds. */
export interface BackendTokens {
  accessToken: string
  accessTokenExpiresAt: number
  refreshToken?: string
  refreshTokenExpiresAt?: number
  /** The profile, when the token response carries it; otherwise gatehouse asks `profile`. */
  user?: User
}

/** Credentials as the backend receives them: `identifier` is the email or the username. */
export interface BackendCredentials {
  identifier: string
  password: string
}

/**
 * Maps one backend's API onto the four operations gatehouse needs. Methods throw
 * `GatehouseError`: `invalid_credentials` (401) and `validation_failed` (422, with `fields`) from
 * `login`, `session_expired` (401) when the backend rejects a refresh token, `backend_unavailable`
 * (502), `backend_timeout` (504) or `backend_invalid_response` (502) from any of them.
 */
export interface BackendAdapter {
  login(credentials: BackendCredentials): Promise<BackendTokens>
  refresh(refreshToken: string): Promise<BackendTokens>
  profile(accessToken: string): Promise<User>
  logout(tokens: { accessToken?: string; refreshToken?: string }): Promise<void>
}
