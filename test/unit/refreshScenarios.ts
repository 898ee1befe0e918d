// Run in a process of its own by refreshTerminates.test.ts, one scenario per process
// (`tsx refreshScenarios.ts <name>`): a refresh that starves the event loop would hang whatever
// runs it, so it runs where the test can kill it. Each prints one JSON line per step.
import { createGatehouse } from '../../src/server/createGatehouse'
import { createRefreshFlights } from '../../src/server/session/createRefreshFlights'
import { restAdapter } from '../../src/server/backend/rest/restAdapter'
import type { BackendAdapter } from '../../src/server/backend/BackendAdapter'
import { authRequest, cookiesFrom } from '../authRequests'
import { ADA, ADA_USER } from '../backends/createFakeTokenApi'
import { ACCESS_LIFETIME_SECONDS, fakeTokenServer } from '../backends/fakeTokenServer'

const LIFETIME_MS = ACCESS_LIFETIME_SECONDS * 1000
const clock = { now: Date.parse('2026-01-01T00:00:00Z') }
const now = () => clock.now
const report = (line: Record<string, unknown>) => console.log(JSON.stringify(line))
const gatehouseFor = (backend: BackendAdapter) =>
  createGatehouse({ backend, secret: 'refresh-scenario-secret-0123456789abcdefgh', now, logger: { warn: () => {}, error: () => {} } })

let ticks = 0
const watchdog = setInterval(() => (ticks += 1), 5)

/** Four access lifetimes, read alternately through the session and refresh routes; a timer must still fire after each. */
async function fourLifetimes(gatehouse: ReturnType<typeof gatehouseFor>, credentials: Record<string, string>) {
  let cookie = cookiesFrom(await gatehouse.handle(authRequest('signIn', { body: credentials })))
  for (const route of ['session', 'refresh', 'session', 'refresh']) {
    clock.now += LIFETIME_MS + 1_000
    const ticksBefore = ticks
    const response = await gatehouse.handle(authRequest(route, { cookie }))
    // The watchdog ticked while the request ran: the backend answers on a real timer, 20 ms later.
    const ticksDuring = ticks - ticksBefore
    // And a timer still fires once it has answered: nothing is left spinning.
    await new Promise((resolve) => setTimeout(resolve, 10))
    const body = (await response.json()) as { user?: { name?: string } | null }
    cookie = cookiesFrom(response, cookie)
    report({
      route,
      status: response.status,
      user: body.user?.name ?? null,
      ticksDuring,
      refreshCookie: /gatehouse\.refresh=/.test(cookie),
    })
  }
}

const scenarios: Record<string, () => Promise<void>> = {
  /** The same refresh token back on every refresh, answered after 20 ms on a real timer. */
  async echo() {
    const server = fakeTokenServer({ refresh: 'echo', now, answerDelayMs: 20 })
    await fourLifetimes(gatehouseFor(restAdapter({ ...server.options, baseUrl: 'http://backend.test', fetch: server.fetch, now })), {
      username: ADA.username,
      password: ADA.password,
    })
    report({ exchanges: server.stats.refreshes })
  },

  /** Two refresh tokens handed out in turn: A → B → A → B. */
  async cycle() {
    const instance = crypto.randomUUID()
    const [a, b] = [`cycle-a@${instance}`, `cycle-b@${instance}`]
    let exchanges = 0
    const tokens = (refreshToken: string) => ({
      accessToken: `access-${crypto.randomUUID()}`,
      accessTokenExpiresAt: now() + LIFETIME_MS,
      refreshToken,
      refreshTokenExpiresAt: now() + 86_400_000,
      user: ADA_USER,
    })
    const backend: BackendAdapter = {
      signIn: async () => tokens(a),
      refresh: async (refreshToken) => {
        exchanges += 1
        await new Promise((resolve) => setTimeout(resolve, 20))
        return tokens(refreshToken === a ? b : a)
      },
      profile: async () => ADA_USER,
      signOut: async () => {},
    }
    await fourLifetimes(gatehouseFor(backend), { email: ADA.email, password: ADA.password })
    report({ exchanges })
  },

  /** 5,000 rotations within one grace window; then the very first token is presented again. */
  async 'long-chain'() {
    const flights = createRefreshFlights({ graceMs: 60_000, waitMs: 10_000, now })
    const instance = crypto.randomUUID()
    let exchanges = 0
    const exchange = async (refreshToken: string) => {
      exchanges += 1
      const serial = Number(refreshToken.split('-')[1])
      return {
        tokens: {
          accessToken: `access-${serial}`,
          accessTokenExpiresAt: now() + LIFETIME_MS,
          refreshToken: `chain-${serial + 1}-${instance}`,
        },
        user: ADA_USER,
      }
    }
    const first = `chain-0-${instance}`
    let held = first
    for (let link = 0; link < 5_000; link += 1) {
      clock.now += LIFETIME_MS + 1
      held = (await flights.run({ refreshToken: held, expiresAt: now() + 86_400_000 }, exchange))!.tokens.refreshToken
    }
    const late = await flights.run({ refreshToken: first, expiresAt: now() + 86_400_000 }, exchange)
    report({ newest: late?.tokens.refreshToken === held, exchanges })
  },
}

await scenarios[process.argv[2] ?? '']!()
clearInterval(watchdog)
