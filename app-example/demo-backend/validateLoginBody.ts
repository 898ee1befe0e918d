import { HttpError, type FieldErrors } from './HttpError'
import { requireString } from './requireString'

// Deliberately loose: the point is to reject obvious typos the way the real backend does, not to implement RFC 5322.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Checks a login body for an email-shaped `email` and a non-empty `password`.
 * @throws HttpError 422 listing only the fields that failed.
 */
export function validateLoginBody(body: unknown): { email: string; password: string } {
  const errors: FieldErrors = {}
  const email = requireString(body, 'email', errors)
  if (email !== undefined && !EMAIL_SHAPE.test(email)) {
    errors.email = ['The email field must be a valid email address.']
  }
  const password = requireString(body, 'password', errors)
  if (email === undefined || password === undefined || Object.keys(errors).length > 0) throw HttpError.invalid(errors)
  return { email, password }
}
