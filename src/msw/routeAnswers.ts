import { HttpResponse, type JsonBodyType } from 'msw'
import { ANSWER_HEADER } from '../contract/answerHeader'
import { ERROR_MESSAGES, type ErrorCode } from '../contract/errorCatalogue'
import type { AccountOutcome, User } from '../contract/types'
import { mockAdmin, mockPasswords, mockSecondFactor, mockUser } from './mockUsers'

/** How long the mocked access token lasts unless a scenario says otherwise: 15 minutes. */
export const DEFAULT_SESSION_MS = 15 * 60_000

/** A gatehouse route's answer: JSON, marked as the routes mark theirs. */
export const routeAnswer = (body: JsonBodyType, status = 200) => HttpResponse.json(body, { status, headers: { [ANSWER_HEADER]: '1' } })

/** The body every gatehouse route answers with on success; the expiry counts from now. */
export const sessionAnswer = (user: User, expiresInMs = DEFAULT_SESSION_MS, { refreshable = true } = {}) =>
  routeAnswer({ user, expiresAt: new Date(Date.now() + expiresInMs).toISOString(), ...(refreshable ? {} : { refreshable: false }) })

export const signedOutAnswer = () => routeAnswer({ user: null })

/** An account flow's answer when it signs nobody in: `{ user: null, outcome }`. */
export const outcomeAnswer = (outcome: AccountOutcome) => routeAnswer({ user: null, outcome })

/** gatehouse's one error shape, `{ error: { code, message, fields? } }`. */
export const errorAnswer = (status: number, code: ErrorCode, message: string = ERROR_MESSAGES[code], fields?: Record<string, string[]>) =>
  routeAnswer({ error: { code, message, ...(fields ? { fields } : {}) } }, status)

export const wrongPasswordAnswer = () => errorAnswer(401, 'invalid_credentials', 'These credentials do not match our records.')

export const validationAnswer = (fields: Record<string, string[]>) =>
  errorAnswer(422, 'validation_failed', 'The given data was invalid.', fields)

export const backendDownAnswer = () => errorAnswer(502, 'backend_unavailable')

export const sessionExpiredAnswer = () => errorAnswer(401, 'session_expired')

/** How long the throttled scenarios tell the person to wait. */
export const RETRY_AFTER_SECONDS = 30

/** 429 `rate_limited`, with `retryAfterSeconds` in the body and `Retry-After` in the headers, as the routes answer it. */
export const rateLimitedAnswer = () => {
  const response = routeAnswer(
    { error: { code: 'rate_limited', message: ERROR_MESSAGES.rate_limited, retryAfterSeconds: RETRY_AFTER_SECONDS } },
    429,
  )
  response.headers.set('retry-after', String(RETRY_AFTER_SECONDS))
  return response
}

/** 401 `second_factor_required`: the password was right, and the account asks for its code. */
export const secondFactorRequiredAnswer = () => errorAnswer(401, 'second_factor_required')

/**
 * The second-factor route as the `secondFactor` scenario answers it: `mockSecondFactor`'s code or
 * recovery code signs in as `mockUser`, anything else is a 401 `invalid_code`.
 */
export async function checkSecondFactor(request: Request): Promise<Response> {
  const body = (await request.json().catch(() => ({}))) as { code?: unknown; recoveryCode?: unknown }
  const right = body.code === mockSecondFactor.code || body.recoveryCode === mockSecondFactor.recoveryCode
  return right ? sessionAnswer(mockUser) : errorAnswer(401, 'invalid_code')
}

/** The `secondFactor` scenario's sign-in: the demo accounts' right passwords ask for the second factor; anything else as `checkCredentials`. */
export async function checkCredentialsAskingSecondFactor(request: Request): Promise<Response> {
  const response = await checkCredentials(request)
  return response.ok ? secondFactorRequiredAnswer() : response
}

/** A sign-up that signs in at once, as the person who signed up (`email` or `username`, and `name`, from the body). */
export async function signUpSession(request: Request): Promise<Response> {
  const { email, username, name } = (await request.json().catch(() => ({}))) as { email?: string; username?: string; name?: string }
  return sessionAnswer({ id: 'signed-up', email, name: name ?? username ?? email, roles: ['user'] })
}

/**
 * The sign-in route as the demo backend answers it: the two demo accounts sign in (by email, or by the email's local part as a username), a malformed
 * email or an empty field is a 422, anything else a 401. Accepts JSON with `email` or `username`.
 */
export async function checkCredentials(request: Request) {
  const body = (await request.json().catch(() => ({}))) as { email?: string; username?: string; password?: string }
  const identifier = String(body.email ?? body.username ?? '')
  const password = String(body.password ?? '')
  const fields: Record<string, string[]> = {}
  if (!identifier) fields[body.username === undefined ? 'email' : 'username'] = ['This field is required.']
  else if (body.email !== undefined && !identifier.includes('@')) fields.email = ['The email field must be a valid email address.']
  if (!password) fields.password = ['The password field is required.']
  if (Object.keys(fields).length > 0) return validationAnswer(fields)
  // A username is the email's local part: `demo`, `admin`.
  const user = [mockUser, mockAdmin].find((candidate) => [candidate.email, candidate.email!.split('@')[0]].includes(identifier))
  if (!user || mockPasswords[user.email!] !== password) return wrongPasswordAnswer()
  return sessionAnswer(user)
}
