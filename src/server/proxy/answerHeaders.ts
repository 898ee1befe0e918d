import { GatehouseError } from '../GatehouseError'
import { PRIVATE_NO_STORE } from '../session/cookies'
import { pickHeaders } from './pickHeaders'

// What browsers render as a document that runs script on the app's origin: HTML, and XML of any
// kind (an XML document may hold XHTML or SVG script). `multipart/x-mixed-replace` renders its parts.
const ACTIVE_CONTENT = /^(text\/html|text\/xml|text\/xsl|application\/xml|multipart\/x-mixed-replace|[^/]+\/[^/]+\+xml)$/
const MEDIA_TYPE = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+$/

/**
 * The headers the browser gets with a backend answer: only those in `returned` (a `Location` as
 * `relocate` rewrites it), never cached (`private, no-store`), `nosniff`. A content type browsers
 * render as an active document is 502 `backend_html_refused`, or with `html: 'sandbox'` served
 * under `Content-Security-Policy: sandbox`; a body with no (or no valid) content type is
 * `application/octet-stream`, which browsers only download.
 *
 * @example
 * answerHeaders(Response.json({ id: 7 }), new Set(['content-type']), 'refuse', (location) => location)
 * // Headers { content-type: application/json, cache-control: private, no-store, x-content-type-options: nosniff }
 */
export function answerHeaders(
  response: Response,
  returned: ReadonlySet<string>,
  html: 'refuse' | 'sandbox',
  relocate: (location: string) => string,
): Headers {
  const headers = pickHeaders(response.headers, returned)
  const location = headers.get('location')
  if (location !== null) headers.set('location', relocate(location))
  const mediaType = (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (ACTIVE_CONTENT.test(mediaType)) {
    if (html !== 'sandbox') throw new GatehouseError(502, 'backend_html_refused')
    headers.set('content-security-policy', 'sandbox')
  } else if (!MEDIA_TYPE.test(mediaType) && response.body !== null) headers.set('content-type', 'application/octet-stream')
  headers.set('cache-control', PRIVATE_NO_STORE)
  headers.set('x-content-type-options', 'nosniff')
  return headers
}
