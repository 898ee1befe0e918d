import { GatehouseError } from '../GatehouseError'
import { backendTarget } from './backendTarget'

const redirectRefused = () => new GatehouseError(502, 'backend_redirect_refused')

/**
 * The backend's `Location` (resolved against the `target` it answered) as a path of the proxy route
 * mounted at `basePath`, so the browser follows it back through the proxy; or 502
 * `backend_redirect_refused` when it leaves the backend (another origin, a scheme other than
 * http/https, a path outside `baseUrl`) or names a path the proxy would not forward itself. The
 * fragment is dropped. The browser never learns the backend's address, and an open redirect in
 * the backend cannot send it off the app.
 *
 * @example
 * proxyLocation('/api/orders/8', new URL('https://api.example/api/orders'), '/api/backend', 'https://api.example/api', ['/orders'])
 * // '/api/backend/orders/8'
 */
export function proxyLocation(location: string, target: URL, basePath: string, baseUrl: string, allow: readonly string[]): string {
  const base = new URL(baseUrl)
  const basePathname = base.pathname.replace(/\/+$/, '')
  if (!URL.canParse(location, target)) throw redirectRefused()
  const resolved = new URL(location, target)
  const onBackend = /^https?:$/.test(resolved.protocol) && resolved.origin === base.origin
  if (!onBackend || !resolved.pathname.startsWith(`${basePathname}/`)) throw redirectRefused()
  const path = `${basePath}${resolved.pathname.slice(basePathname.length)}${resolved.search}`
  try {
    backendTarget(new URL(path, base), basePath, baseUrl, allow)
  } catch {
    throw redirectRefused()
  }
  return path
}
