import { ANSWER_HEADER } from '../../contract/answerHeader'
import { appendCookies, PRIVATE_NO_STORE, type CookieOptions, type CookieWrite } from '../session/cookies'
import type { GatehouseError } from '../GatehouseError'

/** What a route decides: a status, a JSON body (or a page to go to) and the cookies to write. */
export interface RouteResult {
  status: number
  body: unknown
  cookies: CookieWrite[]
  location?: string
}

/**
 * The response for a route's result: never cached (each is one person's), cookies written, a JSON body or a redirect.
 *
 * @example
 * toResponse({ status: 200, body: { user: null }, cookies: [] }, cookieOptions)
 */
export function toResponse(result: RouteResult, cookieOptions: CookieOptions, extraHeaders: Record<string, string> = {}): Response {
  const fields = {
    'cache-control': PRIVATE_NO_STORE,
    [ANSWER_HEADER]: '1',
    ...extraHeaders,
    ...(result.location ? { location: result.location } : { 'content-type': 'application/json' }),
  }
  // A Headers object only when there are cookies to write: a session read writes none, and a plain
  // record is the cheaper way for a Response to take its headers.
  let headers: HeadersInit = fields
  if (result.cookies.length > 0) {
    headers = new Headers(fields)
    appendCookies(headers, result.cookies, cookieOptions)
  }
  return new Response(result.location ? null : JSON.stringify(result.body), { status: result.status, headers })
}

/** A failure in the shared error shape, with no cookie touched. */
export const errorResponse = (error: GatehouseError, cookieOptions: CookieOptions, extraHeaders?: Record<string, string>) =>
  toResponse({ status: error.status, body: error.toBody(), cookies: [] }, cookieOptions, { ...retryAfterHeader(error), ...extraHeaders })

/** `Retry-After` for a throttled answer that knows how long, so clients other than gatehouse's read it too. */
export const retryAfterHeader = (error: GatehouseError): Record<string, string> =>
  error.retryAfterSeconds === undefined ? {} : { 'retry-after': String(error.retryAfterSeconds) }
