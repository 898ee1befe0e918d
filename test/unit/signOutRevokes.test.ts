import { NextRequest } from 'next/server'
import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createNextGatehouse } from '../../src/next/createNextGatehouse'
import { createRedisStore, type RedisStore } from '../../src/redis/createRedisStore'
import { restAdapter } from '../../src/server/backend/rest/restAdapter'
import { createGatehouse } from '../../src/server/createGatehouse'
import { authRequest, cookiesFrom, ORIGIN } from '../authRequests'
import { startRedis, type RedisServer } from '../backends/startRedis'
import { listenDemoBackend } from '../listenDemoBackend'
import { jar } from '../nextRender'

vi.mock('next/headers', () => import('../nextRender'))
vi.mock('next/navigation', () => import('../nextRender'))

const SECRET = 'sign-out-revokes-test-secret-0123456789abcdef'
const DEMO = { email: 'demo@example.com', password: 'demo-password' }
const SHORT_ACCESS_TOKEN_SECONDS = 1
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type DemoBackend = Awaited<ReturnType<typeof listenDemoBackend>>
// Access tokens that outlast each test, so that only a sign-out can end a session; and ones that expire at once.
let backend: DemoBackend
let shortBackend: DemoBackend
let redis: RedisServer
const stores: RedisStore[] = []
beforeAll(async () => {
  backend = await listenDemoBackend({ accessTokenTtl: 600, refreshTokenTtl: 3_600 })
  shortBackend = await listenDemoBackend({ accessTokenTtl: SHORT_ACCESS_TOKEN_SECONDS, refreshTokenTtl: 3_600 })
  redis = await startRedis()
})
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()))
  await redis?.stop()
  await backend?.stop()
  await shortBackend?.stop()
})

/** One instance of the app: its gatehouse and Next.js adapter, on its own Redis connection when `redis` is given. */
function instance({ onRedis = false, demo = backend } = {}) {
  const store = onRedis ? createRedisStore({ url: redis.url, timeoutMs: 1_000 }) : undefined
  if (store) stores.push(store)
  const gatehouse = createGatehouse({
    backend: restAdapter({ baseUrl: demo.url }),
    secret: SECRET,
    secureCookies: false,
    coordination: store && { store },
  })
  const auth = createNextGatehouse(gatehouse, { protectedPaths: ['/dashboard'], backendProxy: { allow: ['/auth/profile'] } })
  const signIn = async () => cookiesFrom(await auth.handlers.POST(authRequest('signIn', { body: DEMO })))
  const signOut = (cookie: string) => auth.handlers.POST(authRequest('signOut', { cookie }))
  return { auth, signIn, signOut }
}

/** The copied cookies replayed at every entry point: what each one makes of them. */
async function replay({ auth }: ReturnType<typeof instance>, cookie: string) {
  const session = await auth.handlers.GET(authRequest('session', { cookie }))
  const refresh = await auth.handlers.POST(authRequest('refresh', { cookie, body: {} }))
  const page = await auth.proxy(new NextRequest(`${ORIGIN}/dashboard`, { headers: { cookie } }))
  const proxied = await auth.backendHandlers.GET(
    new Request(`${ORIGIN}/api/backend/auth/profile`, { headers: { cookie, 'x-gatehouse-client': '1' } }),
  )
  jar.cookie = cookie
  const rendered = await auth.getSession()
  const required = await auth.requireSession('/dashboard').then(
    () => 'rendered',
    (error: Error) => error.message,
  )
  return {
    session: await session.json(),
    refresh: refresh.status,
    page: page.headers.get('location'),
    proxied: proxied.status,
    rendered,
    required,
  }
}

const SIGNED_OUT = {
  session: { user: null },
  refresh: 401,
  page: `${ORIGIN}/sign-in?next=%2Fdashboard`,
  proxied: 401,
  rendered: null,
  required: 'redirect:/sign-in?next=%2Fdashboard',
}

describe('sign-out ends the session on the server', () => {
  it('refuses a copy of the cookies at every entry point once the session has signed out', async () => {
    const app = instance()
    const copy = await app.signIn()
    // Before the sign-out the copy is as good as the original.
    expect(await replay(app, copy)).toMatchObject({ session: { user: { email: DEMO.email } }, proxied: 200, page: null })
    expect((await app.signOut(copy)).status).toBe(200)
    expect(await replay(app, copy)).toEqual(SIGNED_OUT)
  })

  it('revokes the refresh token at the backend even when the access token had expired', async () => {
    const app = instance({ demo: shortBackend })
    const copy = await app.signIn()
    // The backend checks expiry by whole seconds: a second more, and the access token is refused there too.
    await sleep((SHORT_ACCESS_TOKEN_SECONDS + 1) * 1_000 + 100)
    const logoutsBefore = shortBackend.demo.stats.logouts
    await app.signOut(copy)
    expect(shortBackend.demo.stats.logouts).toBe(logoutsBefore + 1)
    // Another instance has never heard of the sign-out: the backend itself now refuses the copy's refresh token.
    const elsewhere = instance({ demo: shortBackend })
    const refreshed = await elsewhere.auth.handlers.POST(authRequest('refresh', { cookie: copy, body: {} }))
    expect(refreshed.status).toBe(401)
  })

  it('refuses the copy on every instance that shares a Redis, and on one that starts after the sign-out', async () => {
    const [a, b] = [instance({ onRedis: true }), instance({ onRedis: true })]
    const copy = await a.signIn()
    // b's first read connects it to Redis and reads the sign-outs recorded so far.
    expect(await replay(b, copy)).toMatchObject({ session: { user: { email: DEMO.email } } })
    expect((await a.signOut(copy)).status).toBe(200)
    // b hears of it through Redis's channel: a matter of milliseconds on a loopback.
    await vi.waitFor(async () => expect(await b.auth.getSession()).toBeNull(), { timeout: 500, interval: 5 })
    expect(await replay(b, copy)).toEqual(SIGNED_OUT)
    expect(await replay(instance({ onRedis: true }), copy)).toEqual(SIGNED_OUT)
  })

  it('keeps in Redis only a random session id and when its revocation ends, expiring by itself', async () => {
    const app = instance({ onRedis: true })
    const copy = await app.signIn()
    await app.signOut(copy)
    const client = createClient({ url: redis.url })
    await client.connect()
    try {
      const keys = (await client.keys('gatehouse:v1:revoked:*')).sort()
      expect(keys.length).toBeGreaterThan(0)
      for (const key of keys) {
        const ttlMs = await client.pTTL(key)
        expect(ttlMs).toBeGreaterThan(0)
        expect(ttlMs).toBeLessThanOrEqual(3_600_000)
        // A random id, which opens nothing, and when its revocation ends: no token, no cookie.
        expect(key).toMatch(/^gatehouse:v1:revoked:[A-Za-z0-9_-]{22}$/)
        expect(await client.get(key)).toMatch(/^\d{13}$/)
      }
    } finally {
      await client.close()
    }
  })
})
