import { HttpError, type FieldErrors } from './HttpError'
import { requireEmail } from './requireEmail'
import { requireString } from './requireString'

/**
 * Checks a login body for an email-shaped `email` and a non-empty `password`.
 * @throws HttpError 422 listing only the fields that failed.
 */
export function validateLoginBody(body: unknown): { email: string; password: string } {
  const errors: FieldErrors = {}
  const email = requireEmail(body, errors)
  const password = requireString(body, 'password', errors)
  if (email === undefined || password === undefined) throw HttpError.invalid(errors)
  return { email, password }
}
