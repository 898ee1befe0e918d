import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createBackendProxy } from '../../src/server/proxy/createBackendProxy'
import { createGatehouse } from '../../src/server/createGatehouse'
import type { BackendAdapter } from '../../src/server/backend/BackendAdapter'
import { authRequest, cookiesFrom, ORIGIN } from '../authRequests'
import { FAKE_TOKEN, type FakeBackendMode } from '../fakeBackend'
import { createTestGatehouse, DEMO, SECRET } from '../gatehouseFixture'

describe('tokens never reach a body the browser reads, by default', () => {
  it('sign-in, session read, refresh and sign-out bodies carry no token', async () => {
    const { gatehouse, clock } = createTestGatehouse()
    const signInAnswer = await gatehouse.handle(authRequest('signIn', { body: DEMO }))
    let cookie = cookiesFrom(signInAnswer)
    const bodies = [await signInAnswer.text()]
    clock.now += 61_000
    for (const route of ['session', 'refresh', 'signOut']) {
      const response = await gatehouse.handle(authRequest(route, { cookie }))
      bodies.push(await response.text())
      cookie = cookiesFrom(response, cookie)
    }
    expect(bodies.join('\n')).not.toMatch(FAKE_TOKEN)
    expect(await createTestGatehouse().gatehouse.readSession(cookie)).toBeNull()
  })

  it('with exposeAccessToken: true, session bodies and readSession carry the access token, never the refresh token', async () => {
    const { gatehouse, clock } = createTestGatehouse({ exposeAccessToken: true })
    const signInAnswer = await gatehouse.handle(authRequest('signIn', { body: DEMO }))
    const signedIn = await signInAnswer.json()
    expect(signedIn.accessToken).toMatch(/^access-1@/)
    const cookie = cookiesFrom(signInAnswer)
    expect((await gatehouse.readSession(cookie))?.accessToken).toBe(signedIn.accessToken)
    clock.now += 61_000
    const refreshed = await (await gatehouse.handle(authRequest('session', { cookie }))).text()
    expect(JSON.parse(refreshed).accessToken).toMatch(/^access-2@/)
    expect(refreshed).not.toMatch(/refresh-\d/)
  })
})

describe('tokens never reach the logs', () => {
  const output: string[] = []
  beforeEach(() => {
    output.length = 0
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation(
        (...args: unknown[]) =>
          void output.push(args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : String(arg))).join(' ')),
      )
    }
  })
  afterEach(() => vi.restoreAllMocks())

  it('through every failure path of the auth routes and the backend proxy', async () => {
    const modes: FakeBackendMode[] = ['down', 'hang', 'garbage', 'html', 'empty', 'text', 'gigantic']
    const { gatehouse, backend, signIn, clock } = createTestGatehouse({ timeoutMs: 20, logger: console })
    const proxy = createBackendProxy(gatehouse, { allow: ['/auth/profile'], fetch: backend.fetch, timeoutMs: 20 })
    const cookie = await signIn()
    clock.now += 61_000
    for (const mode of modes) {
      backend.state.mode = mode
      for (const route of ['signIn', 'session', 'refresh', 'signOut'])
        await gatehouse.handle(authRequest(route, { body: route === 'signIn' ? DEMO : undefined, cookie }))
      await proxy(new Request(`${ORIGIN}/api/backend/auth/profile`, { headers: { cookie, 'x-gatehouse-client': '1' } }))
    }
    backend.state.mode = 'ok'
    backend.liveRefreshTokens.clear()
    await gatehouse.handle(authRequest('refresh', { cookie }))
    await gatehouse.handle(authRequest('session', { cookie: cookie.replace(/session=v1\.../, 'session=v1.AA') }))
    expect(output.length).toBeGreaterThan(0)
    expect(output.join('\n')).not.toMatch(FAKE_TOKEN)
  })

  it('when an adapter throws an error that quotes the token', async () => {
    const leaky: BackendAdapter = {
      signIn: async () => ({
        accessToken: 'access-9-secret',
        accessTokenExpiresAt: Date.now() + 60_000,
        refreshToken: 'refresh-9-secret',
        user: { id: '1', roles: [] },
      }),
      refresh: async (token) => {
        throw new Error(`could not refresh ${token}`)
      },
      profile: async (token) => {
        throw new Error(`bad token ${token}`)
      },
      signOut: async ({ accessToken }) => {
        throw new Error(`sign-out failed for ${accessToken}`)
      },
    }
    const gatehouse = createGatehouse({ backend: leaky, secret: SECRET, secureCookies: false })
    const cookie = cookiesFrom(await gatehouse.handle(authRequest('signIn', { body: DEMO })))
    for (const route of ['refresh', 'signOut']) {
      const response = await gatehouse.handle(authRequest(route, { cookie }))
      expect(await response.text()).not.toMatch(/secret/)
    }
    expect(output.length).toBeGreaterThan(0)
    expect(output.join('\n')).not.toMatch(/-secret/)
  })
})
