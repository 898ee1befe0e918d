/** The methods a backend call can use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * How the backend states when a token expires: an absolute time (`iso`, `epoch-seconds`,
 * `epoch-ms`) or a lifetime from now (`lifetime-seconds`, `lifetime-ms`).
 */
export type ExpiryFormat = 'iso' | 'epoch-seconds' | 'epoch-ms' | 'lifetime-seconds' | 'lifetime-ms'

/** One backend call. `path` starts with `/` and is appended to `baseUrl`. */
export interface EndpointOptions {
  /** Default `POST`; `GET` for `profile`. */
  method?: HttpMethod
  /** Default: the seed contract's (the demo backend's) path for the call: `/auth/login`, `/auth/refresh`, `/auth/profile`, `/auth/logout`, `/auth/register`, …. */
  path?: string
}

/** The sign-in call (default `POST /auth/login`): what the form asks for, and how the body names it. */
export interface SignInOptions extends EndpointOptions {
  /** What the sign-in form asks for. Default `email`. */
  identifier?: 'email' | 'username'
  /** The body field the backend reads the identifier from. Default: the `identifier` itself. */
  identifierField?: string
  /** Default `password`. */
  passwordField?: string
  /** Constant fields sent along, e.g. `{ "grant_type": "password", "client_id": "web" }`. */
  extraFields?: Record<string, string>
}

/** The refresh call (default `POST /auth/refresh`): how the refresh token goes to the backend. */
export interface RefreshOptions extends EndpointOptions {
  /** The refresh token in a `body` field (default) or as a `bearer` Authorization header. */
  send?: 'body' | 'bearer'
  /** The body field for the refresh token. Default `refresh_token`. */
  field?: string
  /** Constant fields sent along, e.g. `{ "grant_type": "refresh_token", "client_id": "web" }`. */
  extraFields?: Record<string, string>
}

/** The sign-out call (default `POST /auth/logout`): which tokens the backend is told of. */
export interface SignOutOptions extends EndpointOptions {
  /**
   * The access token as Bearer (`access`), the refresh token in a body field (`refresh`), or
   * `both` (default): a backend that refuses an expired access token still hears the refresh token.
   */
  send?: 'access' | 'refresh' | 'both'
  /** The body field for the refresh token. Default `refresh_token`. */
  field?: string
}

/** The call for the user (default `GET /auth/profile`), made when the token answer carries none. */
export interface ProfileOptions extends EndpointOptions {
  /** Dot path to the user in the answer; `""` for the top level. Default `data`. */
  envelope?: string
}

/** Where the sign-in and refresh answers keep the tokens. Field names are dot paths inside `envelope`. */
export interface TokenOptions {
  /** Dot path to the object holding the tokens; `""` for the top level. Default `data`. */
  envelope?: string
  /** Default `token`. */
  accessToken?: string
  /** Default `token_expires_at`. When the answer has none: the access token's JWT `exp`, else `accessTokenTtlSeconds`. */
  accessTokenExpiresAt?: string
  /** Default `refresh_token`. */
  refreshToken?: string
  /** Default `refresh_token_expires_at`. When absent: the refresh token's JWT `exp`, else `refreshTokenTtlSeconds`. */
  refreshTokenExpiresAt?: string
  /** Format of both expiry fields. Default `iso`. */
  expiryFormat?: ExpiryFormat
  /** Access-token lifetime when neither the answer nor a JWT `exp` gives one. No default: such an answer is refused. */
  accessTokenTtlSeconds?: number
  /** Refresh-token lifetime when neither the answer nor a JWT `exp` gives one. Default 604 800 (7 days). */
  refreshTokenTtlSeconds?: number
  /** Dot path to the user inside `envelope`; without one there, gatehouse calls `profile`. Default `user`. */
  user?: string
}

/**
 * The sign-up call (default `POST /auth/register`). Its answer either carries tokens where
 * `tokens` says (the person is signed in) or not (an empty 204 included): the account must be
 * confirmed first.
 */
