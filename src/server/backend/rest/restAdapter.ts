import { invalidResponse, type BackendResponse } from '../backendFetch'
import { ERROR_MESSAGES } from '../../../contract/errorCatalogue'
import { GatehouseError, sessionExpired } from '../../GatehouseError'
import { backendRefusal, type RefusalReading } from './backendRefusal'
import { createBackendCaller } from './createBackendCaller'
import { readBackendError } from './readBackendError'
import { readPath } from './readPath'
import { readTokens } from './readTokens'
import { readUser } from './readUser'
import { resolveRestOptions } from './resolveRestOptions'
import type { RestAdapterOptions } from './RestAdapterOptions'
import type { BackendAdapter, BackendTokens, SecondFactorChallenge } from '../BackendAdapter'

function expectOk(response: BackendResponse, path: string): unknown {
  if (response.status >= 200 && response.status < 300) return response.body
  throw invalidResponse(`the backend answered ${response.status} at ${path}`)
}

const is4xx = (status: number) => status >= 400 && status < 500
const always = () => true

/** A refusal with this code and status, in the backend's words when it wrote some. */
const refusal =
  (status: number, code: 'invalid_credentials' | 'invalid_token' | 'invalid_code', fallback: string = ERROR_MESSAGES[code]) =>
  (message: string | undefined, detail: string) =>
    new GatehouseError(status, code, message ?? fallback, undefined, detail)

/**
 * The adapter for token APIs over REST, described by options instead of code: paths and
 * methods, field names, envelopes, expiry formats, user mapping. The defaults speak the seed
 * contract (`POST /auth/login` `{ email, password }` → `{ data: { token, token_expires_at,
 * refresh_token, refresh_token_expires_at, user } }`). The options are checked here, once: a
 * wrong one throws an `Error` naming it, so the app stops at start-up rather than at the first
 * sign-in. See the README, "Use your own backend", for the table and worked examples.
 *
 * @example
 * // An OAuth2 password-grant token endpoint
 * const backend = restAdapter({
 *   baseUrl: process.env.AUTH_BACKEND_URL!,
 *   bodyFormat: 'form',
 *   signIn: { path: '/oauth/token', identifier: 'username', extraFields: { grant_type: 'password' } },
 *   refresh: { path: '/oauth/token', extraFields: { grant_type: 'refresh_token' } },
 *   profile: { path: '/userinfo', envelope: '' },
 *   signOut: { path: '/oauth/revoke', send: 'refresh', field: 'token' },
 *   tokens: { envelope: '', accessToken: 'access_token', accessTokenExpiresAt: 'expires_in', expiryFormat: 'lifetime-seconds' },
 *   user: { id: 'sub' },
 * })
 */
