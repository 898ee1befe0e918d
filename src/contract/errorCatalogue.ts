import * as ERROR_MESSAGES from './errorMessages'

/**
 * Every error code a gatehouse route, the browser transport or the machine can answer with: a
 * closed list, and a new code is added here and in `errorMessages.ts` (the compiler holds the two
 * to each other). The codes alone are small enough for every bundle; the sentences come per code.
 */
export const ERROR_CODES = [
  'invalid_credentials',
  'validation_failed',
  'session_expired',
  'not_signed_in',
  'csrf_rejected',
  'invalid_json',
  'invalid_body',
  'unsupported_media_type',
  'payload_too_large',
  'invalid_path',
  'not_found',
  'method_not_allowed',
  'backend_unavailable',
  'backend_timeout',
  'backend_invalid_response',
  'server_misconfigured',
  'internal_error',
  'network_error',
  'unexpected_response',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** Each code's default sentence, for places that show any of them. */
export { ERROR_MESSAGES }

type Holds<Condition extends true> = Condition
/** Does not compile while a code lacks a sentence in `errorMessages.ts`, or a sentence lacks a code here. */
export type CatalogueIsComplete = Holds<
  [Exclude<ErrorCode, keyof typeof ERROR_MESSAGES>, Exclude<keyof typeof ERROR_MESSAGES, ErrorCode>] extends [never, never] ? true : false
>

/** Whether `code` is one of the catalogue's. */
export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)
