import type { FieldErrors } from './HttpError'
import { requireString } from './requireString'

// Deliberately loose: the point is to reject obvious typos the way the real backend does, not to implement RFC 5322.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Returns `body.email` when it is an email-shaped string; otherwise records a Laravel-style message
 * under `errors.email` and returns undefined.
 *
 * @example
 * const errors: FieldErrors = {}
 * const email = requireEmail(body, errors)
 */
export function requireEmail(body: unknown, errors: FieldErrors): string | undefined {
  const email = requireString(body, 'email', errors)
  if (email === undefined || EMAIL_SHAPE.test(email)) return email
  errors.email = ['The email field must be a valid email address.']
  return undefined
}