export function restAdapter(input: RestAdapterOptions): BackendAdapter {
  const options = resolveRestOptions(input)
  const call = createBackendCaller(options)
  const { signIn, refresh, profile, signOut, signUp, verifyEmail, resendVerification, requestPasswordReset, resetPassword, secondFactor } =
    options
  const identifierName = signIn.identifier
  const signInReading: RefusalReading = {
    call: `the sign-in at ${signIn.path}`,
    formNames: { [signIn.identifierField]: identifierName, [signIn.passwordField]: 'password' },
    refusedWhen: (status, code) => status === 401 || status === 403 || (status === 400 && code === 'invalid_grant'),
    refused: refusal(401, 'invalid_credentials', `The ${identifierName} or password is incorrect.`),
  }
  /** A 2xx answer's tokens, or `null` when it carries none (a 204 included): the flow did not sign anyone in. */
  const tokensIn = (response: BackendResponse): BackendTokens | null => {
    const hasToken = typeof readPath(readPath(response.body, options.tokens.envelope), options.tokens.accessToken) === 'string'
    return hasToken ? readTokens(response.body, options, options.now()) : null
  }
  /** A flow's answer: tokens or none when the backend agreed (a redirect from a `GET` link call included), else its refusal. */
  const flowAnswer = (response: BackendResponse, reading: RefusalReading): BackendTokens | null => {
    if (response.status >= 200 && response.status < 400) return response.status < 300 ? tokensIn(response) : null
    const error = is4xx(response.status)
      ? backendRefusal(response, options, reading)
      : invalidResponse(`the backend answered ${response.status} to ${reading.call}`)
    if (error) throw error
    return null
  }
  const signInFields = (identifier: string, password: string) => ({
    ...signIn.extraFields,
    [signIn.identifierField]: identifier,
    [signIn.passwordField]: password,
  })
  const codeFields = (code: { code: string } | { recoveryCode: string }, codeField: string): Record<string, string> => {
    if ('code' in code) return { [codeField]: code.code }
    if (!secondFactor?.recoveryCodeField) {
      throw new GatehouseError(422, 'validation_failed', 'This site takes codes from an authenticator app only.', {
        recoveryCode: ['Recovery codes are not taken here.'],
      })
    }
    return { [secondFactor.recoveryCodeField]: code.recoveryCode }
  }
  const secondFactorReading = (path: string): RefusalReading => ({
    call: `the second factor at ${path}`,
    formNames: {},
    refusedWhen: always,
    refused: (message, detail, code) =>
      code === secondFactor?.expiredCode
        ? new GatehouseError(401, 'challenge_expired', ERROR_MESSAGES.challenge_expired, undefined, detail)
        : refusal(401, 'invalid_code')(message, detail),
  })

  return {
    identifier: signIn.identifier,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    maxCallMs: options.maxCallMs,
    async signIn({ identifier, password }, { clientAddress } = {}) {
      const response = await call(signIn, { fields: signInFields(identifier, password), clientAddress })
      const asked = secondFactor?.requiredWhen
      if (asked && response.status === asked.status && (asked.code === undefined || readBackendError(response.body).code === asked.code)) {
        if (secondFactor.style === 'repeat') return { secondFactor: { credentials: { identifier, password } } }
        const challengeToken = readPath(response.body, secondFactor.challengeToken)
        if (typeof challengeToken !== 'string' || challengeToken === '')
          throw invalidResponse(`the second-factor answer at ${signIn.path} has no challenge token at "${secondFactor.challengeToken}"`)
        return { secondFactor: { challengeToken } }
      }
      if (is4xx(response.status)) throw backendRefusal(response, options, signInReading)
      return readTokens(expectOk(response, signIn.path), options, options.now())
    },
    async refresh(refreshToken, { clientAddress } = {}) {
      if (refresh === false) throw sessionExpired()
      const sent =
        refresh.send === 'bearer'
          ? { bearer: refreshToken, fields: refresh.extraFields }
          : { fields: { ...refresh.extraFields, [refresh.field]: refreshToken } }
      const response = await call(refresh, { ...sent, clientAddress })
      if (response.status === 400 || response.status === 401 || response.status === 403) throw sessionExpired()
      return readTokens(expectOk(response, refresh.path), options, options.now())
    },
    async profile(accessToken) {
      const response = await call(profile, { bearer: accessToken })
      if (response.status === 401) throw sessionExpired()
      return readUser(readPath(expectOk(response, profile.path), profile.envelope), options.user)
    },
    async signOut({ accessToken, refreshToken }) {
      if (signOut === false) return
      const bearer = signOut.send === 'refresh' ? undefined : accessToken
      const token = signOut.send === 'access' ? undefined : refreshToken
      if (!bearer && !token) return
      expectOk(await call(signOut, { bearer, fields: token ? { [signOut.field]: token } : undefined }), signOut.path)
    },
    ...(signUp && {
      async signUp({ identifier, password, name, fields }, { clientAddress } = {}) {
        const extra = Object.entries(signUp.fields).flatMap(([formName, bodyField]) =>
          fields[formName] === undefined ? [] : [[bodyField, fields[formName]] as const],
        )
        const body = {
          ...signUp.extraFields,
          ...Object.fromEntries(extra),
          ...(signUp.nameField && name !== undefined ? { [signUp.nameField]: name } : {}),
          [signUp.identifierField]: identifier,
          [signUp.passwordField]: password,
        }
        const formNames = {
          ...Object.fromEntries(Object.entries(signUp.fields).map(([formName, bodyField]) => [bodyField, formName])),
          ...(signUp.nameField ? { [signUp.nameField]: 'name' } : {}),
          [signUp.identifierField]: identifierName,
          [signUp.passwordField]: 'password',
        }
        return flowAnswer(await call(signUp, { fields: body, clientAddress }), {
          call: `the sign-up at ${signUp.path}`,
          formNames,
          // A conflict is the identifier being taken, whatever field the backend names.
          refusedWhen: (status) => status === 409,
          refused: (message, detail) =>
            new GatehouseError(
              422,
              'validation_failed',
              message ?? ERROR_MESSAGES.validation_failed,
              {
                [identifierName]: [message ?? `An account with this ${identifierName} already exists.`],
              },
              detail,
            ),
        })
      },
    }),
    ...(verifyEmail && {
      async verifyEmail(token, { clientAddress } = {}) {
        return flowAnswer(await call(verifyEmail, { fields: { [verifyEmail.tokenField]: token }, clientAddress }), {
          call: `the email verification at ${verifyEmail.path}`,
          formNames: { [verifyEmail.tokenField]: 'token' },
          refusedWhen: always,
          refused: refusal(400, 'invalid_token'),
        })
      },
    }),
    ...(resendVerification && {
      async resendVerification(identifier, { clientAddress } = {}) {
        const fields = { ...resendVerification.extraFields, [resendVerification.identifierField]: identifier }
        flowAnswer(await call(resendVerification, { fields, clientAddress }), mailRequestReading(resendVerification, identifierName))
      },
    }),
    ...(requestPasswordReset && {
      async requestPasswordReset(identifier, { clientAddress } = {}) {
        const fields = { ...requestPasswordReset.extraFields, [requestPasswordReset.identifierField]: identifier }
        flowAnswer(await call(requestPasswordReset, { fields, clientAddress }), mailRequestReading(requestPasswordReset, identifierName))
      },
    }),
    ...(resetPassword && {
      async resetPassword({ token, password }, { clientAddress } = {}) {
        const fields = { [resetPassword.tokenField]: token, [resetPassword.passwordField]: password }
        return flowAnswer(await call(resetPassword, { fields, clientAddress }), {
          call: `the password reset at ${resetPassword.path}`,
          formNames: { [resetPassword.tokenField]: 'token', [resetPassword.passwordField]: 'password' },
          refusedWhen: always,
          refused: refusal(400, 'invalid_token'),
        })
      },
    }),
    ...(secondFactor && {
      async verifySecondFactor(challenge: SecondFactorChallenge, code, { clientAddress } = {}) {
        if (secondFactor.style === 'repeat') {
          if (!challenge.credentials) throw new GatehouseError(401, 'challenge_expired')
          const { identifier, password } = challenge.credentials
          const fields = { ...signInFields(identifier, password), ...codeFields(code, secondFactor.codeField) }
          const response = await call(signIn, { fields, clientAddress })
          const tokens = flowAnswer(response, secondFactorReading(signIn.path))
          if (!tokens) throw invalidResponse(`the sign-in with a second factor at ${signIn.path} answered no tokens`)
          return tokens
        }
        if (!challenge.challengeToken) throw new GatehouseError(401, 'challenge_expired')
        const fields = { [secondFactor.challengeTokenField]: challenge.challengeToken, ...codeFields(code, secondFactor.codeField) }
        const tokens = flowAnswer(await call(secondFactor, { fields, clientAddress }), secondFactorReading(secondFactor.path))
        if (!tokens) throw invalidResponse(`the second factor at ${secondFactor.path} answered no tokens`)
        return tokens
      },
    }),
  }
}

/** A request to mail a link: whatever the backend says of the account (unknown, already confirmed), the person is told the same. */
const mailRequestReading = (endpoint: { path: string; identifierField: string }, identifierName: string): RefusalReading => ({
  call: `the mail request at ${endpoint.path}`,
  formNames: { [endpoint.identifierField]: identifierName },
  refusedWhen: always,
  refused: () => null,
})
