import { invalidResponse } from '../backend/backendFetch'
import type { CookieWrite } from './cookies'

// Browsers drop a whole cookie over 4096 bytes (name, value and attributes) without a word, so
// values are cut well below that; past MAX_CHUNKS the session is refused rather than half-kept.
const CHUNK_LENGTH = 3_800
const MAX_CHUNKS = 8

/**
 * The writes that store `value` under `name`: one cookie when it fits, else `name.0`, `name.1`…
 * Throws a 502 `backend_invalid_response` when even the chunks would not fit (a gigantic token).
 *
 * @example
 * chunkCookie('gatehouse.session', sealed, expires) // [{ name: 'gatehouse.session.0', … }, { name: 'gatehouse.session.1', … }]
 */
export function chunkCookie(name: string, value: string, expires: Date): CookieWrite[] {
  if (value.length <= CHUNK_LENGTH) return [{ name, value, expires }]
  const count = Math.ceil(value.length / CHUNK_LENGTH)
  if (count > MAX_CHUNKS) {
    throw invalidResponse(
      `its tokens and user take ${value.length} bytes once sealed, more than the ${CHUNK_LENGTH * MAX_CHUNKS} that fit in cookies`,
    )
  }
  return Array.from({ length: count }, (_, index) => ({
    name: `${name}.${index}`,
    value: value.slice(index * CHUNK_LENGTH, (index + 1) * CHUNK_LENGTH),
    expires,
  }))
}

/** The value stored under `name`, whole or reassembled from consecutive chunks; `undefined` when absent. */
export function readChunkedCookie(cookies: Map<string, string>, name: string): string | undefined {
  const whole = cookies.get(name)
  if (whole !== undefined || !cookies.has(`${name}.0`)) return whole
  let value = ''
  for (let index = 0; cookies.has(`${name}.${index}`); index += 1) value += cookies.get(`${name}.${index}`)
  return value
}
