import { HttpError, type FieldErrors } from './HttpError'
import { requireString } from './requireString'

/**
 * Checks an email confirmation body for a non-empty `token`.
 * @throws HttpError 422 with the message under `errors.token`.
 */
export function validateVerifyEmailBody(body: unknown): { token: string } {
  const errors: FieldErrors = {}
  const token = requireString(body, 'token', errors)
  if (token === undefined) throw HttpError.invalid(errors, 'errors')
  return { token }
}
