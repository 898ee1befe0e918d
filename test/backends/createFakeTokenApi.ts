/**
 * The one framework of the in-process fake backends the tests run against: the seed contract's
 * (`test/fakeBackend.ts`), the worked configs' shapes in `examples/backends/`, and the token
 * servers of the field. A `fetch` function records each call (with its body, JSON or form, and
 * Bearer token) and hands it to the shape's route; a ledger of live tokens lets the tests see
 * rotation and revocation; `state.mode` switches on the ways real backends fail.
 */
export interface FakeCall {
  method: string
  path: string
  bearer: string | undefined
  body: Record<string, unknown>
  /** The URL's query, as a GET's fields come; absent without one. */
  query?: URLSearchParams
}

export type FakeRoute = (call: FakeCall) => Response

/** The person every fake knows, and what gatehouse must make of them whatever the shape. */
export const ADA = { username: 'ada', email: 'ada@example.com', password: 'correct-horse' }
export const ADA_USER = { id: '42', name: 'Ada Lovelace', email: 'ada@example.com', roles: ['staff'] }

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** Access tokens live five minutes in every fake, so the tests share their times. */
export const ACCESS_TTL_SECONDS = 300

async function readBody(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type') ?? ''
  if (type === 'application/json') return (await request.json()) as Record<string, unknown>
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(await request.text()))
  return {}
}

/** The ways a real backend fails, besides answering: `ok` answers by the routes. */
export type FakeBackendMode = 'ok' | 'down' | 'hang' | 'garbage' | 'html' | 'empty' | 'text' | 'gigantic'

/** What a backend in each failure mode does instead of answering by its routes. */
function failing(mode: FakeBackendMode, request: Request): Promise<Response> | Response | undefined {
  if (mode === 'down') throw new TypeError('fetch failed')
  if (mode === 'hang') return new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)))
  if (mode === 'garbage') return new Response('{"data": {"token": ', { status: 200 })
  if (mode === 'html')
    return new Response('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } })
  if (mode === 'empty') return new Response(null, { status: 200 })
  if (mode === 'text') return new Response('OK', { status: 200, headers: { 'content-type': 'text/plain' } })
  if (mode === 'gigantic') return json(200, { data: { token: 'x'.repeat(2_000_000) } })
  return undefined
}

export interface FakeTokenApiOptions {
  /** How tokens look; each gets a serial unique across fakes. Default `access-<serial>`, `refresh-<serial>`. */
  makeToken?: (kind: 'access' | 'refresh', serial: number) => string
  /** Holds every answer back this long on a real timer, as a network would. */
  answerDelayMs?: number
}

export function createFakeTokenApi(
  routes: Record<string, FakeRoute>,
  { makeToken = (kind, serial) => `${kind}-${serial}`, answerDelayMs = 0 }: FakeTokenApiOptions = {},
) {
  const calls: FakeCall[] = []
  const state = { mode: 'ok' as FakeBackendMode }
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
      query: new URL(request.url).search ? new URL(request.url).searchParams : undefined,
    }
    calls.push(call)
    if (answerDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, answerDelayMs))
    const failure = failing(state.mode, request)
    if (failure) return failure
    const route = routes[`${call.method} ${call.path}`]
    return route ? route(call) : json(404, { message: 'Not found.' })
  }

  return {
    fetch,
    calls,
    state,
    /** Each call as `METHOD /path`, in order. */
    lines: () => calls.map((call) => `${call.method} ${call.path}`),
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
