import { ANSWER_HEADER } from '../../contract/answerHeader'
import { appendCookies, type CookieOptions, type CookieWrite } from '../session/cookies'
import type { GatehouseError } from '../GatehouseError'

/** What a route decides: a status, a JSON body (or a page to go to) and the cookies to write. */
export interface RouteResult {
  status: number
  body: unknown
  cookies: CookieWrite[]
  location?: string
}

/**
 * The response for a route's result: never cached, cookies written, a JSON body or a redirect.
 *
 * @example
 * toResponse({ status: 200, body: { user: null }, cookies: [] }, cookieOptions)
 */
export function toResponse(result: RouteResult, cookieOptions: CookieOptions, extraHeaders: Record<string, string> = {}): Response {
  const headers = new Headers({ 'cache-control': 'no-store', [ANSWER_HEADER]: '1', ...extraHeaders })
  appendCookies(headers, result.cookies, cookieOptions)
  if (result.location) {
    headers.set('location', result.location)
    return new Response(null, { status: result.status, headers })
  }
  headers.set('content-type', 'application/json')
  return new Response(JSON.stringify(result.body), { status: result.status, headers })
}

/** A failure in the shared error shape, with no cookie touched. */
export const errorResponse = (error: GatehouseError, cookieOptions: CookieOptions, extraHeaders?: Record<string, string>) =>
  toResponse({ status: error.status, body: error.toBody(), cookies: [] }, cookieOptions, extraHeaders)
