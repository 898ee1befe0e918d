import { CLIENT_HEADER } from '../../contract/clientHeader'

/**
 * Whether an unsafe request may come from another site. Browsers say so in `Sec-Fetch-Site`, and
 * in `Origin`, which must then name `publicOrigin`, the app's own (`null` never does). Beyond that the request
 * must carry `x-gatehouse-client`, which only a same-origin script can send; where `formAllowed`,
 * a plain HTML form (which cannot set headers) passes instead with a same-origin `Origin`, which
 * browsers always send on a form POST.
 *
 * @example
 * if (rejectsCrossSite(request, 'https://app.example.com', { formAllowed: true })) throw new GatehouseError(403, 'csrf_rejected', '…')
 */
export function rejectsCrossSite(request: Request, publicOrigin: string | null, { formAllowed = false } = {}): boolean {
  const site = request.headers.get('sec-fetch-site')
  if (site === 'cross-site' || site === 'same-site') return true
  const origin = request.headers.get('origin')
  const sameOrigin = publicOrigin !== null && origin === publicOrigin
  if (origin !== null && !sameOrigin) return true
  if (request.headers.get(CLIENT_HEADER) === '1') return false
  const form = (request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')
  return !(formAllowed && form && sameOrigin)
}
