import { createServer, type IncomingMessage, type Server } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { authRequest, cookiesFrom, ORIGIN } from '../../../test/authRequests'
import { createFakeBackend } from '../../../test/fakeBackend'
import { restAdapter } from '../backend/rest/restAdapter'
import { createGatehouse } from '../createGatehouse'
import { createBackendProxy } from './createBackendProxy'

/**
 * The path as a Java servlet container reads it: each segment loses its `;` parameters, is
 * percent-decoded, and only then are dot segments resolved. `/orders/..;/admin` is `/admin` to it.
 */
function servletPath(rawPath: string): string {
  const resolved: string[] = []
  for (const raw of rawPath.split('/').slice(1)) {
    const segment = decodeURIComponent(raw.split(';')[0]!)
    if (segment === '..') resolved.pop()
    else if (segment !== '.') resolved.push(segment)
  }
  return `/${resolved.join('/')}`
}

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

/** A backend on 127.0.0.1 that records each request as it arrives, and answers as `answer` says. */
async function listen(answer: (request: IncomingMessage) => { status: number; headers?: Record<string, string>; body?: string }) {
  const seen: { url: string; servletPath: string }[] = []
  const server = createServer((request, response) => {
    const url = request.url ?? '/'
    seen.push({ url, servletPath: servletPath(url.split('?')[0]!) })
    const { status, headers, body } = answer(request)
    response.writeHead(status, headers).end(body)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, seen }
}

/** The proxy in front of `backendUrl`, with the real `fetch`, and a signed-in browser's cookie. */
async function proxyTo(backendUrl: string) {
  const auth = createFakeBackend()
  const gatehouse = createGatehouse({
    backend: restAdapter({ baseUrl: 'http://auth.test', fetch: auth.fetch }),
    secret: 'backend-proxy-http-test-secret-0123456789',
    secureCookies: false,
  })
  const proxy = createBackendProxy(gatehouse, { allow: ['/orders'], baseUrl: `${backendUrl}/api` })
  const cookie = cookiesFrom(
    await gatehouse.handle(authRequest('signIn', { body: { email: 'demo@example.com', password: 'demo-password' } })),
  )
  const call = (path: string) =>
    proxy(new Request(`${ORIGIN}/api/backend${path}`, { headers: { cookie, 'x-gatehouse-client': '1', 'sec-fetch-site': 'same-origin' } }))
  return call
}

const json = (body: unknown) => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe('the backend proxy in front of a real HTTP backend', () => {
  it('never lets a servlet container resolve a path parameter trick into a path outside the allowlist', async () => {
    const backend = await listen((request) => json({ servletPath: servletPath(request.url ?? '/') }))
    const call = await proxyTo(backend.url)
    const tricks = [
      '/orders/..;/..;/admin',
      '/orders/7/..;/..;/..;/admin',
      '/orders/..;jsessionid=x/..;/admin',
      '/orders/..%3b/..%3b/admin',
    ]
    const statuses = []
    for (const trick of tricks) statuses.push((await call(trick)).status)
    expect(statuses).toEqual([400, 400, 400, 400])
    expect((await call('/orders/7')).status).toBe(200)
    // Only the plain call arrived, and every path the backend resolved stayed under /api/orders.
    expect(backend.seen).toEqual([{ url: '/api/orders/7', servletPath: '/api/orders/7' }])
  })

  it('hands a redirect back to the browser, rewritten, instead of following it on the server', async () => {
    const elsewhere = await listen(() => json({ followed: true }))
    const backend = await listen((request) => {
      if (request.url === '/api/orders/away') return { status: 302, headers: { location: `${elsewhere.url}/steal` } }
      if (request.url === '/api/orders/7') return { status: 303, headers: { location: '/api/orders/8' } }
      return json({ url: request.url })
    })
    const call = await proxyTo(backend.url)
    const moved = await call('/orders/7')
    expect([moved.status, moved.headers.get('location')]).toEqual([303, '/api/backend/orders/8'])
    const away = await call('/orders/away')
    expect([away.status, (await away.json()).error.code]).toEqual([502, 'backend_redirect_refused'])
    expect(backend.seen.map((request) => request.url)).toEqual(['/api/orders/7', '/api/orders/away'])
    expect(elsewhere.seen).toEqual([])
  })
})
