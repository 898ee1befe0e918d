/**
 * The common ground of the in-process fake backends that the worked configs in
 * `examples/backends/` are tested against: a `fetch` function that records each call (with its
 * body, JSON or form, and Bearer token) and hands it to the shape's route, plus a ledger of live
 * tokens so the tests can see rotation and revocation.
 */
export interface FakeCall {
  method: string
  path: string
  bearer: string | undefined
  body: Record<string, unknown>
}

export type FakeRoute = (call: FakeCall) => Response

/** The person every fake knows, and what gatehouse must make of them whatever the shape. */
export const ADA = { username: 'ada', email: 'ada@example.com', password: 'correct-horse' }
export const ADA_USER = { id: '42', name: 'Ada Lovelace', email: 'ada@example.com', roles: ['staff'] }

export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** Access tokens live five minutes in every fake, so the tests share their times. */
export const ACCESS_TTL_SECONDS = 300

async function readBody(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type') ?? ''
  if (type === 'application/json') return (await request.json()) as Record<string, unknown>
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(await request.text()))
  return {}
}

export interface FakeTokenApiOptions {
  /** How tokens look; each gets a serial unique across fakes. Default `access-<serial>`, `refresh-<serial>`. */
  makeToken?: (kind: 'access' | 'refresh', serial: number) => string
  /** Holds every answer back this long on a real timer, as a network would. */
  answerDelayMs?: number
}

export function createFakeTokenApi(routes: Record<string, FakeRoute>, { makeToken = (kind, serial) => `${kind}-${serial}`, answerDelayMs = 0 }: FakeTokenApiOptions = {}) {
  const calls: FakeCall[] = []
  const liveAccessTokens = new Set<string>()
  const liveRefreshTokens = new Set<string>()
  // Tokens must be unique across fakes, as real ones are: refresh flights are shared process-wide.
  let serial = Math.floor(Math.random() * 1e9) * 1_000
  const issueAccess = () => {
    serial += 1
    const access = makeToken('access', serial)
    liveAccessTokens.add(access)
    return access
  }

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    const authorization = request.headers.get('authorization') ?? ''
    const call = {
      method: request.method,
      path: new URL(request.url).pathname,
      bearer: authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined,
      body: await readBody(request),
    }
    calls.push(call)
    if (answerDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, answerDelayMs))
    const route = routes[`${call.method} ${call.path}`]
    return route ? route(call) : json(404, { message: 'Not found.' })
  }

  return {
    fetch,
    calls,
    liveAccessTokens,
    liveRefreshTokens,
    /** A fresh pair of tokens, both live. */
    issue() {
      const access = issueAccess()
      const refresh = makeToken('refresh', serial)
      liveRefreshTokens.add(refresh)
      return { access, refresh }
    },
    issueAccess,
    /** A fresh refresh token alone, live. */
    issueRefresh() {
      serial += 1
      const refresh = makeToken('refresh', serial)
      liveRefreshTokens.add(refresh)
      return refresh
    },
    /** Whether a call carries a live access token. */
    authorized: (call: FakeCall) => call.bearer !== undefined && liveAccessTokens.has(call.bearer),
  }
}

/** An unsigned JWT: enough for gatehouse, which only reads the `exp` claim of the backend's tokens. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`
}
