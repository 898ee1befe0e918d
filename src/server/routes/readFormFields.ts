import { GatehouseError } from '../GatehouseError'
import { mediaTypeOf } from './mediaTypeOf'
import { parseJsonObject } from './parseJsonObject'
import { readBoundedText } from './readBoundedText'

const MAX_FIELD_LENGTH = 1024
// What a person types exactly, spaces and all.
const KEPT_AS_TYPED = new Set(['password', 'code', 'recoveryCode'])

/** One text field a route takes: its label for messages, and whether it may be left out. */
export interface FieldRule {
  label: string
  optional?: boolean
}

/** The text fields a route takes, by name; a function of the body when they depend on what it names (`email` or `username`). */
export type FieldRules = Record<string, FieldRule>

/** What a route body holds once checked: its text fields, the whole body, and where a plain HTML form asked to go next (not yet checked). */
export interface FormFields {
  values: Record<string, string>
  body: Record<string, unknown>
  next: string | null
}

/**
 * Reads a route's body (JSON or an HTML form), bounded in size, and checks its text fields before
 * anything reaches the backend: each a string of at most 1024 characters, the required ones not
 * blank. Every problem is answered at once, as 422 `validation_failed` by field name. An optional
 * field left out reads as `''`; identifiers and names are trimmed, passwords and codes kept as typed.
 *
 * @example
 * const { values } = await readFormFields(request, 16_384, () => ({ token: { label: 'Token' } }))
 */
export async function readFormFields(
  request: Request,
  maxBodyBytes: number,
  rulesFor: (body: Record<string, unknown>) => FieldRules,
): Promise<FormFields> {
  const type = mediaTypeOf(request)
  if (type !== 'application/json' && type !== 'application/x-www-form-urlencoded') {
    throw new GatehouseError(415, 'unsupported_media_type', 'Send the fields as application/json or as a form.')
  }
  const text = await readBoundedText(request, maxBodyBytes)
  const body: Record<string, unknown> =
    type === 'application/json' ? parseJsonObject(text, 'of text fields') : Object.fromEntries(new URLSearchParams(text))
  const problems: Record<string, string[]> = {}
  const values: Record<string, string> = {}
  for (const [name, { label, optional }] of Object.entries(rulesFor(body))) {
    const value = body[name]
    if (value === undefined && optional) values[name] = ''
    else if (typeof value !== 'string' || (value.trim() === '' && !optional)) problems[name] = [`${label} is required.`]
    else if (value.length > MAX_FIELD_LENGTH) problems[name] = [`${label} must be at most ${MAX_FIELD_LENGTH} characters.`]
    else values[name] = KEPT_AS_TYPED.has(name) ? value : value.trim()
  }
  if (Object.keys(problems).length > 0) throw new GatehouseError(422, 'validation_failed', 'Check the highlighted fields.', problems)
  return { values, body, next: typeof body.next === 'string' ? body.next : null }
}

/** Which identifier a body names: `email`, unless it gives only a `username`. */
export const identifierIn = (body: Record<string, unknown>): 'email' | 'username' =>
  body.email === undefined && body.username !== undefined ? 'username' : 'email'

/** The rule for the identifier a body names (see `identifierIn`). */
export const identifierRule = (body: Record<string, unknown>): FieldRules => {
  const identifier = identifierIn(body)
  return { [identifier]: { label: identifier === 'email' ? 'Email' : 'Username' } }
}

/** The identifier a checked body names, whichever of the two it is. */
export const identifierOf = ({ values, body }: FormFields): string => values[identifierIn(body)]!
