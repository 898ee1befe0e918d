import type { User } from '../../contract/types'

/** What a backend hands out at sign-in and at each refresh. Times are epoch milliseconds. */
export interface BackendTokens {
  /** What the backend's API takes as `Authorization: Bearer …`; sealed in the cookies, and shown to the browser's script only with `exposeAccessToken`. */
  accessToken: string
  /** When the access token stops working: gatehouse refreshes before then. */
  accessTokenExpiresAt: number
  /** Absent for a backend without refresh tokens: the session then ends with the access token. */
  refreshToken?: string
  /** When the refresh token stops working; the cookies live until then. */
  refreshTokenExpiresAt?: number
  /** The profile, when the token response carries it; otherwise gatehouse asks `profile`. */
  user?: User
}

/** Credentials as the backend receives them: `identifier` is the email or the username. */
export interface BackendCredentials {
  /** The email or the username, whichever the adapter's `identifier` asks for. */
  identifier: string
  /** The password as the person typed it. */
  password: string
}

/**
 * What a backend needs to finish a sign-in that asked for a second factor. Sealed in a short-lived
 * httpOnly cookie between the two steps, so no page script ever reads it.
 */
export interface SecondFactorChallenge {
  /** The backend's token for the waiting sign-in (Laravel Fortify, Auth0's `mfa_token`): sent back with the code. */
  challengeToken?: string
  /** For a backend that takes the same sign-in call again with the code added (Directus's `otp`). */
  credentials?: BackendCredentials
}

/** A sign-in the backend will finish only with a second factor: what `signIn` resolves with instead of tokens. */
export interface SecondFactorRequired {
  /** What the second step sends back. */
  secondFactor: SecondFactorChallenge
}

/** A sign-up as the backend receives it: `identifier` is the email or the username. */
export interface BackendSignUp extends BackendCredentials {
  /** The name the person gave, when the form asks for one. */
  name?: string
  /** The extra fields the adapter lets through, by the form's field names. */
  fields: Record<string, string>
}

/** The client's address as the backend is to receive it: `address` in the header `header` (lower-cased). */
export interface ClientAddress {
  /** The client's IP address, as the app's trusted proxies told it. */
  readonly address: string
  /** The header to send it in, lower-cased: the `clientAddress` option's `header`. */
  readonly header: string
}

/**
 * What gatehouse knows of the request a sign-in or refresh serves. `clientAddress` is there only
 * when the app set `createGatehouse`'s `clientAddress` option and its trusted proxies told the
 * address; never a header the client sent as such.
 */
export interface BackendCallContext {
  /** Where the request came from, for the backend's per-address throttling; see above for when it is there. */
  readonly clientAddress?: ClientAddress
}

/**
 * Maps one backend's API onto the four operations gatehouse needs. `restAdapter` builds one from
 * options; write your own for anything else (GraphQL, an SDK, several calls per sign-in).
 *
 * Failures are thrown as `GatehouseError`, which the routes answer as they are:
 *
 * | thrown from | when | status, code |
 * |---|---|---|
 * | `signIn` | wrong identifier or password | 401 `invalid_credentials` |
 * | `signIn` | the backend refuses the fields; `fields` maps the form's field names (`email`, `username`, `password`) to messages | 422 `validation_failed` |
 * | `refresh`, `profile` | the backend rejects the token: the session ends and the cookies are cleared | 401 `session_expired` |
 * | any | the backend cannot be reached | 502 `backend_unavailable` |
 * | any | the backend is too slow: it has not answered within `timeoutMs` (the call runs on) | 504 `backend_timeout` |
 * | any | the answer is not what was expected (`detail` says why, for the server's log only: see `GatehouseError.withDetail`) | 502 `backend_invalid_response` |
 *
 * Anything else thrown becomes a 500 without details. A failing `signOut` is logged and the
 * cookies are cleared anyway.
 *
 * @example
 * const backend: BackendAdapter = {
 *   identifier: 'username',
 *   async signIn({ identifier, password }, { clientAddress } = {}) {
 *     const result = await sdk.signIn(identifier, password, { ip: clientAddress?.address })
 *     if (!result.ok) throw new GatehouseError(401, 'invalid_credentials', 'The username or password is incorrect.')
 *     return { accessToken: result.jwt, accessTokenExpiresAt: result.expires * 1000, refreshToken: result.refresh }
 *   },
 *   refresh: async (refreshToken) => toTokens(await sdk.refresh(refreshToken)),
 *   profile: async (accessToken) => ({ id: String((await sdk.me(accessToken)).id), roles: [] }),
 *   signOut: async ({ refreshToken }) => { if (refreshToken) await sdk.revoke(refreshToken) },
 * }
 */
export interface BackendAdapter {
  /** What the sign-in form should ask for. Default `email`. */
  readonly identifier?: 'email' | 'username'
  /** The backend's address: where the backend proxy route forwards unless told otherwise. */
  readonly baseUrl?: string
  /**
   * How long a request waits for a call's answer before it answers 504 `backend_timeout`; the
   * call itself is not abandoned, and what it answers later is used (see `maxCallMs`). Default 10 000 ms.
   */
  readonly timeoutMs?: number
  /** How long a call may run in all before the adapter abandons it. Default 60 000 ms. */
  readonly maxCallMs?: number
  /**
   * `call.clientAddress`, when there, is for the backend's per-address throttling: send it along.
   * Resolves with `{ secondFactor }` when the account asks for a second factor (see `verifySecondFactor`).
   */
  signIn(credentials: BackendCredentials, call?: BackendCallContext): Promise<BackendTokens | SecondFactorRequired>
  /** One refresh may serve several requests at once: `call` is the first one's. */
  refresh(refreshToken: string, call?: BackendCallContext): Promise<BackendTokens>
  /** The person the access token belongs to; asked after a sign-in or refresh whose tokens came without `user`. */
  profile(accessToken: string): Promise<User>
  /** Tells the backend the session is over (revoking the refresh token, where it can); the cookies are cleared whatever it does. */
  signOut(tokens: { accessToken?: string; refreshToken?: string }): Promise<void>
  /**
   * Optional, like every method below: without it, its route answers 404 `flow_disabled`.
   * Creates an account. Resolves with tokens when the backend signs the person in at once, `null`
   * when the account must be confirmed first (by the link the backend mails).
   */
  signUp?(details: BackendSignUp, call?: BackendCallContext): Promise<BackendTokens | null>
  /** Confirms an email address with the token from the backend's link: tokens when that signs the person in, else `null`. */
  verifyEmail?(token: string, call?: BackendCallContext): Promise<BackendTokens | null>
  /** Asks the backend to mail the verification link again; resolves the same whether or not the account exists. */
  resendVerification?(identifier: string, call?: BackendCallContext): Promise<void>
  /** Asks the backend to mail a password reset link; resolves the same whether or not the account exists. */
  requestPasswordReset?(identifier: string, call?: BackendCallContext): Promise<void>
  /** Sets a new password with the token from the reset link: tokens when that signs the person in, else `null`. */
  resetPassword?(reset: { token: string; password: string }, call?: BackendCallContext): Promise<BackendTokens | null>
  /** Finishes a sign-in that asked for a second factor, with what `signIn` resolved with and the person's code. */
  verifySecondFactor?(
    challenge: SecondFactorChallenge,
    code: { code: string } | { recoveryCode: string },
    call?: BackendCallContext,
  ): Promise<BackendTokens>
}
