import type { BackendTokens } from '../server/backend/BackendAdapter'
import { restAdapter } from '../server/backend/rest/restAdapter'
import type { RestAdapterConfig } from '../server/backend/rest/RestAdapterOptions'
import { resolveRestOptions, type ResolvedRestOptions } from '../server/backend/rest/resolveRestOptions'
import { GatehouseError } from '../server/GatehouseError'

/** One step of `gatehouse check`: whether it worked, how long it took, what it found. */
export interface CheckStep {
  step: 'config' | 'sign-in' | 'profile' | 'refresh' | 'reuse' | 'sign-out'
  ok: boolean
  ms: number
  /** What the step found, tokens redacted. */
  says: string
  /** On a mismatch: the setting to change, and what the backend answered instead. */
  hint?: string
}

export interface CheckReport {
  /** Sign-in, refresh and sign-out worked (those the config switches off count as working). */
  ok: boolean
  steps: CheckStep[]
}

export interface CheckOptions {
  url: string
  config: RestAdapterConfig
  identifier: string
  password: string
  /** For tests: the backend's `fetch`. */
  fetch?: typeof fetch
}

const redacted = (token: string) => `[${token.length} characters]`

/** The fields of an answer, two levels deep, without any value: what a mismatch hint names. */
function fieldsOf(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'no JSON object'
  return Object.entries(body)
    .map(([key, value]) =>
      typeof value === 'object' && value !== null && !Array.isArray(value) ? `${key}: {${Object.keys(value).join(', ')}}` : key,
    )
    .join(', ')
}

/** The setting a backend failure points at, from the reason the adapter gave. */
function hintFor(error: GatehouseError, step: CheckStep['step'], answered: unknown): string | undefined {
  const detail = error.detail ?? ''
  const has = `the answer has ${fieldsOf(answered)}`
  const at = (pattern: RegExp) => pattern.exec(detail)?.[1]
  const token = at(/no access token at "([^"]*)"/)
  if (token !== undefined) return `tokens.accessToken (and tokens.envelope): nothing at "${token}"; ${has}`
  const expiry = at(/no expiry at "([^"]*)"/)
  if (expiry !== undefined) return `tokens.accessTokenExpiresAt: nothing at "${expiry}"; ${has}`
  const format = at(/"([^"]*)" is not a time/)
  if (format !== undefined) return `tokens.expiryFormat: "${format}" is not in that format; ${has}`
  const id = at(/no user with an id at "([^"]*)"/)
  if (id !== undefined) return `user.id (and ${step === 'profile' ? 'profile.envelope' : 'tokens.user'}): nothing at "${id}"; ${has}`
  const status = at(/answered (\d+) at /)
  const setting = { 'sign-in': 'signIn', profile: 'profile', refresh: 'refresh', reuse: 'refresh', 'sign-out': 'signOut', config: '' }[step]
  if (status === '404' || status === '405') return `${setting}.path or ${setting}.method: the backend answered ${status}`
  if (error.code === 'invalid_credentials')
    return 'GATEHOUSE_CHECK_IDENTIFIER and GATEHOUSE_CHECK_PASSWORD, or signIn.identifier, signIn.identifierField, signIn.passwordField'
  if (error.code === 'backend_unavailable' || error.code === 'backend_timeout') return '--url: nothing answers there in time'
  return detail ? `${detail}; ${has}` : undefined
}

const tokenFields = ({ tokens }: ResolvedRestOptions) => {
  const at = (field: string) => (tokens.envelope ? `${tokens.envelope}.${field}` : field)
  return `read ${at(tokens.accessToken)}, ${at(tokens.accessTokenExpiresAt)} (${tokens.expiryFormat}), ${at(tokens.refreshToken)}`
}
const describeTokens = (tokens: BackendTokens) =>
  `access token ${redacted(tokens.accessToken)}, expires in ${Math.round((tokens.accessTokenExpiresAt - Date.now()) / 1000)} s; ${
    tokens.refreshToken ? `refresh token ${redacted(tokens.refreshToken)}` : 'no refresh token'
  }`

/**
 * Runs a live backend through what gatehouse will do with it: sign-in, profile, refresh, the
 * old refresh token once more (is it rotated, echoed or omitted; is its reuse refused?), and
 * sign-out. Each step says what it found, tokens redacted; a failed step names the setting to
 * change and the fields the backend answered with instead.
 *
 * @example
 * const report = await checkBackend({ url: 'http://127.0.0.1:4000', config: {}, identifier, password })
 * report.ok // true when sign-in, refresh and sign-out work
 */