export interface SignUpOptions extends EndpointOptions {
  /** The body field for the email or username. Default: the sign-in's `identifierField`. */
  identifierField?: string
  /** Default: the sign-in's `passwordField`. */
  passwordField?: string
  /** The body field for the name, e.g. `first_name`; `null` when the form asks for none. Default `name`. */
  nameField?: string | null
  /** The extra form fields the backend takes, by the form's field name, with the body field each goes to, e.g. `{ "company": "company_name" }`. Others are dropped. */
  fields?: Record<string, string>
  /** Constant fields sent along, e.g. Directus's `{ "verification_url": "https://app.example.com/verify-email" }`. */
  extraFields?: Record<string, string>
}

/** A call made with the token from a mailed link: email verification (default `POST /auth/verify-email`). */
export interface LinkTokenOptions extends EndpointOptions {
  /** The field (a query parameter for `GET`) the token goes in. Default `token`. */
  tokenField?: string
}

/**
 * A call that asks the backend to mail a link (a new verification link, default `POST
 * /auth/verify-email/resend`; a password reset link, default `POST /auth/forgot-password`).
 * Whatever the backend says of an unknown account, the person is told the same.
 */
export interface MailRequestOptions extends EndpointOptions {
  /** The body field for the email or username. Default: the sign-in's `identifierField`. */
  identifierField?: string
  /** Constant fields sent along, e.g. Directus's `{ "reset_url": "https://app.example.com/reset-password" }`. */
  extraFields?: Record<string, string>
}

/** The password reset call (default `POST /auth/reset-password`), with the token from the link and the new password. */
export interface ResetPasswordOptions extends EndpointOptions {
  /** Default `token`. */
  tokenField?: string
  /** Default: the sign-in's `passwordField`. */
  passwordField?: string
}

/**
 * How the backend asks for a second factor, and how it takes one. Two styles:
 * - `challenge`: the sign-in answer carries a token for the waiting sign-in (Auth0's `mfa_token`,
 *   Laravel Fortify's); the code goes with it to `path`.
 * - `repeat`: the same sign-in call again, with the code in `codeField` (Directus's `otp`).
 */
export interface SecondFactorOptions extends EndpointOptions {
  /** Default `challenge`. */
  style?: 'challenge' | 'repeat'
  /** The sign-in answer that asks for the factor: its status, and its error code when it has one (as `error`, `code` or `errors[].extensions.code`). Default `{ "status": 403, "code": "mfa_required" }`. */
  requiredWhen?: {
    /** The status of that answer, a 4xx. */
    status: number
    /** Its error code, when the status alone does not tell (Directus's `INVALID_OTP`). */
    code?: string
  }
  /** `challenge` style: dot path to the challenge token in that answer. Default `mfa_token`. */
  challengeToken?: string
  /** `challenge` style: the body field the challenge token goes back in (to `path`, default `POST /auth/two-factor`). Default `mfa_token`. */
  challengeTokenField?: string
  /** The body field for the authenticator app's code. Default `code`. */
  codeField?: string
  /** The body field for a recovery code; `null` for a backend without them. Default `recovery_code`. */
  recoveryCodeField?: string | null
  /** The error code of a refused second step that means the waiting sign-in is over (too old, too many wrong codes): the person signs in again. Default `invalid_mfa_token`. */
  expiredCode?: string
}

/** How the backend says how long to wait after a 429, besides a `Retry-After` header. */
export interface ThrottleOptions {
  /** Dot path to the seconds to wait in a 429's body, e.g. `retry_after`. */
  retryAfter?: string
}

/** Which of the backend's user fields make gatehouse's `User`. Values are dot paths. */
export interface UserMapping {
  /** Default `id`. */
  id?: string
  /** One path, or several joined with a space (e.g. `["first_name", "last_name"]`). Default `name`. */
  name?: string | string[]
  /** Default `email`. */
  email?: string
  /** Paths tried in order; each may hold a list of strings or one string. Default `["roles", "role"]`. */
  roles?: string | string[]
}

