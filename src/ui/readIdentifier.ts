import type { AccountIdentifier } from '../contract/types'

/**
 * The email or the username a form was sent with, as the flows take it.
 *
 * @example
 * resendVerification(readIdentifier(new FormData(form), 'email')) // { email: 'ada@example.com' }
 */
export function readIdentifier(form: FormData, identifier: 'email' | 'username'): AccountIdentifier {
  const value = String(form.get(identifier) ?? '')
  return identifier === 'username' ? { username: value } : { email: value }
}
