const MESSAGES: Record<string, string> = {
  invalid_credentials: 'The email or password is incorrect.',
  validation_failed: 'Check the email and password and try again.',
  session_expired: 'Your session has ended. Please sign in again.',
  csrf_rejected: 'This sign-in did not come from this site and was refused.',
  backend_unavailable: 'The sign-in service cannot be reached right now. Please try again shortly.',
  backend_timeout: 'The sign-in service took too long to answer. Please try again.',
  backend_invalid_response: 'The sign-in service sent an unexpected answer. Please try again later.',
  network_error: 'The server could not be reached. Check your connection.',
}

/**
 * A sentence a person understands for an error code, for places that only have the code (a
 * `?error=` left by a form that was submitted before the page's script ran).
 *
 * @example
 * describeError('invalid_credentials') // 'The email or password is incorrect.'
 */
export function describeError(code: string): string {
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code]! : 'Something went wrong. Please try again.'
}
