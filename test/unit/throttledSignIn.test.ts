import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGatehouse } from '../../src/server/createGatehouse'
import { restAdapter } from '../../src/server/backend/rest/restAdapter'
import { authRequest } from '../authRequests'
import { listenDemoBackend } from '../listenDemoBackend'

describe('a backend that throttles sign-ins', () => {
  let backend: Awaited<ReturnType<typeof listenDemoBackend>>
  beforeAll(async () => {
    backend = await listenDemoBackend({ accessTokenTtl: 60, refreshTokenTtl: 3_600, signInThrottle: { maxFailures: 2 } })
  })
  afterAll(() => backend?.stop())

  it('is shown as 429 rate_limited with its own sentence, not as an answer gatehouse cannot use', async () => {
    const gatehouse = createGatehouse({
      backend: restAdapter({ baseUrl: backend.url }),
      secret: 'throttled-sign-in-test-secret-0123456789',
    })
    const signIn = async (password: string) => {
      const response = await gatehouse.handle(authRequest('signIn', { body: { email: 'demo@example.com', password } }))
      return [response.status, (await response.json()).error?.code, response.headers.getSetCookie().length] as const
    }
    expect(await signIn('wrong-1')).toEqual([401, 'invalid_credentials', 0])
    expect(await signIn('wrong-2')).toEqual([401, 'invalid_credentials', 0])
    const throttled = await gatehouse.handle(authRequest('signIn', { body: { email: 'demo@example.com', password: 'demo-password' } }))
    expect(throttled.status).toBe(429)
    const { error } = await throttled.json()
    expect(error.code).toBe('rate_limited')
    expect(error.message).toMatch(/^Too many login attempts\. Please try again in \d+ seconds\.$/)
  })
})