/**
 * Describes a backend's token API. Every setting has the seed contract's value as its default,
 * so `{ baseUrl }` alone speaks `POST /auth/login` → `{ data: { token, token_expires_at, … } }`.
 * Everything but `baseUrl`, `fetch` and `now` fits in a JSON file (the example app reads one from `AUTH_BACKEND_CONFIG`).
 *
 * @example
 * // Django REST framework + simplejwt: bare `{ access, refresh }` JWTs, expiry from their `exp`
 * const options: RestAdapterOptions = {
 *   baseUrl: 'https://api.example.com',
 *   signIn: { path: '/api/token/', identifier: 'username' },
 *   refresh: { path: '/api/token/refresh/', field: 'refresh' },
 *   profile: { path: '/api/users/me/', envelope: '' },
 *   signOut: false,
 *   tokens: { envelope: '', accessToken: 'access', refreshToken: 'refresh' },
 * }
 */
export interface RestAdapterOptions extends RestAdapterShape {
  /** The backend's base URL, e.g. `https://api.example.com`. */
  baseUrl: string
  /** Makes the backend calls instead of the global `fetch`, e.g. a test double or a client with its own agent. */
  fetch?: typeof fetch
  /** Clock for lifetimes and expiry checks, in epoch milliseconds; for tests. Default `Date.now`. */
  now?: () => number
  /**
   * Logs every exchange with the backend, for setting up against a new one: method, path, status
   * and time, the names of the fields sent, and the shape of the answer (each field with its type,
   * never a value, so no token, password or personal detail). `true` logs with `console.debug`; a
   * logger gets the lines instead. Off by default.
   */
  debug?: boolean | Pick<Console, 'debug'>
}

/** The options that describe a backend's API: what a JSON config file holds (see `RestAdapterConfig`). */
export interface RestAdapterShape {
  /**
   * How long a request waits for the backend's answer before it answers 504 `backend_timeout`
   * (the session kept). Default 10 000 ms.
   */
  timeoutMs?: number
  /**
   * How long a call to the backend may run in all, answered or not. A call still running when
   * its request stopped waiting (`timeoutMs`) runs on until then, so what it brings is not lost: a
   * rotated refresh token becomes the session's, a late sign-in is signed out. Default 60 000 ms,
   * and never less than `timeoutMs`.
   */
  maxCallMs?: number
  /** How request bodies are sent: `json` (default) or `form` (`application/x-www-form-urlencoded`, as OAuth2 token endpoints want). */
  bodyFormat?: 'json' | 'form'
  /** The sign-in call, and what the sign-in form asks for. */
  signIn?: SignInOptions
  /** `false` for a backend without refresh tokens: the session ends with the access token. */
  refresh?: RefreshOptions | false
  /** The call for the user, for a backend whose token answer does not carry it. */
  profile?: ProfileOptions
  /** `false` for a backend without a sign-out call: gatehouse then only clears its cookies. */
  signOut?: SignOutOptions | false
  /** Where the sign-in and refresh answers keep the tokens and their expiry. */
  tokens?: TokenOptions
  /** Sign-up; absent, the sign-up route answers 404 `flow_disabled`, as every flow below does when absent. */
  signUp?: SignUpOptions
  /** Confirming an email address with the token from the mailed link. */
  verifyEmail?: LinkTokenOptions
  /** Mailing the verification link again. */
  resendVerification?: MailRequestOptions
  /** Mailing a password reset link. */
  requestPasswordReset?: MailRequestOptions
  /** Setting a new password with the token from that link. */
  resetPassword?: ResetPasswordOptions
  /** A second factor (TOTP codes and recovery codes) after the password. */
  secondFactor?: SecondFactorOptions
  /** How long a throttled person waits, when the backend says so in its body. */
  throttle?: ThrottleOptions
  /** Which of the backend's user fields make gatehouse's `User`. */
  user?: UserMapping
}

/**
 * A backend's shape as a JSON file holds it (the files in `examples/backends/`, the example
 * app's `AUTH_BACKEND_CONFIG`): every `restAdapter` option JSON can say. Its JSON Schema ships as
 * `gatehouse/dist/backend-config.schema.json`, generated from this type, for editors to complete
 * and check such a file.
 *
 * @example
 * { "$schema": "./node_modules/gatehouse/dist/backend-config.schema.json", "signIn": { "identifier": "username" } }
 */
export interface RestAdapterConfig extends RestAdapterShape {
  /** The JSON Schema the file follows, for editors; `restAdapter` ignores it. */
  $schema?: string
  /** As `RestAdapterOptions.debug`: `true` logs every exchange with the backend. */
  debug?: boolean
}
