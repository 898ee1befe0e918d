import type { FieldErrors } from './HttpError'
import { requireString } from './requireString'

const MIN_LENGTH = 8

/**
 * Returns `body.password` when it may become an account's password (a string of at least 8
 * characters); otherwise records a Laravel-style message under `errors.password` and returns undefined.
 *
 * @example
 * const errors: FieldErrors = {}
 * const password = requireNewPassword(body, errors)
 */
export function requireNewPassword(body: unknown, errors: FieldErrors): string | undefined {
  const password = requireString(body, 'password', errors)
  if (password === undefined || password.length >= MIN_LENGTH) return password
  errors.password = [`The password field must be at least ${MIN_LENGTH} characters.`]
  return undefined
}
