import type { BackendResponse } from '../backendFetch'
import { readPath } from './readPath'

const MAX_WAIT_SECONDS = 86_400

/**
 * How many seconds a throttled person waits, from a 429: its `Retry-After` header (seconds or an
 * HTTP date), else the body field `throttle.retryAfter` names. Whole seconds, at least 1, at most
 * a day; `undefined` when the backend said nothing usable.
 *
 * @example
 * readRetryAfter({ status: 429, body: undefined, retryAfter: '30' }, {}, Date.now()) // 30
 */
export function readRetryAfter(response: BackendResponse, throttle: { retryAfter?: string }, now: number): number | undefined {
  const header = response.retryAfter?.trim()
  const fromBody = throttle.retryAfter === undefined ? undefined : readPath(response.body, throttle.retryAfter)
  let seconds: number | undefined
  if (header && /^\d+$/.test(header)) seconds = Number(header)
  else if (header && !Number.isNaN(Date.parse(header))) seconds = (Date.parse(header) - now) / 1000
  else if (typeof fromBody === 'number' || (typeof fromBody === 'string' && /^\d+$/.test(fromBody))) seconds = Number(fromBody)
  return seconds === undefined || !Number.isFinite(seconds) ? undefined : Math.min(MAX_WAIT_SECONDS, Math.max(1, Math.ceil(seconds)))
}
