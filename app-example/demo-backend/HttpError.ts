/** Per-field validation messages, keyed by request field name. */
export type FieldErrors = Record<string, string[]>

/** An error that maps directly onto an HTTP response, so handlers can bail out with `throw`. */
export class HttpError extends Error {
  readonly status: number
  readonly data: FieldErrors | undefined
  readonly headers: Record<string, string>

  constructor(status: number, message: string, options: { data?: FieldErrors; headers?: Record<string, string> } = {}) {
    super(message)
    this.name = 'HttpError'
    this.status = status
    this.data = options.data
    this.headers = options.headers ?? {}
  }

  /** The 422 answer Laravel-style backends give for failed validation. */
  static invalid(errors: FieldErrors): HttpError {
    return new HttpError(422, 'The given data was invalid.', { data: errors })
  }

  /** The JSON body to send: `{ message }`, plus `data` for validation errors. */
  get body(): { message: string; data?: FieldErrors } {
    return this.data === undefined ? { message: this.message } : { message: this.message, data: this.data }
  }
}
