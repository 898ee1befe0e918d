import { vi } from 'vitest'
import { createGatehouse, type GatehouseOptions } from '../src/server/createGatehouse'
import { restAdapter } from '../src/server/backend/rest/restAdapter'
import { authRequest, cookiesFrom } from './authRequests'
import { createFakeBackend } from './fakeBackend'

export const SECRET = 'fixture-secret-that-is-long-enough-0123456789'
export const DEMO = { email: 'demo@example.com', password: 'demo-password' }

/**
 * A gatehouse against the fake backend, on a clock the test moves (`clock.now += …`), with a
 * logger that records everything.
 */
export function createTestGatehouse({
  backendOptions = {},
  timeoutMs = 10_000,
  ...options
}: Partial<GatehouseOptions> & { backendOptions?: Parameters<typeof createFakeBackend>[0]; timeoutMs?: number } = {}) {
  const clock = { now: Date.parse('2026-01-01T00:00:00Z') }
  const now = () => clock.now
  const backend = createFakeBackend({ now, ...backendOptions })
  const logger = { warn: vi.fn(), error: vi.fn() }
  const gatehouse = createGatehouse({
    backend: restAdapter({ baseUrl: 'http://backend.test', fetch: backend.fetch, timeoutMs, now }),
    secret: SECRET,
    secureCookies: false,
    logger,
    now,
    ...options,
  })
  const signIn = async () => {
    const response = await gatehouse.handle(authRequest('signIn', { body: DEMO }))
    if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`)
    return cookiesFrom(response)
  }
  const sessionOf = async (cookie: string) => {
    const response = await gatehouse.handle(authRequest('session', { cookie }))
    return { response, body: await response.json(), cookie: cookiesFrom(response, cookie) }
  }
  return { clock, backend, logger, gatehouse, signIn, sessionOf }
}
