import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cookiesFrom } from '../authRequests'
import { startRedis, type RedisServer } from '../backends/startRedis'
import { listenDemoBackend } from '../listenDemoBackend'
import { serveBuiltApp } from './appProcess'

const ACCESS_TOKEN_SECONDS = 2
const READS = 20

/**
 * Two `next start`s of the example sharing one Redis and one `AUTH_SECRET`, in front of a demo
 * backend that rotates refresh tokens (a used one presented again revokes the whole family).
 */
function twoInstancesOnRedis(accessTokenTtl: number) {
  const fleet = {
    redis: undefined as RedisServer | undefined,
    backend: undefined as Awaited<ReturnType<typeof listenDemoBackend>> | undefined,
    apps: [] as Awaited<ReturnType<typeof serveBuiltApp>>[],
  }
  beforeAll(async () => {
    fleet.redis = await startRedis()
    fleet.backend = await listenDemoBackend({ accessTokenTtl, refreshTokenTtl: 3_600 })
    const env = { AUTH_SECRET: randomBytes(32).toString('base64url'), REDIS_URL: fleet.redis.url }
    fleet.apps.push(await serveBuiltApp(fleet.backend.url, { env }), await serveBuiltApp(fleet.backend.url, { env }))
  }, 120_000)
  afterAll(async () => {
    for (const app of fleet.apps) app.stop()
    await fleet.backend?.stop()
    await fleet.redis?.stop()
  })
  return fleet
}

describe('the example app as two instances sharing REDIS_URL', () => {
  const fleet = twoInstancesOnRedis(ACCESS_TOKEN_SECONDS)

  it(`makes one backend refresh for ${READS} concurrent reads of an expired session spread over both, all signed in`, async () => {
    const { apps } = fleet
    const backend = fleet.backend!
    const [first] = apps
    const signIn = await fetch(`${first!.baseURL}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: first!.baseURL, 'x-gatehouse-client': '1' },
      body: JSON.stringify({ email: 'demo@example.com', password: 'demo-password' }),
    })
    expect(signIn.status).toBe(200)
    const cookie = cookiesFrom(signIn)
    await new Promise((resolve) => setTimeout(resolve, ACCESS_TOKEN_SECONDS * 1000 + 500))
    const before = backend.demo.stats.refreshes
    const reads = await Promise.all(
      Array.from({ length: READS }, async (_, index) => {
        const response = await fetch(`${apps[index % 2]!.baseURL}/api/auth/session`, { headers: { cookie } })
        return { status: response.status, user: ((await response.json()) as { user: { email?: string } | null }).user }
      }),
    )
    expect(backend.demo.stats.refreshes - before).toBe(1)
    expect(reads.filter((read) => read.status === 200 && read.user?.email === 'demo@example.com')).toHaveLength(READS)
  }, 60_000)
})

describe('a sign-out on one instance of the example, with REDIS_URL', () => {
  // Access tokens that outlast the test: only the sign-out can end the session.
  const fleet = twoInstancesOnRedis(600)

  it('signs a copy of the cookies out on the other instance too: the session route, proxy.ts and the backend proxy', async () => {
    const [first, second] = fleet.apps as [(typeof fleet.apps)[number], (typeof fleet.apps)[number]]
    const post = (route: string, cookie = '', body: unknown = {}) =>
      fetch(`${first.baseURL}/api/auth/${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: first.baseURL, 'x-gatehouse-client': '1', cookie },
        body: JSON.stringify(body),
      })
    const copy = cookiesFrom(await post('sign-in', '', { email: 'demo@example.com', password: 'demo-password' }))
    const replay = async () => {
      const session = await fetch(`${second.baseURL}/api/auth/session`, { headers: { cookie: copy } })
      const page = await fetch(`${second.baseURL}/dashboard`, { headers: { cookie: copy }, redirect: 'manual' })
      const proxied = await fetch(`${second.baseURL}/api/backend/auth/profile`, {
        headers: { cookie: copy, 'x-gatehouse-client': '1', 'sec-fetch-site': 'same-origin' },
      })
      return {
        user: ((await session.json()) as { user: { email: string } | null }).user?.email ?? null,
        page: page.status === 200 ? 'rendered' : new URL(page.headers.get('location') ?? '', second.baseURL).pathname,
        proxied: proxied.status,
      }
    }
    expect(await replay()).toEqual({ user: 'demo@example.com', page: 'rendered', proxied: 200 })
    expect((await post('sign-out', copy)).status).toBe(200)
    // The second instance hears of it on Redis's channel, a matter of milliseconds.
    await expect.poll(replay, { timeout: 1_000, interval: 20 }).toEqual({ user: null, page: '/sign-in', proxied: 401 })
  }, 60_000)
})
