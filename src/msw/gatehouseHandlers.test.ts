import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createTransport } from '../core/createTransport'
import { gatehouseHandlers } from './gatehouseHandlers'
import { mockAdmin, mockUser } from './mockUsers'

const basePath = 'http://app.test/api/auth'
const server = setupServer()
const transport = createTransport({ basePath })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

describe('gatehouseHandlers', () => {
  it('reports the signed-in user with a future expiry, and nobody when signed out', async () => {
    server.use(...gatehouseHandlers('signedInAsAdmin', { basePath }))
    const signedIn = await transport.session()
    expect(signedIn.ok && signedIn.session?.user).toEqual(mockAdmin)
    expect(signedIn.ok && Date.parse(signedIn.session!.expiresAt)).toBeGreaterThan(Date.now())

    server.use(...gatehouseHandlers('signedOut', { basePath }))
    expect(await transport.session()).toEqual({ ok: true, session: null })
  })

  it('signs the demo accounts in by email or username, and refuses a wrong password', async () => {
    server.use(...gatehouseHandlers('signedOut', { basePath }))
    const byEmail = await transport.login({ email: mockUser.email!, password: 'demo-password' })
    expect(byEmail.ok && byEmail.session?.user).toEqual(mockUser)
    const byUsername = await transport.login({ username: 'admin', password: 'admin-password' })
    expect(byUsername.ok && byUsername.session?.user).toEqual(mockAdmin)
    expect(await transport.login({ email: mockUser.email!, password: 'nope' })).toMatchObject({ ok: false, status: 401, error: { code: 'invalid_credentials' } })
    expect(await transport.login({ email: 'not-an-email', password: 'x' })).toMatchObject({ ok: false, status: 422, error: { fields: { email: [expect.any(String)] } } })
  })

  it('answers each failure scenario with the status and code the proxy routes use', async () => {
    server.use(...gatehouseHandlers('validationErrors', { basePath }))
    expect(await transport.login({ email: mockUser.email!, password: 'demo-password' })).toMatchObject({ status: 422, error: { code: 'validation_failed' } })
    server.use(...gatehouseHandlers('backendDown', { basePath }))
    expect(await transport.refresh()).toMatchObject({ status: 502, error: { code: 'backend_unavailable' } })
    server.use(...gatehouseHandlers('refreshRejected', { basePath }))
    expect(await transport.refresh()).toMatchObject({ status: 401, error: { code: 'session_expired' } })
  })

  it('lets the caller say who is signed in, and how long every answer takes', async () => {
    server.use(...gatehouseHandlers('backendDown', { basePath, user: null, slowMs: 50 }))
    const started = Date.now()
    expect(await transport.session()).toEqual({ ok: true, session: null })
    expect(Date.now() - started).toBeGreaterThanOrEqual(45)
  })
})
