import type { AuthError } from '../core/types'

/**
 * A failure with a status and a stable code, answered to the browser in the shared error shape.
 * Anything else thrown inside a route becomes a generic 500 without details.
 *
 * @example
 * throw new GatehouseError(422, 'validation_failed', 'Check the highlighted fields.', { email: ['Required.'] })
 */
export class GatehouseError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message)
    this.name = 'GatehouseError'
  }

  toBody(): { error: AuthError } {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } }
  }
}
