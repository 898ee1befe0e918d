import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cookiesFrom } from '../authRequests'
import { startRedis, type RedisServer } from '../backends/startRedis'
import { listenDemoBackend } from '../listenDemoBackend'
import { serveBuiltApp } from './appProcess'

const ACCESS_TOKEN_SECONDS = 2
const READS = 20

describe('the example app as two instances sharing REDIS_URL', () => {
  let redis: RedisServer
  let backend: Awaited<ReturnType<typeof listenDemoBackend>>
  const apps: Awaited<ReturnType<typeof serveBuiltApp>>[] = []

  beforeAll(async () => {
    redis = await startRedis()
    // Rotates refresh tokens; a used one presented again revokes the whole family.
    backend = await listenDemoBackend({ accessTokenTtl: ACCESS_TOKEN_SECONDS, refreshTokenTtl: 3_600 })
    const env = { AUTH_SECRET: randomBytes(32).toString('base64url'), REDIS_URL: redis.url }
    apps.push(await serveBuiltApp(backend.url, { env }), await serveBuiltApp(backend.url, { env }))
  }, 120_000)
  afterAll(async () => {
    for (const app of apps) app.stop()
    await backend?.stop()
    await redis?.stop()
  })

  it(`makes one backend refresh for ${READS} concurrent reads of an expired session spread over both, all signed in`, async () => {
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
