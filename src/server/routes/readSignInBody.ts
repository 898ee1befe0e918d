import { GatehouseError } from '../GatehouseError'
import { mediaTypeOf } from './mediaTypeOf'
import { parseJsonObject } from './parseJsonObject'
import { readBoundedText } from './readBoundedText'
import type { BackendCredentials } from '../backend/BackendAdapter'

const MAX_FIELD_LENGTH = 1024

export interface SignInBody {
  credentials: BackendCredentials
  /** Where a plain HTML form asked to go after signing in (not yet checked). */
  next: string | null
}

/**
 * Reads the sign-in body (JSON or an HTML form), bounded in size, and checks the two fields before
 * anything reaches the backend.
 */
export async function readSignInBody(request: Request, maxBodyBytes: number): Promise<SignInBody> {
  const type = mediaTypeOf(request)
  if (type !== 'application/json' && type !== 'application/x-www-form-urlencoded') {
    throw new GatehouseError(415, 'unsupported_media_type', 'Send the credentials as application/json or as a form.')
  }
  const text = await readBoundedText(request, maxBodyBytes)
  const fields: Record<string, unknown> =
    type === 'application/json' ? parseJsonObject(text, 'with email and password') : Object.fromEntries(new URLSearchParams(text))
  const identifier = fields.email === undefined && fields.username !== undefined ? 'username' : 'email'
  const problems: Record<string, string[]> = {}
  const check = (name: 'email' | 'username' | 'password', label: string) => {
    const value = fields[name]
    if (typeof value !== 'string' || value.trim() === '') problems[name] = [`${label} is required.`]
    else if (value.length > MAX_FIELD_LENGTH) problems[name] = [`${label} must be at most ${MAX_FIELD_LENGTH} characters.`]
  }
  check(identifier, identifier === 'email' ? 'Email' : 'Username')
  check('password', 'Password')
  if (Object.keys(problems).length > 0) throw new GatehouseError(422, 'validation_failed', 'Check the highlighted fields.', problems)
  return {
    credentials: { identifier: (fields[identifier] as string).trim(), password: fields.password as string },
    next: typeof fields.next === 'string' ? fields.next : null,
  }
}
