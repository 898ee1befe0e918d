import type { AddressInfo } from 'node:net'
import { onTestFinished } from 'vitest'
import { createDemoBackend, type DemoBackendOptions } from './createDemoBackend'

/**
 * For tests: a demo backend on a free 127.0.0.1 port with its own clock (so that one test's
 * accounts, failures and time cannot leak into another's), closed when the test finishes. `post`
 * sends JSON (a string as it is), `signIn` posts to /auth/login.
 *
 * @example
 * const { post, clock } = await startTestBackend()
 * clock.now += 60_000
 * expect((await post('/auth/forgot-password', { email: 'demo@example.com' })).status).toBe(202)
 */
export async function startTestBackend(options: Partial<DemoBackendOptions> = {}) {
  const clock = { now: Date.parse('2030-01-01T00:00:00.000Z') }
  const backend = createDemoBackend({ accessTokenTtl: 900, refreshTokenTtl: 3600, now: () => clock.now, ...options })
  await new Promise<void>((resolve) => backend.server.listen(0, '127.0.0.1', resolve))
  onTestFinished(async () => {
    backend.server.closeAllConnections()
    await new Promise<void>((resolve) => backend.server.close(() => resolve()))
  })
  const baseUrl = `http://127.0.0.1:${(backend.server.address() as AddressInfo).port}`
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  const signIn = (credentials: { email: string; password: string }) => post('/auth/login', credentials)
  return { backend, clock, baseUrl, post, signIn }
}
