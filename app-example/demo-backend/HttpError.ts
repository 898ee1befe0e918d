/** Per-field validation messages, keyed by request field name. */
export type FieldErrors = Record<string, string[]>

/** Where a 422 answer puts its field messages: under `data` (the token routes' envelope) or `errors` (Laravel's own). */
export type FieldErrorsKey = 'data' | 'errors'

/** The JSON body of an error answer. */
export interface HttpErrorBody {
  message: string
  /** A machine code, Auth0's way (`invalid_code`), where the route gives one. */
  error?: string
  data?: FieldErrors
  errors?: FieldErrors
}

/** An error that maps directly onto an HTTP response, so handlers can bail out with `throw`. */
export class HttpError extends Error {
  readonly status: number
  readonly data: FieldErrors | undefined
  readonly headers: Record<string, string>
  readonly code: string | undefined
  readonly #fieldErrorsKey: FieldErrorsKey

  constructor(
    status: number,
    message: string,
    options: { data?: FieldErrors; fieldErrorsKey?: FieldErrorsKey; code?: string; headers?: Record<string, string> } = {},
  ) {
    super(message)
    this.name = 'HttpError'
    this.status = status
    this.data = options.data
    this.headers = options.headers ?? {}
    this.code = options.code
    this.#fieldErrorsKey = options.fieldErrorsKey ?? 'data'
  }

  /** The 422 answer Laravel-style backends give for failed validation, with the messages under `key`. */
  static invalid(errors: FieldErrors, key: FieldErrorsKey = 'data'): HttpError {
    return new HttpError(422, 'The given data was invalid.', { data: errors, fieldErrorsKey: key })
  }

  /** The JSON body to send: `{ message }`, plus `error` when there is a code and the field messages for validation errors. */
  get body(): HttpErrorBody {
    return {
      ...(this.code === undefined ? {} : { error: this.code }),
      message: this.message,
      ...(this.data === undefined ? {} : { [this.#fieldErrorsKey]: this.data }),
    }
  }
}
