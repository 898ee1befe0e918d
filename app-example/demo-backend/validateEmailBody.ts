import { HttpError, type FieldErrors } from './HttpError'
import { requireEmail } from './requireEmail'

/**
 * Checks a body that names an account by its email (a new verification link, a password reset).
 * @throws HttpError 422 with the message under `errors.email`.
 */
export function validateEmailBody(body: unknown): { email: string } {
  const errors: FieldErrors = {}
  const email = requireEmail(body, errors)
  if (email === undefined) throw HttpError.invalid(errors, 'errors')
  return { email }
}
