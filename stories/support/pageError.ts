import { ERROR_MESSAGES, type ErrorCode } from '../../src/contract/errorCatalogue'
import type { AuthError } from '../../src/contract/types'

/**
 * The `error` a page hands a form after a post sent without script, as `authErrorFromSearchParams`
 * builds it on the server from `?error=` (and `?retryAfter=`).
 *
 * @example
 * args: { error: pageError('rate_limited', 30) }
 */
export const pageError = (code: ErrorCode, retryAfterSeconds?: number): AuthError =>
  retryAfterSeconds ? { code, message: ERROR_MESSAGES[code], retryAfterSeconds } : { code, message: ERROR_MESSAGES[code] }
