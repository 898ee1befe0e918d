import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { startRedis } from '../test/backends/startRedis'
import { serveBuiltApp } from '../test/e2e/appProcess'
import { listenDemoBackend } from '../test/listenDemoBackend'
import { signInGatehouse } from './signInGatehouse'

const ACCESS_TOKEN_SECONDS = 2

export interface FleetRefresh {
  instances: number
  requests: number
  /** Refresh calls the backend received, and how many of them it accepted. */
  refreshCalls: number
  refreshesAccepted: number
  signedIn: number
}

/**
 * One expired session read by `requests` concurrent requests spread round robin over
 * `instances` of the built example app (one secret), sharing a fresh Redis or nothing. The demo
 * backend rotates refresh tokens and revokes the whole family when a used one comes back.
 */
export async function measureFleetRefresh({ instances, requests, redis }: { instances: number; requests: number; redis: boolean }) {
  const store = redis ? await startRedis() : undefined
  const backend = await listenDemoBackend({ accessTokenTtl: ACCESS_TOKEN_SECONDS, refreshTokenTtl: 3_600 })
  const env = { AUTH_SECRET: randomBytes(32).toString('base64url'), REDIS_URL: store?.url }
  let refreshCalls = 0
  backend.demo.server.on('request', (request) => {
    if (request.url === '/auth/refresh') refreshCalls++
  })
  const apps = await Promise.all(Array.from({ length: instances }, () => serveBuiltApp(backend.url, { env })))
  try {
    const cookie = await signInGatehouse(apps[0]!.baseURL)
    await sleep(ACCESS_TOKEN_SECONDS * 1_000 + 500)
    const [callsBefore, acceptedBefore] = [refreshCalls, backend.demo.stats.refreshes]
    const users = await Promise.all(
      Array.from({ length: requests }, async (_, index) => {
        const response = await fetch(`${apps[index % instances]!.baseURL}/api/auth/session`, { headers: { cookie } })
        return response.ok ? ((await response.json()) as { user: { email?: string } | null }).user : null
      }),
    )
    const result: FleetRefresh = {
      instances,
      requests,
      refreshCalls: refreshCalls - callsBefore,
      refreshesAccepted: backend.demo.stats.refreshes - acceptedBefore,
      signedIn: users.filter((user) => user?.email !== undefined).length,
    }
    return result
  } finally {
    for (const app of apps) app.stop()
    await backend.stop()
    await store?.stop()
  }
}
