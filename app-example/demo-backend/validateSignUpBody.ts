import { HttpError, type FieldErrors } from './HttpError'
import { requireEmail } from './requireEmail'
import { requireNewPassword } from './requireNewPassword'
import { requireString } from './requireString'

const MAX_NAME_LENGTH = 100

/**
 * Checks a sign-up body: `name` (trimmed, at most 100 characters), an email-shaped `email` for which
 * `isTaken` is false, and a `password` of at least 8 characters.
 * @throws HttpError 422 with the messages under `errors`, listing only the fields that failed.
 */
export function validateSignUpBody(body: unknown, isTaken: (email: string) => boolean): { name: string; email: string; password: string } {
  const errors: FieldErrors = {}
  const raw = requireString(body, 'name', errors)
  const name = raw?.trim()
  if (raw !== undefined && name === '') errors.name = ['The name field is required.']
  else if (name !== undefined && name.length > MAX_NAME_LENGTH) {
    errors.name = [`The name field must not be greater than ${MAX_NAME_LENGTH} characters.`]
  }
  const email = requireEmail(body, errors)
  if (email !== undefined && isTaken(email)) errors.email = ['The email has already been taken.']
  const password = requireNewPassword(body, errors)
  if (name === undefined || email === undefined || password === undefined || Object.keys(errors).length > 0) {
    throw HttpError.invalid(errors, 'errors')
  }
  return { name, email, password }
}
