import { DEFAULT_MAX_CALL_MS, DEFAULT_WAIT_MS } from '../backendDurations'
import type {
  LinkTokenOptions,
  MailRequestOptions,
  ResetPasswordOptions,
  SecondFactorOptions,
  SignUpOptions,
  SignInOptions,
  SignOutOptions,
  ProfileOptions,
  RefreshOptions,
  RestAdapterOptions,
  TokenOptions,
  UserMapping,
} from './RestAdapterOptions'

type Defined<T> = { [K in keyof T]-?: Exclude<T[K], undefined> }

/** The options with every default filled in, as the adapter uses them. */
export interface ResolvedRestOptions {
  baseUrl: string
  timeoutMs: number
  maxCallMs: number
  fetch: typeof fetch | undefined
  now: () => number
  bodyFormat: 'json' | 'form'
  /** Where each exchange is described when `debug` is on. */
  debug: ((line: string) => void) | undefined
  signIn: Defined<SignInOptions>
  refresh: Defined<RefreshOptions> | false
  profile: Defined<ProfileOptions>
  signOut: Defined<SignOutOptions> | false
  tokens: Defined<Omit<TokenOptions, 'accessTokenTtlSeconds'>> & Pick<TokenOptions, 'accessTokenTtlSeconds'>
  user: { id: string; name: string[]; email: string; roles: string[] }
  /** Each account flow: `undefined` when the options leave it out (off). */
  signUp?: Defined<Omit<SignUpOptions, 'nameField'>> & { nameField: string | null }
  verifyEmail?: Defined<LinkTokenOptions>
  resendVerification?: Defined<MailRequestOptions>
  requestPasswordReset?: Defined<MailRequestOptions>
  resetPassword?: Defined<ResetPasswordOptions>
  secondFactor?: Defined<Omit<SecondFactorOptions, 'recoveryCodeField' | 'requiredWhen'>> & {
    recoveryCodeField: string | null
    requiredWhen: { status: number; code?: string }
  }
  throttle: { retryAfter?: string }
}

/** A check on one setting: returns what is wrong with the value, or nothing. */
type Rule = (value: unknown) => string | undefined

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
const oneOf =
  (allowed: readonly string[]): Rule =>
  (value) =>
    allowed.includes(value as string) ? undefined : `must be one of ${allowed.map((item) => `"${item}"`).join(', ')}`
const path: Rule = (value) =>
  typeof value !== 'string' || !value.startsWith('/') ? 'must start with "/"' : /\s/.test(value) ? 'must not contain spaces' : undefined
const dotPath: Rule = (value) =>
  typeof value === 'string' && /^([\w$-]+(\.[\w$-]+)*)?$/.test(value)
    ? undefined
    : 'must be a dot path like "data.user" ("" for the top level)'
const field: Rule = (value) =>
  typeof value === 'string' && value !== '' && dotPath(value) === undefined
    ? undefined
    : 'must be a field name or a dot path like "data.token"'
const name: Rule = (value) => (typeof value === 'string' && value.trim() !== '' ? undefined : 'must be a non-empty field name')
const fields: Rule = (value) => (Array.isArray(value) && value.length > 0 ? value.map(field).find(Boolean) : field(value))
const positive: Rule = (value) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? undefined : 'must be a positive number'
const strings: Rule = (value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === 'string')
    ? undefined
    : 'must be an object of strings'
const endpoint = { method: oneOf(METHODS), path }
const nameOrOff: Rule = (value) => (value === null ? undefined : name(value))
const requiredWhen: Rule = (value) => {
  const { status, code, ...rest } = (typeof value === 'object' && value !== null ? value : { status: undefined }) as Record<string, unknown>
  return Number.isInteger(status) &&
    (status as number) >= 400 &&
    (status as number) < 500 &&
    (code === undefined || typeof code === 'string') &&
    Object.keys(rest).length === 0
    ? undefined
    : 'must be { "status": <a 4xx status>, "code"?: "<the error code>" }'
}
const EXPIRY_FORMATS = ['iso', 'epoch-seconds', 'epoch-ms', 'lifetime-seconds', 'lifetime-ms']

