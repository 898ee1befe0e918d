import { HttpResponse, type JsonBodyType } from 'msw'
import { ANSWER_HEADER } from '../contract/answerHeader'
import { ERROR_MESSAGES, type ErrorCode } from '../contract/errorCatalogue'
import type { User } from '../contract/types'
import { mockAdmin, mockPasswords, mockUser } from './mockUsers'

/** How long the mocked access token lasts unless a scenario says otherwise: 15 minutes. */
export const DEFAULT_SESSION_MS = 15 * 60_000

/** A gatehouse route's answer: JSON, marked as the routes mark theirs. */
export const routeAnswer = (body: JsonBodyType, status = 200) => HttpResponse.json(body, { status, headers: { [ANSWER_HEADER]: '1' } })

/** The body every gatehouse route answers with on success; the expiry counts from now. */
export const sessionAnswer = (user: User, expiresInMs = DEFAULT_SESSION_MS, { refreshable = true } = {}) =>
  routeAnswer({ user, expiresAt: new Date(Date.now() + expiresInMs).toISOString(), ...(refreshable ? {} : { refreshable: false }) })

export const signedOutAnswer = () => routeAnswer({ user: null })

/** gatehouse's one error shape, `{ error: { code, message, fields? } }`. */
export const errorAnswer = (status: number, code: ErrorCode, message: string = ERROR_MESSAGES[code], fields?: Record<string, string[]>) =>
  routeAnswer({ error: { code, message, ...(fields ? { fields } : {}) } }, status)

export const wrongPasswordAnswer = () => errorAnswer(401, 'invalid_credentials', 'These credentials do not match our records.')

export const validationAnswer = (fields: Record<string, string[]>) =>
  errorAnswer(422, 'validation_failed', 'The given data was invalid.', fields)

export const backendDownAnswer = () => errorAnswer(502, 'backend_unavailable')

export const sessionExpiredAnswer = () => errorAnswer(401, 'session_expired')

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
