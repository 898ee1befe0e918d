import { invalidResponse, type BackendResponse } from '../backendFetch'
import { GatehouseError, rateLimited } from '../../GatehouseError'
import { readBackendError } from './readBackendError'
import { readRetryAfter } from './readRetryAfter'
import type { ResolvedRestOptions } from './resolveRestOptions'

/** How one call's 4xx answers read: what the call was, which body fields a form shows, and what a plain refusal means. */
export interface RefusalReading {
  /** The call, for the log: `the sign-in at /auth/login`. */
  call: string
  /** The backend's body fields that are the form's, with the form's name for each. */
  formNames: Record<string, string>
  /** Whether a status (and the body's code) is this call's refusal rather than invalid fields. */
  refusedWhen: (status: number, code: string | undefined) => boolean
  /** The refusal as the person is told it (`message` is the backend's sentence, `code` its error code, when it gave them); `null` when it is to be told as a success. */
  refused: (message: string | undefined, detail: string, code: string | undefined) => GatehouseError | null
}

/**
 * Turns a backend's 4xx into gatehouse's error: 429 is `rate_limited` (with how long to wait,
 * when the backend said); invalid fields are `validation_failed`, renamed to the form's own field
 * names; the call's own refusal comes next (wrong credentials, a dead link, a wrong code); any
 * other status is an answer gatehouse cannot use (often a wrong path). The browser gets only
 * sentences the backend wrote for people, or the catalogue's; the status and path the backend
 * answered are the error's `detail`, for the server's log.
 *
 * @example
 * const error = backendRefusal(response, options, reading)
 * if (error) throw error
 */
export function backendRefusal(response: BackendResponse, options: ResolvedRestOptions, reading: RefusalReading): GatehouseError | null {
  const { status } = response
  const { message, code, fields } = readBackendError(response.body)
  const detail = `the backend answered ${status}${code ? ` ${code}` : ''} to ${reading.call}`
  if (status === 429) return rateLimited(message, readRetryAfter(response, options.throttle, options.now()), detail)
  // Only the form's own fields can be shown next to an input; the rest joins the message.
  const formFields: Record<string, string[]> = {}
  const otherMessages: string[] = []
  for (const [field, list] of Object.entries(fields)) {
    if (Object.hasOwn(reading.formNames, field)) formFields[reading.formNames[field]!] = list
    else otherMessages.push(...list)
  }
  const hasFormFields = Object.keys(formFields).length > 0
  const invalidFields = status === 400 || status === 422
  if (!(invalidFields && hasFormFields) && reading.refusedWhen(status, code)) return reading.refused(message, detail, code)
  if (!invalidFields) return invalidResponse(detail)
  return new GatehouseError(
    422,
    'validation_failed',
    message ?? otherMessages[0] ?? 'Some fields are not valid.',
    hasFormFields ? formFields : undefined,
    detail,
  )
}
