import { GatehouseError } from '../GatehouseError'

/** `text` parsed as a JSON object; anything else is the caller's 400, with `shape` saying what the route takes. */
export function parseJsonObject(text: string, shape: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new GatehouseError(400, 'invalid_json', 'The request body is not valid JSON.')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new GatehouseError(400, 'invalid_body', `The request body must be a JSON object ${shape}.`)
  }
  return parsed as Record<string, unknown>
}
