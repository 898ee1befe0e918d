import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { restAdapter } from '../../src/server/backend/rest/restAdapter'
import { createGatehouse } from '../../src/server/createGatehouse'
import { authRequest, cookiesFrom } from '../authRequests'
import { startDemoBackendProcess } from '../backends/startDemoBackendProcess'

const SESSIONS = 5
const STALLS = 10
const ACCESS_TOKEN_SECONDS = 1
const TIMEOUT_MS = 300
const DEMO = { email: 'demo@example.com', password: 'demo-password' }

/**
 * The demo backend rotates refresh tokens and revokes the whole family when one comes back, as
 * RFC 9700 recommends. Stopped (SIGSTOP), it still accepts connections and queues the refresh
 * requests; resumed, it answers them all: a request that gave up before then must not cost the
 * session its tokens.
 */
describe('a backend that stalls for longer than timeoutMs, then answers what it queued', () => {
  let backend: Awaited<ReturnType<typeof startDemoBackendProcess>>
  beforeAll(async () => {
    backend = await startDemoBackendProcess({ accessTokenTtl: ACCESS_TOKEN_SECONDS })
  })
  afterAll(async () => {
    await backend?.stop()
  })

  it(`ends none of ${SESSIONS} sessions, stall after stall (${STALLS} of them)`, async () => {
    const gatehouseWaiting = (timeoutMs: number) =>
      createGatehouse({
        backend: restAdapter({ baseUrl: backend.url, timeoutMs }),
        secret: 'stalled-backend-secret-0123456789abcdef',
        secureCookies: false,
        logger: { warn: () => {}, error: console.error },
      })
    const gatehouse = gatehouseWaiting(TIMEOUT_MS)
    // The demo backend checks one email's passwords one after another (scrypt, tens of ms each):
    // five sign-ins at once can take longer than the stalls' short wait on a busy machine.
    const signingIn = gatehouseWaiting(10_000)
    const read = async (cookie: string) => {
      const response = await gatehouse.handle(authRequest('session', { cookie }))
      const body = (await response.json()) as { user?: { email?: string } | null; error?: { code: string } }
      return {
        status: response.status,
        signedIn: body.user?.email === DEMO.email,
        code: body.error?.code,
        cookie: cookiesFrom(response, cookie),
      }
    }
    let cookies = await Promise.all(
      Array.from({ length: SESSIONS }, async () => cookiesFrom(await signingIn.handle(authRequest('signIn', { body: DEMO })))),
    )
    // Per stall: the answers while it lasted (504, cookies left alone), then the sessions signed in after.
    const stalls: { timedOut: number; kept: number; survived: number }[] = []
    for (let stall = 0; stall < STALLS; stall += 1) {
      await sleep(ACCESS_TOKEN_SECONDS * 1_000 + 100)
      backend.pause()
      const during = await Promise.all(cookies.map(read))
      await sleep(TIMEOUT_MS)
      backend.resume()
      const after = await Promise.all(cookies.map(read))
      stalls.push({
        timedOut: during.filter((answer) => answer.status === 504 && answer.code === 'backend_timeout').length,
        kept: during.filter((answer, index) => answer.cookie === cookies[index]).length,
        survived: after.filter((answer) => answer.signedIn).length,
      })
      cookies = after.map((answer) => answer.cookie)
    }
    const survivors = stalls.map(({ survived }) => survived)
    console.log(`stalled ${STALLS} times for ${2 * TIMEOUT_MS} ms: sessions surviving each stall ${survivors.join(', ')} of ${SESSIONS}`)
    expect(stalls).toEqual(stalls.map(() => ({ timedOut: SESSIONS, kept: SESSIONS, survived: SESSIONS })))
  }, 60_000)
})
