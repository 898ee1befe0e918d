import type { FieldErrors } from './HttpError'

/**
 * Returns `body[field]` when it is a non-empty string; otherwise records a Laravel-style message
 * under `errors[field]` and returns undefined, so callers can collect every failing field at once.
 */
export function requireString(body: unknown, field: string, errors: FieldErrors): string | undefined {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined
  const label = field.replaceAll('_', ' ')
  if (value === undefined || value === null || value === '') {
    errors[field] = [`The ${label} field is required.`]
    return undefined
  }
  if (typeof value !== 'string') {
    errors[field] = [`The ${label} field must be a string.`]
    return undefined
  }
  return value
}