const RULES: Record<string, Record<string, Rule>> = {
  signIn: { ...endpoint, identifier: oneOf(['email', 'username']), identifierField: name, passwordField: name, extraFields: strings },
  refresh: { ...endpoint, send: oneOf(['body', 'bearer']), field: name, extraFields: strings },
  profile: { ...endpoint, envelope: dotPath },
  signOut: { ...endpoint, send: oneOf(['access', 'refresh', 'both']), field: name },
  tokens: {
    envelope: dotPath,
    accessToken: field,
    accessTokenExpiresAt: field,
    refreshToken: field,
    refreshTokenExpiresAt: field,
    expiryFormat: oneOf(EXPIRY_FORMATS),
    accessTokenTtlSeconds: positive,
    refreshTokenTtlSeconds: positive,
    user: field,
  },
  user: { id: field, name: fields, email: field, roles: fields },
  signUp: { ...endpoint, identifierField: name, passwordField: name, nameField: nameOrOff, fields: strings, extraFields: strings },
  verifyEmail: { ...endpoint, tokenField: name },
  resendVerification: { ...endpoint, identifierField: name, extraFields: strings },
  requestPasswordReset: { ...endpoint, identifierField: name, extraFields: strings },
  resetPassword: { ...endpoint, tokenField: name, passwordField: name },
  secondFactor: {
    ...endpoint,
    style: oneOf(['challenge', 'repeat']),
    requiredWhen,
    challengeToken: field,
    challengeTokenField: name,
    codeField: name,
    recoveryCodeField: nameOrOff,
    expiredCode: name,
  },
  throttle: { retryAfter: field },
}
const TOP_LEVEL: Record<string, Rule | undefined> = {
  baseUrl: undefined,
  timeoutMs: positive,
  maxCallMs: positive,
  fetch: undefined,
  now: undefined,
  bodyFormat: oneOf(['json', 'form']),
  // For editors (see RestAdapterConfig): a JSON config names its schema.
  $schema: (value) => (typeof value === 'string' ? undefined : 'must be the path or URL of a JSON Schema'),
  debug: (value) =>
    typeof value === 'boolean' || (typeof value === 'object' && value !== null && typeof (value as Console).debug === 'function')
      ? undefined
      : 'must be true, false or a logger with a debug method',
}
const CAN_BE_OFF = new Set(['refresh', 'signOut'])

/** Every problem in the options, as `[setting, problem]`, so that start-up names them all at once. */
function problemsIn(options: Record<string, unknown>): Array<[setting: string, problem: string]> {
  const problems: Array<[string, string]> = []
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || key === 'baseUrl') continue
    const section = RULES[key]
    if (!section) {
      const problem = Object.hasOwn(TOP_LEVEL, key)
        ? TOP_LEVEL[key]?.(value)
        : `is not a known setting (known: ${[...Object.keys(TOP_LEVEL), ...Object.keys(RULES)].join(', ')})`
      if (problem) problems.push([key, problem])
      continue
    }
    if (value === false && CAN_BE_OFF.has(key)) continue
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push([key, CAN_BE_OFF.has(key) ? 'must be an object or false' : 'must be an object'])
      continue
    }
    for (const [inner, setting] of Object.entries(value as Record<string, unknown>)) {
      if (setting === undefined) continue
      const rule = section[inner]
      const problem = rule ? rule(setting) : `is not a known setting (known: ${Object.keys(section).join(', ')})`
      if (problem) problems.push([`${key}.${inner}`, problem])
    }
  }
  return problems
}

/** One problem as one sentence; several as a list, each with its setting. */
function refuse(problems: Array<[setting: string, problem: string]>): never {
  const [first, ...more] = problems
  if (more.length === 0) throw new Error(`gatehouse: restAdapter option "${first![0]}" ${first![1]}.`)
  throw new Error(
    `gatehouse: restAdapter options have ${problems.length} problems:\n${problems.map(([setting, problem]) => `- "${setting}" ${problem}.`).join('\n')}`,
  )
}

const debugLine = (debug: RestAdapterOptions['debug']) => {
  if (!debug) return undefined
  const logger = debug === true ? console : debug
  return (line: string) => logger.debug(line)
}

const list = (value: string | string[]) => (Array.isArray(value) ? value : [value])

/**
 * Checks the options once, when the adapter is made, so that a typo stops the app at start-up
 * with the setting's name instead of failing at the first sign-in. Defaults are the seed contract.
 */
