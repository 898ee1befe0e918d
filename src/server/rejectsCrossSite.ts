/**
 * Whether an unsafe request comes from another site: browsers say so in `Sec-Fetch-Site`, and
 * in `Origin`, which must then name this very origin (`null` never does).
 */
export function rejectsCrossSite(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site')
  if (site === 'cross-site' || site === 'same-site') return true
  const origin = request.headers.get('origin')
  return origin !== null && origin !== new URL(request.url).origin
}
