import { HttpError, type FieldErrors } from './HttpError'
import { requireNewPassword } from './requireNewPassword'
import { requireString } from './requireString'

/**
 * Checks a password reset body for a non-empty `token` and a `password` of at least 8 characters.
 * @throws HttpError 422 with the messages under `errors`, listing only the fields that failed.
 */
export function validateResetPasswordBody(body: unknown): { token: string; password: string } {
  const errors: FieldErrors = {}
  const token = requireString(body, 'token', errors)
  const password = requireNewPassword(body, errors)
  if (token === undefined || password === undefined) throw HttpError.invalid(errors, 'errors')
  return { token, password }
}
