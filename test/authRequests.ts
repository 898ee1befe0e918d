import { ACCOUNT_FLOW_ROUTES, AUTH_ROUTES, DEFAULT_BASE_PATH, type AccountFlowName, type AuthRouteName } from '../src/contract/authRoutes'

const ROUTES = { ...AUTH_ROUTES, ...ACCOUNT_FLOW_ROUTES }

/** Builds the requests a browser sends to the proxy routes, and reads what comes back. */
export const ORIGIN = 'http://app.test'

/** Like the browser transport: a route by its name (or any other path under the mount); POSTs carry this origin and `x-gatehouse-client` unless `client: false` (a plain form, a forger). */
export function authRequest(
  route: AuthRouteName | AccountFlowName | (string & {}),
  init: { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string>; client?: boolean } = {},
) {
  const known = Object.hasOwn(ROUTES, route) ? ROUTES[route as keyof typeof ROUTES] : undefined
  const method = init.method ?? known?.method ?? 'POST'
  const headers = new Headers(init.headers)
  if (init.cookie) headers.set('cookie', init.cookie)
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json')
  if (method === 'POST' && !headers.has('origin')) headers.set('origin', ORIGIN)
  if (method === 'POST' && init.client !== false) headers.set('x-gatehouse-client', '1')
  const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body)
  return new Request(`${ORIGIN}${DEFAULT_BASE_PATH}/${known?.path ?? route}`, { method, headers, body })
}

/** The `Cookie` header a browser would send back after this response. */
export function cookiesFrom(response: Response, previous = ''): string {
  const jar = new Map(
    previous
      .split('; ')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  )
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';')
    const [name, ...rest] = pair!.split('=')
    const value = rest.join('=')
    if (/Max-Age=0/.test(line)) jar.delete(name!)
    else jar.set(name!, value)
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
}
