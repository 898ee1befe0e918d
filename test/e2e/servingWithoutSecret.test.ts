import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listenDemoBackend } from '../listenDemoBackend'
import { serveBuiltApp } from './appProcess'

// The global setup builds the example through `npm start`'s own script, which builds without
// AUTH_SECRET as a container or CI build would: these tests serve that build.
describe('the built example served in production without AUTH_SECRET', () => {
  let backend: Awaited<ReturnType<typeof listenDemoBackend>>
  let app: Awaited<ReturnType<typeof serveBuiltApp>>

  beforeAll(async () => {
    backend = await listenDemoBackend({ accessTokenTtl: 60, refreshTokenTtl: 3_600 })
    app = await serveBuiltApp(backend.url, { env: { AUTH_SECRET: undefined } })
  })
  afterAll(async () => {
    app?.stop()
    await backend?.stop()
  })

  it('refuses to serve sessions: a stable code for the browser, what is missing in the log', async () => {
    const session = await fetch(`${app.baseURL}/api/auth/session`)
    expect(session.status).toBe(500)
    expect(await session.json()).toEqual({ error: { code: 'server_misconfigured', message: expect.not.stringMatching(/secret|AUTH_/i) } })

    const signIn = await fetch(`${app.baseURL}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.baseURL, 'x-gatehouse-client': '1' },
      body: JSON.stringify({ email: 'demo@example.com', password: 'demo-password' }),
    })
    expect(signIn.status).toBe(500)
    expect(signIn.headers.getSetCookie()).toEqual([])
    expect(backend.demo.stats.logins).toBe(0)
    expect(app.log()).toMatch(/\[gatehouse\] cannot serve sessions: AUTH_SECRET is not set/)
  })
})
