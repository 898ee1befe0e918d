import { ERROR_MESSAGES, isErrorCode } from '../contract/errorCatalogue'

/**
 * A sentence a person understands for an error code, for places that only have the code (a
 * `?error=` left by a form that was submitted before the page's script ran).
 *
 * @example
 * describeError('invalid_credentials') // 'The email or password is incorrect.'
 */
export function describeError(code: string): string {
  return isErrorCode(code) ? ERROR_MESSAGES[code] : ERROR_MESSAGES.internal_error
}
