import { invalidResponse, type BackendResponse } from '../backendFetch'
import { ERROR_MESSAGES } from '../../../contract/errorCatalogue'
import { GatehouseError } from '../../GatehouseError'
import { readBackendError } from './readBackendError'
import type { ResolvedRestOptions } from './resolveRestOptions'

/**
 * Turns a refused sign-in into gatehouse's error: 401/403 (and OAuth2's 400 `invalid_grant`) mean
 * wrong credentials; 429 means the backend throttles sign-ins (429 `rate_limited`, with its own
 * sentence when it gives one); 400/422 mean invalid fields, renamed to the form's own field names; any
 * other status is an answer gatehouse cannot use (often a wrong `signIn.path`). The browser gets
 * only sentences the backend wrote for people, or the catalogue's; the status and path the backend
 * answered are the error's `detail`, for the server's log.
 *
 * @example
 * if (response.status >= 400) throw signInError(response, options.signIn)
 */
export function signInError(response: BackendResponse, signIn: ResolvedRestOptions['signIn']): GatehouseError {
  const { status } = response
  const { message, code, fields } = readBackendError(response.body)
  const answered = `the backend answered ${status}${code ? ` ${code}` : ''} to the sign-in at ${signIn.path}`
  if (status === 401 || status === 403 || (status === 400 && code === 'invalid_grant')) {
    return new GatehouseError(
      401,
      'invalid_credentials',
      message ?? `The ${signIn.identifier} or password is incorrect.`,
      undefined,
      answered,
    )
  }
  if (status === 429) return new GatehouseError(429, 'rate_limited', message ?? ERROR_MESSAGES.rate_limited, undefined, answered)
  if (status !== 400 && status !== 422) return invalidResponse(answered)
  // Only the form's own fields can be shown next to an input; the rest joins the message.
  const formNames: Record<string, string> = { [signIn.identifierField]: signIn.identifier, [signIn.passwordField]: 'password' }
  const formFields: Record<string, string[]> = {}
  const otherMessages: string[] = []
  for (const [field, list] of Object.entries(fields)) {
    if (Object.hasOwn(formNames, field)) formFields[formNames[field]!] = list
    else otherMessages.push(...list)
  }
  const hasFormFields = Object.keys(formFields).length > 0
  return new GatehouseError(
    422,
    'validation_failed',
    message ?? otherMessages[0] ?? 'Some fields are not valid.',
    hasFormFields ? formFields : undefined,
  )
}
