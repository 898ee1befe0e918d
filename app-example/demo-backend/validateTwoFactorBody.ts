import { HttpError, type FieldErrors } from './HttpError'
import { requireString } from './requireString'

/** A second step of a sign-in: the `mfa_token` from /auth/login and either a TOTP code or a recovery code. */
export type TwoFactorBody = { mfa_token: string } & ({ code: string } | { recovery_code: string })

/**
 * Checks a second-factor body for a non-empty `mfa_token` and a `code` or, instead, a `recovery_code`.
 * @throws HttpError 422 with the messages under `errors`, listing only the fields that failed.
 */
export function validateTwoFactorBody(body: unknown): TwoFactorBody {
  const errors: FieldErrors = {}
  const mfaToken = requireString(body, 'mfa_token', errors)
  const usesRecoveryCode = typeof body === 'object' && body !== null && 'recovery_code' in body
  const code = requireString(body, usesRecoveryCode ? 'recovery_code' : 'code', errors)
  if (mfaToken === undefined || code === undefined) throw HttpError.invalid(errors, 'errors')
  return usesRecoveryCode ? { mfa_token: mfaToken, recovery_code: code } : { mfa_token: mfaToken, code }
}
