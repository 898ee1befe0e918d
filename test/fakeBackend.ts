import { json } from './backends/createFakeTokenApi'

/**
 * An in-process backend speaking the seed's REST contract, as a `fetch` function, with switches
 * for the ways real backends fail.
 */
export type FakeBackendMode = 'ok' | 'down' | 'hang' | 'garbage' | 'html' | 'empty' | 'text' | 'gigantic'

/** Any token this backend hands out. */
export const FAKE_TOKEN = /access-\d|refresh-\d/
const USER = { id: 7, name: 'Demo User', email: 'demo@example.com', role: 'user', internal_notes: 'not for the cookie' }

/** `tokenPadding` lengthens every access token, as backends that pack claims into JWTs do. */
export function createFakeBackend({ accessTtlMs = 60_000, refreshTtlMs = 3_600_000, now = Date.now, tokenPadding = 0 } = {}) {
  let counter = 0
  // Real refresh tokens are unique across backends; so are these, since flights are shared process-wide.
  const instance = crypto.randomUUID().slice(0, 8)
  const liveRefreshTokens = new Set<string>()
  const calls: string[] = []
  const state = { mode: 'ok' as FakeBackendMode }

  const issue = () => {
    counter += 1
    const refreshToken = `refresh-${counter}@${instance}`
    liveRefreshTokens.add(refreshToken)
    return json(200, {
      data: {
        token: `access-${counter}@${instance}${'x'.repeat(tokenPadding)}`,
        token_expires_at: new Date(now() + accessTtlMs).toISOString(),
        refresh_token: refreshToken,
        refresh_token_expires_at: new Date(now() + refreshTtlMs).toISOString(),
        user: USER,
      },
    })
  }

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    const path = new URL(request.url).pathname
    calls.push(`${request.method} ${path}`)
    if (state.mode === 'down') throw new TypeError('fetch failed')
    if (state.mode === 'hang') {
      return new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)))
    }
    if (state.mode === 'garbage') return new Response('{"data": {"token": ', { status: 200 })
    if (state.mode === 'html') return new Response('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } })
    if (state.mode === 'empty') return new Response(null, { status: 200 })
    if (state.mode === 'text') return new Response('OK', { status: 200, headers: { 'content-type': 'text/plain' } })
    if (state.mode === 'gigantic') return json(200, { data: { token: 'x'.repeat(2_000_000) } })
    const body = request.method === 'POST' && request.headers.get('content-type') === 'application/json' ? await request.json() : {}
    switch (`${request.method} ${path}`) {
      case 'POST /auth/login':
        if (!String(body.email).includes('@')) return json(422, { message: 'The given data was invalid.', data: { email: ['The email must be a valid email address.'] } })
        if (body.email !== 'demo@example.com' || body.password !== 'demo-password') return json(401, { message: 'These credentials do not match our records.' })
        return issue()
      case 'POST /auth/refresh':
        if (!liveRefreshTokens.delete(body.refresh_token)) return json(401, { message: 'Invalid refresh token.' })
        return issue()
      case 'GET /auth/profile':
        return json(200, { data: USER })
      case 'POST /auth/logout':
        return new Response(null, { status: 204 })
      default:
        return json(404, { message: 'Not found.' })
    }
  }
  return { fetch, calls, state, liveRefreshTokens }
}
