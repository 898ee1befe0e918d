import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createActor, toPromise, type AnyActorLogic } from 'xstate'
import { transportActors } from '../core/transportActors'
import type { Credentials } from '../contract/types'
import { gatehouseHandlers } from './gatehouseHandlers'
import { mockAdmin, mockUser } from './mockUsers'

const basePath = 'http://app.test/api/auth'
const server = setupServer()
const actors = transportActors({ basePath })
const run = (logic: AnyActorLogic, input?: unknown) => toPromise(createActor(logic, { input }).start())
/** The proxy routes as the machine calls them. */
const transport = {
  session: () => run(actors.loadSession),
  signIn: (credentials: Credentials) => run(actors.signIn, credentials),
  refresh: async () => run(actors.refresh, { knownExpiresAt: (await run(actors.loadSession))?.expiresAt ?? null }),
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

describe('gatehouseHandlers', () => {
  it('reports the signed-in user with a future expiry, and nobody when signed out', async () => {
    server.use(...gatehouseHandlers('signedInAsAdmin', { basePath }))
    const signedIn = await transport.session()
    expect(signedIn?.user).toEqual(mockAdmin)
    expect(Date.parse(signedIn!.expiresAt)).toBeGreaterThan(Date.now())

    server.use(...gatehouseHandlers('signedOut', { basePath }))
    expect(await transport.session()).toBeNull()
  })

  it('signs the demo accounts in by email or username, and refuses a wrong password', async () => {
    server.use(...gatehouseHandlers('signedOut', { basePath }))
    const byEmail = await transport.signIn({ email: mockUser.email!, password: 'demo-password' })
    expect(byEmail?.user).toEqual(mockUser)
    const byUsername = await transport.signIn({ username: 'admin', password: 'admin-password' })
    expect(byUsername?.user).toEqual(mockAdmin)
    await expect(transport.signIn({ email: mockUser.email!, password: 'nope' })).rejects.toMatchObject({
      status: 401,
      error: { code: 'invalid_credentials' },
    })
    await expect(transport.signIn({ email: 'not-an-email', password: 'x' })).rejects.toMatchObject({
      status: 422,
      error: { fields: { email: [expect.any(String)] } },
    })
  })

  it('answers each failure scenario with the status and code the proxy routes use', async () => {
    server.use(...gatehouseHandlers('validationErrors', { basePath }))
    await expect(transport.signIn({ email: mockUser.email!, password: 'demo-password' })).rejects.toMatchObject({
      status: 422,
      error: { code: 'validation_failed' },
    })
    server.use(...gatehouseHandlers('backendDown', { basePath }))
    await expect(transport.refresh()).rejects.toMatchObject({ status: 502, error: { code: 'backend_unavailable' } })
    server.use(...gatehouseHandlers('refreshRejected', { basePath }))
    await expect(transport.refresh()).rejects.toMatchObject({ status: 401, error: { code: 'session_expired' } })
  })

  it('lets the caller say who is signed in, and how long every answer takes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    try {
      server.use(...gatehouseHandlers('backendDown', { basePath, held: null, slowMs: 50 }))
      let answered = false
      const session = transport.session().finally(() => (answered = true))
      await vi.advanceTimersByTimeAsync(49)
      expect(answered).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect(await session).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })
})
