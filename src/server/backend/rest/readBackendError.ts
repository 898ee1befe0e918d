/** What a backend's error body says, whatever its shape. */
export interface BackendErrorBody {
  /** A sentence for people, when the backend sent one. */
  message?: string
  /** A machine code, e.g. OAuth2's `invalid_grant` or GraphQL's `extensions.code`. */
  code?: string
  /** Messages per field, in the backend's field names. */
  fields: Record<string, string[]>
}

// A body with one of these is not Django REST framework's bare `{ field: [...] }`.
const ENVELOPE_KEYS = new Set(['message', 'detail', 'error', 'error_description', 'code', 'data', 'errors', 'status', 'statusCode'])

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const sentence = (value: unknown) => (typeof value === 'string' && value !== '' && value.length <= 500 ? value : undefined)
const messages = (value: unknown) => (Array.isArray(value) ? value : [value]).filter((item): item is string => sentence(item) !== undefined)

/** `{ field: ["…"] }` or `{ field: "…" }`; `undefined` when any value is something else. */
function fieldMap(value: unknown): Record<string, string[]> | undefined {
  if (!isObject(value)) return undefined
  const entries = Object.entries(value).map(([name, list]) => [name, messages(list)] as const)
  return entries.every(([, list]) => list.length > 0) ? Object.fromEntries(entries) : undefined
}

/**
 * Reads the error shapes token APIs use: `{ message, data: { field: [...] } }`,
 * `{ message, errors: { field: [...] } }`, `{ errors: [{ message, extensions: { code, field } }] }`,
 * `{ detail }`, `{ error, error_description }`, and Django REST framework's bare
 * `{ field: [...], non_field_errors: [...] }`.
 *
 * @example
 * readBackendError({ error: 'invalid_grant', error_description: 'Bad credentials' })
 * // { message: 'Bad credentials', code: 'invalid_grant', fields: {} }
 */
export function readBackendError(body: unknown): BackendErrorBody {
  if (!isObject(body)) return { fields: {} }
  if (Array.isArray(body.errors)) return fromErrorList(body.errors)
  const { non_field_errors: general, ...rest } = body
  const bare = Object.keys(rest).some((key) => ENVELOPE_KEYS.has(key)) ? undefined : fieldMap(rest)
  const fields = fieldMap(body.data) ?? fieldMap(body.errors) ?? bare ?? {}
  const message = sentence(body.message) ?? sentence(body.error_description) ?? sentence(body.detail) ?? messages(general)[0]
  const code = sentence(body.error) ?? sentence(body.code)
  return { ...(message ? { message } : {}), ...(code ? { code } : {}), fields }
}

function fromErrorList(errors: unknown[]): BackendErrorBody {
  const fields: Record<string, string[]> = {}
  let message: string | undefined
  let code: string | undefined
  for (const error of errors.filter(isObject)) {
    const text = sentence(error.message)
    const extensions = isObject(error.extensions) ? error.extensions : {}
    code ??= sentence(extensions.code)
    const field = sentence(extensions.field)
    if (field && text) fields[field] = [...(fields[field] ?? []), text]
    else message ??= text
  }
  message ??= Object.values(fields)[0]?.[0]
  return { ...(message ? { message } : {}), ...(code ? { code } : {}), fields }
}