export function resolveRestOptions(options: RestAdapterOptions): ResolvedRestOptions {
  const problems = problemsIn(options as unknown as Record<string, unknown>)
  if (typeof options.baseUrl !== 'string' || !URL.canParse(options.baseUrl)) {
    problems.unshift(['baseUrl', `must be an absolute URL, got ${JSON.stringify(options.baseUrl)} (set AUTH_BACKEND_URL)`])
  }
  const identifier = options.signIn?.identifier ?? 'email'
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS
  const maxCallMs = options.maxCallMs ?? Math.max(DEFAULT_MAX_CALL_MS, timeoutMs)
  // Compared only when both are numbers at all.
  const durationsValid = !problems.some(([setting]) => setting === 'timeoutMs' || setting === 'maxCallMs')
  if (durationsValid && maxCallMs < timeoutMs) problems.push(['maxCallMs', `must be at least timeoutMs (${timeoutMs}), got ${maxCallMs}`])
  if (problems.length > 0) refuse(problems)
  const user: UserMapping = { id: 'id', name: 'name', email: 'email', roles: ['roles', 'role'], ...options.user }
  return {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    timeoutMs,
    maxCallMs,
    fetch: options.fetch,
    now: options.now ?? Date.now,
    bodyFormat: options.bodyFormat ?? 'json',
    debug: debugLine(options.debug),
    signIn: {
      method: 'POST',
      path: '/auth/login',
      identifier,
      identifierField: identifier,
      passwordField: 'password',
      extraFields: {},
      ...options.signIn,
    },
    refresh:
      options.refresh === false
        ? false
        : { method: 'POST', path: '/auth/refresh', send: 'body', field: 'refresh_token', extraFields: {}, ...options.refresh },
    profile: { method: 'GET', path: '/auth/profile', envelope: 'data', ...options.profile },
    signOut:
      options.signOut === false
        ? false
        : { method: 'POST', path: '/auth/logout', send: 'both', field: 'refresh_token', ...options.signOut },
    tokens: {
      envelope: 'data',
      accessToken: 'token',
      accessTokenExpiresAt: 'token_expires_at',
      refreshToken: 'refresh_token',
      refreshTokenExpiresAt: 'refresh_token_expires_at',
      expiryFormat: 'iso',
      refreshTokenTtlSeconds: 604_800,
      user: 'user',
      ...options.tokens,
    },
    user: { id: user.id!, name: list(user.name!), email: user.email!, roles: list(user.roles!) },
    ...accountFlows(options, options.signIn?.identifierField ?? identifier, options.signIn?.passwordField ?? 'password'),
    throttle: { ...options.throttle },
  }
}

/** The account flows the options name, with their defaults: the demo backend's paths and fields. */
function accountFlows(options: RestAdapterOptions, identifierField: string, passwordField: string) {
  const post = (path: string) => ({ method: 'POST' as const, path })
  const mailRequest = (path: string, given: MailRequestOptions | undefined) =>
    given && { ...post(path), identifierField, extraFields: {}, ...given }
  return {
    signUp: options.signUp && {
      ...post('/auth/register'),
      identifierField,
      passwordField,
      nameField: 'name' as string | null,
      fields: {},
      extraFields: {},
      ...options.signUp,
    },
    verifyEmail: options.verifyEmail && { ...post('/auth/verify-email'), tokenField: 'token', ...options.verifyEmail },
    resendVerification: mailRequest('/auth/verify-email/resend', options.resendVerification),
    requestPasswordReset: mailRequest('/auth/forgot-password', options.requestPasswordReset),
    resetPassword: options.resetPassword && {
      ...post('/auth/reset-password'),
      tokenField: 'token',
      passwordField,
      ...options.resetPassword,
    },
    secondFactor: options.secondFactor && {
      ...post('/auth/two-factor'),
      style: 'challenge' as const,
      requiredWhen: { status: 403, code: 'mfa_required' },
      challengeToken: 'mfa_token',
      challengeTokenField: 'mfa_token',
      codeField: 'code',
      recoveryCodeField: 'recovery_code' as string | null,
      expiredCode: 'invalid_mfa_token',
      ...options.secondFactor,
    },
  }
}
