import { ERROR_MESSAGES, type ErrorCode } from '../contract/errorCatalogue'
import type { AuthError } from '../contract/types'

/**
 * A failure with a status and a stable code from the catalogue, answered to the browser in the
 * shared error shape; the message defaults to the catalogue's. `detail` is for the server's log
 * only (the backend's status and path, say): `toBody` never includes it, and it is not enumerable,
 * so no serializer of the error finds it either. Anything else thrown inside a route becomes a
 * generic 500 without details.
 *
 * @example
 * throw new GatehouseError(422, 'validation_failed', 'Check the highlighted fields.', { email: ['Required.'] })
 * throw GatehouseError.withDetail(502, 'backend_invalid_response', 'it answered 500 at /auth/login')
 */
export class GatehouseError extends Error {
  /** What went wrong, for the server's log only: not enumerable, and never in `toBody`. */
  declare readonly detail?: string
  /** After a 429 `rate_limited`: the seconds to wait, when the backend said; the answer carries it in its body and `Retry-After`. */
  declare retryAfterSeconds?: number

  constructor(
    /** The HTTP status the browser is answered with. */
    readonly status: number,
    /** The catalogue's code, which the browser branches on. */
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    /** After a 422 `validation_failed`: the messages for each form field, by the field's name. */
    readonly fields?: Record<string, string[]>,
    detail?: string,
  ) {
    super(message)
    this.name = 'GatehouseError'
    if (detail !== undefined) Object.defineProperty(this, 'detail', { value: detail, enumerable: false })
  }

  /** The catalogue's sentence for the browser, `detail` for the log. */
  static withDetail(status: number, code: ErrorCode, detail: string): GatehouseError {
    return new GatehouseError(status, code, ERROR_MESSAGES[code], undefined, detail)
  }

  /** The answer's body, in the shape every gatehouse route answers with; never `detail`. */
  toBody(): { error: AuthError } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: this.retryAfterSeconds }),
      },
    }
  }
}

/** The backend throttles these attempts: 429 `rate_limited`, in its own words when it gave some, with how long to wait when it said. */
export function rateLimited(message: string | undefined, retryAfterSeconds: number | undefined, detail?: string): GatehouseError {
  const error = new GatehouseError(429, 'rate_limited', message ?? ERROR_MESSAGES.rate_limited, undefined, detail)
  if (retryAfterSeconds !== undefined) error.retryAfterSeconds = retryAfterSeconds
  return error
}

/** The backend no longer accepts the session's tokens: the person must sign in again. */
export const sessionExpired = () => new GatehouseError(401, 'session_expired')

/** An unsafe request without proof that this site sent it. */
export const csrfRejected = () => new GatehouseError(403, 'csrf_rejected')

/** A request body over its limit. */
export const payloadTooLarge = (maxBytes: number) =>
  new GatehouseError(413, 'payload_too_large', `The request body must be at most ${maxBytes} bytes.`)

/** Anything unexpected, answered without details (the server's log says what). */
export const internalError = () => new GatehouseError(500, 'internal_error')

/** The server cannot serve sessions as configured (no secret, say); the operator's log says why. */
export const misconfigured = () => new GatehouseError(500, 'server_misconfigured')
