import { createServer, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type Server } from 'node:http'
import { NextRequest } from 'next/server'
import { afterEach, describe, expect, it } from 'vitest'
import { createNextGatehouse } from '../../src/next/createNextGatehouse'
import { restAdapter } from '../../src/server/backend/rest/restAdapter'
import { createGatehouse, type GatehouseOptions } from '../../src/server/createGatehouse'
import { ORIGIN } from '../authRequests'
import { createFakeBackend } from '../fakeBackend'
import { serveFetch } from '../serveFetch'

/**
 * The client's address reaching the backend, over real sockets on loopback: a client on its own
 * address (127.0.0.x), a proxy that appends what it sees to X-Forwarded-For as nginx's
 * `$proxy_add_x_forwarded_for` does, the app behind a server that treats X-Forwarded-For as
 * `next start` does, and a backend that records what each call carried.
 */

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

async function listen(server: Server): Promise<string> {
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`
}

async function readBody(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of incoming) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** One HTTP request from `localAddress`, as a client on that machine would send it. */
function send(
  url: string,
  {
    method = 'GET',
    headers = {},
    body,
    localAddress,
  }: { method?: string; headers?: OutgoingHttpHeaders; body?: string; localAddress: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method, headers, localAddress }, async (incoming) => {
      resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: (await readBody(incoming)).toString() })
    })
    outgoing.on('error', reject)
    outgoing.end(body)
  })
}

/** A reverse proxy in front of `upstream` that appends the address it received the request from, as nginx is usually set up. */
function appendingProxy(upstream: string): Promise<string> {
  return listen(
    createServer(async (incoming, outgoing) => {
      const body = await readBody(incoming)
      const seen = incoming.socket.remoteAddress ?? ''
      const before = incoming.headers['x-forwarded-for']
      const headers = { ...incoming.headers, 'x-forwarded-for': before ? `${before}, ${seen}` : seen }
      const answer = await send(`${upstream}${incoming.url}`, {
        method: incoming.method,
        headers,
        body: body.length > 0 ? body.toString() : undefined,
        localAddress: '127.0.0.1',
      })
      outgoing.writeHead(answer.status, answer.headers).end(answer.body)
    }),
  )
}

// What Next.js 16 does to every request before a route handler or proxy.ts sees it
// (packages/next/src/server/base-server.ts, handleRequestImpl): it fills X-Forwarded-For with the
// socket's address only when the request has none, and keeps one the request brought.
function likeNextStart(incoming: IncomingMessage) {
  incoming.headers['x-forwarded-for'] ??= incoming.socket.remoteAddress
}

async function setup(clientAddress: GatehouseOptions['clientAddress']) {
  let clock = Date.now()
  const now = () => clock
  const auth = createFakeBackend({ accessTtlMs: 60_000, now })
  const seen: { path: string; headers: Record<string, string> }[] = []
  const { url: backendUrl, server: backendServer } = await serveFetch(async (request) => {
    const path = new URL(request.url).pathname
    seen.push({ path, headers: Object.fromEntries(request.headers) })
    if (path.startsWith('/orders/')) return Response.json({ id: path.slice('/orders/'.length) })
    return auth.fetch(request)
  })
  servers.push(backendServer)
  const gatehouse = createGatehouse({
    backend: restAdapter({ baseUrl: backendUrl }),
    secret: 'client-address-over-http-secret-0123456789',
    secureCookies: false,
    url: ORIGIN,
    now,
    clientAddress,
  })
  const next = createNextGatehouse(gatehouse, { protectedPaths: ['/dashboard'], backendProxy: { allow: ['/orders'] } })
  const app = await listen(
    createServer(async (incoming, outgoing) => {
      likeNextStart(incoming)
      const headers = new Headers()
      for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value)
      const body = await readBody(incoming)
      const url = new URL(incoming.url ?? '/', ORIGIN)
      const request = new Request(url, { method: incoming.method, headers, body: body.length > 0 ? new Uint8Array(body) : undefined })
      const handler = url.pathname.startsWith('/api/auth/')
        ? next.handlers[incoming.method as 'GET' | 'POST']
        : url.pathname.startsWith('/api/backend/')
          ? next.backendHandlers[incoming.method as 'GET' | 'POST']
          : (plain: Request) => next.proxy(new NextRequest(plain))
      const response = await handler(request)
      const out: Record<string, string | string[]> = {}
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie') out[name] = value
      })
      out['set-cookie'] = response.headers.getSetCookie()
      outgoing.writeHead(response.status, out).end(Buffer.from(await response.arrayBuffer()))
    }),
  )
  const expireAccessToken = () => {
    clock += 61_000
  }
  return { app, seen, expireAccessToken }
}

const SPOOFED = { 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '6.6.6.6', 'x-client-ip': '6.6.6.6', forwarded: 'for=6.6.6.6' }
const FROM_SCRIPT = { origin: ORIGIN, 'x-gatehouse-client': '1', 'sec-fetch-site': 'same-origin' }
const CREDENTIALS = JSON.stringify({ email: 'demo@example.com', password: 'demo-password' })

const cookieOf = (answer: Answer) =>
  ((answer.headers['set-cookie'] as string[] | undefined) ?? [])
    .filter((line) => !/Max-Age=0/.test(line))
    .map((line) => line.split(';')[0])
    .join('; ')

async function signIn(base: string, localAddress: string) {
  const answer = await send(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { ...SPOOFED, ...FROM_SCRIPT, 'content-type': 'application/json' },
    body: CREDENTIALS,
    localAddress,
  })
  expect(answer.status).toBe(200)
  return cookieOf(answer)
}

/** Every value any backend call carried, to show a spoofed one went nowhere. */
const everyValue = (seen: { headers: Record<string, string> }[]) => seen.flatMap(({ headers }) => Object.values(headers)).join('\n')

describe('the client address, over HTTP through a trusted proxy', () => {
  it('reaches the backend on sign-in as the proxy saw it, never as the client wrote it', async () => {
    const { app, seen } = await setup({ header: 'X-Client-IP', trustedHops: 1 })
    const nginx = await appendingProxy(app)
    await signIn(nginx, '127.0.0.9')
    const login = seen.find(({ path }) => path === '/auth/login')
    expect(login?.headers['x-client-ip']).toBe('127.0.0.9')
    expect(login?.headers).not.toHaveProperty('x-forwarded-for')
    expect(everyValue(seen)).not.toContain('6.6.6.6')
  })

  it('reaches the backend on the refresh route, on proxy.ts’s refresh, and on the backend proxy’s call and refresh', async () => {
    const { app, seen, expireAccessToken } = await setup({ header: 'X-Client-IP', trustedHops: 1 })
    const nginx = await appendingProxy(app)
    let cookie = await signIn(nginx, '127.0.0.9')

    expireAccessToken()
    const refreshed = await send(`${nginx}/api/auth/refresh`, {
      method: 'POST',
      headers: { ...SPOOFED, ...FROM_SCRIPT, cookie },
      localAddress: '127.0.0.10',
    })
    expect(refreshed.status).toBe(200)
    cookie = cookieOf(refreshed)

    expireAccessToken()
    const page = await send(`${nginx}/dashboard`, { headers: { ...SPOOFED, cookie }, localAddress: '127.0.0.11' })
    expect(page.status).toBe(200)
    cookie = cookieOf(page)

    expireAccessToken()
    const proxied = await send(`${nginx}/api/backend/orders/7`, {
      headers: { ...SPOOFED, ...FROM_SCRIPT, cookie },
      localAddress: '127.0.0.12',
    })
    expect([proxied.status, JSON.parse(proxied.body)]).toEqual([200, { id: '7' }])

    expect(seen.filter(({ path }) => path !== '/auth/login').map(({ path, headers }) => [path, headers['x-client-ip']])).toEqual([
      ['/auth/refresh', '127.0.0.10'],
      ['/auth/refresh', '127.0.0.11'],
      ['/auth/refresh', '127.0.0.12'],
      ['/orders/7', '127.0.0.12'],
    ])
    expect(seen.map(({ headers }) => headers['x-forwarded-for'])).toEqual(seen.map(() => undefined))
    expect(everyValue(seen)).not.toContain('6.6.6.6')
  })

  it('counts the hops it was told to trust, and may send the one address as X-Forwarded-For', async () => {
    const { app, seen } = await setup({ header: 'X-Forwarded-For', trustedHops: 2 })
    const inner = await appendingProxy(app)
    const outer = await appendingProxy(inner)
    await signIn(outer, '127.0.0.9')
    // The app got "6.6.6.6, 127.0.0.9, 127.0.0.1": the client's invention, then what each proxy saw.
    expect(seen.find(({ path }) => path === '/auth/login')?.headers['x-forwarded-for']).toBe('127.0.0.9')
  })

  it('sends nothing when the request came through fewer proxies than it trusts', async () => {
    const { app, seen } = await setup({ header: 'X-Client-IP', trustedHops: 2 })
    // One proxy, and a client that wrote no X-Forwarded-For: the app gets one entry where it trusts two.
    // (Had the client written one, it would fill the missing hop: trust only proxies that are there.)
    const answer = await send(`${await appendingProxy(app)}/api/auth/sign-in`, {
      method: 'POST',
      headers: { ...FROM_SCRIPT, 'content-type': 'application/json' },
      body: CREDENTIALS,
      localAddress: '127.0.0.9',
    })
    expect(answer.status).toBe(200)
    expect(seen.find(({ path }) => path === '/auth/login')?.headers).not.toHaveProperty('x-client-ip')
  })

  it('takes the socket’s address that Next.js writes when the request brings no X-Forwarded-For', async () => {
    const { app, seen } = await setup({ header: 'X-Client-IP', trustedHops: 1 })
    const answer = await send(`${app}/api/auth/sign-in`, {
      method: 'POST',
      headers: { ...FROM_SCRIPT, 'content-type': 'application/json' },
      body: CREDENTIALS,
      localAddress: '127.0.0.13',
    })
    expect(answer.status).toBe(200)
    expect(seen.find(({ path }) => path === '/auth/login')?.headers['x-client-ip']).toBe('127.0.0.13')
  })

  it('sends no address at all without the option, and never the client’s own headers', async () => {
    const { app, seen, expireAccessToken } = await setup(undefined)
    const nginx = await appendingProxy(app)
    const cookie = await signIn(nginx, '127.0.0.9')
    expireAccessToken()
    const proxied = await send(`${nginx}/api/backend/orders/7`, {
      headers: { ...SPOOFED, ...FROM_SCRIPT, cookie },
      localAddress: '127.0.0.12',
    })
    expect(proxied.status).toBe(200)
    expect(seen.map(({ path }) => path)).toEqual(['/auth/login', '/auth/refresh', '/orders/7'])
    expect(everyValue(seen)).not.toMatch(/6\.6\.6\.6|127\.0\.0\.(9|12)/)
  })
})
