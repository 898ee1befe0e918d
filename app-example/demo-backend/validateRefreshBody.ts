import { HttpError, type FieldErrors } from './HttpError'
import { requireString } from './requireString'

/**
 * Checks a refresh body for a non-empty `refresh_token`.
 * @throws HttpError 422 when it is missing.
 */
export function validateRefreshBody(body: unknown): { refresh_token: string } {
  const errors: FieldErrors = {}
  const refreshToken = requireString(body, 'refresh_token', errors)
  if (refreshToken === undefined) throw HttpError.invalid(errors)
  return { refresh_token: refreshToken }
}