export async function checkBackend({ url, config, identifier, password, fetch: backendFetch = fetch }: CheckOptions): Promise<CheckReport> {
  const steps: CheckStep[] = []
  let answered: unknown
  // Kept to name what the backend sent when a step fails; only field names are ever shown.
  const recording: typeof fetch = async (input, init) => {
    const response = await backendFetch(input, init)
    answered = await response
      .clone()
      .json()
      .catch(() => undefined)
    return response
  }
  const { $schema: _schema, ...shape } = config
  const run = async <T>(step: CheckStep['step'], work: () => Promise<{ value: T; says: string }>): Promise<T | undefined> => {
    const startedAt = Date.now()
    answered = undefined
    try {
      const { value, says } = await work()
      steps.push({ step, ok: true, ms: Date.now() - startedAt, says })
      return value
    } catch (error) {
      const failure = error instanceof GatehouseError ? error : undefined
      const says = failure ? `${failure.code} (${failure.status})${failure.detail ? `: ${failure.detail}` : ''}` : (error as Error).message
      const hint = failure && hintFor(failure, step, answered)
      steps.push({ step, ok: false, ms: Date.now() - startedAt, says, ...(hint ? { hint } : {}) })
      return undefined
    }
  }
  const report = (): CheckReport => ({
    ok: (['sign-in', 'refresh', 'sign-out'] as const).every((name) => steps.find((step) => step.step === name)?.ok ?? false),
    steps,
  })

  const options = await run('config', async () => ({
    value: resolveRestOptions({ ...shape, baseUrl: url }),
    says: `restAdapter takes it, against ${url}`,
  }))
  if (!options) return report()
  const adapter = restAdapter({ ...shape, baseUrl: url, fetch: recording })
  const signedIn = await run('sign-in', async () => {
    const answer = await adapter.signIn({ identifier, password })
    // Checked with the tokens of a plain sign-in; the second step needs a person's code.
    if ('secondFactor' in answer) throw new Error('this account asks for a second factor: check with an account that has none')
    const tokens = answer
    return { value: tokens, says: `${options.signIn.method} ${options.signIn.path}: ${describeTokens(tokens)}; ${tokenFields(options)}` }
  })
  if (!signedIn) return report()
  await run('profile', async () => {
    const user = signedIn.user ?? (await adapter.profile(signedIn.accessToken))
    const from = signedIn.user ? 'with the tokens' : `${options.profile.method} ${options.profile.path}`
    return { value: user, says: `the user (${from}): ${JSON.stringify(user)}` }
  })
  let current = signedIn
  let refusedReuse = false
  if (options.refresh === false || !signedIn.refreshToken) {
    steps.push({ step: 'refresh', ok: true, ms: 0, says: 'not tried: no refresh token (the session ends with the access token)' })
  } else {
    const first = signedIn.refreshToken
    const refreshed = await run('refresh', async () => {
      const tokens = await adapter.refresh(first)
      const kind = !tokens.refreshToken
        ? 'omitted: the old one is kept'
        : tokens.refreshToken === first
          ? 'echoed: the same one back'
          : 'rotated: a new one'
      return { value: tokens, says: `${describeTokens(tokens)}; the refresh token was ${kind}` }
    })
    if (refreshed) {
      current = { ...refreshed, refreshToken: refreshed.refreshToken ?? first }
      if (refreshed.refreshToken && refreshed.refreshToken !== first) {
        await run('reuse', async () => {
          const again = await adapter.refresh(first).then(
            () => 'accepted: the old refresh token still works (a reuse window, or no reuse check)',
            (error: unknown) => {
              if (!(error instanceof GatehouseError && error.code === 'session_expired')) throw error
              refusedReuse = true
              return 'refused: the backend detects a replayed refresh token'
            },
          )
          return { value: again, says: `the old refresh token once more: ${again}` }
        })
      }
    }
  }
  const { signOut } = options
  if (signOut === false) {
    steps.push({ step: 'sign-out', ok: true, ms: 0, says: 'not tried: signOut is off (only the cookies are cleared)' })
  } else {
    await run('sign-out', async () => {
      try {
        await adapter.signOut({ accessToken: current.accessToken, refreshToken: current.refreshToken })
        return { value: true, says: `${signOut.method} ${signOut.path}: signed out` }
      } catch (error) {
        // A backend that revokes the whole family on reuse has ended the session already.
        if (refusedReuse && error instanceof GatehouseError && /answered 401/.test(error.detail ?? ''))
          return { value: true, says: 'nothing left to sign out: the reuse above ended the session (401)' }
        throw error
      }
    })
  }
  return report()
}

/** The report as a person reads it: a line per step, and under a failed one, aligned with what it says, the hint. */
export function formatReport({ ok, steps }: CheckReport): string {
  const line = (mark: string, step: string, time: string, text: string) =>
    `${mark.padEnd(4)}  ${step.padEnd(8)} ${time.padStart(8)}  ${text}`
  const lines = steps.flatMap(({ step, ok: worked, ms, says, hint }) => [
    line(worked ? 'ok' : 'FAIL', step, `${ms} ms`, says),
    ...(hint ? [line('', '', '', `change: ${hint}`)] : []),
  ])
  return [...lines, '', ok ? 'Sign-in, refresh and sign-out work.' : 'Not ready: see the steps marked FAIL.'].join('\n')
}
