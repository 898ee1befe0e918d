import { describe, expect, it, vi } from 'vitest'
import { createTestGatehouse, DEMO } from '../../../test/gatehouseFixture'
import { createGatehouse } from '../createGatehouse'
import { resolvePublicOrigin } from './resolvePublicOrigin'
import { restAdapter } from '../backend/rest/restAdapter'

// Under `next start`, request.url is http://localhost:<port> whatever the browser asked for;
// only its scheme follows X-Forwarded-Proto.
const NEXT_START_URL = 'http://localhost:3000/api/auth/sign-in'

const request = (headers: Record<string, string>, url = NEXT_START_URL) => new Request(url, { method: 'POST', headers })

describe('resolvePublicOrigin', () => {
  it("is the Host the browser sent, with the request's scheme: never request.url's localhost", () => {
    const origin = resolvePublicOrigin({}, {})
    expect(origin(request({ host: '127.0.0.1:3000' }))).toBe('http://127.0.0.1:3000')
    expect(origin(request({ host: 'App.Example.com' }, 'https://localhost:3000/api/auth/sign-in'))).toBe('https://app.example.com')
    expect(origin(request({ host: 'app.example.com:443' }, 'https://localhost:3000/'))).toBe('https://app.example.com')
    expect(origin(request({ host: '[::1]:3000' }))).toBe('http://[::1]:3000')
    expect(origin(request({ host: 'my_app:3000' }))).toBe('http://my_app:3000')
  })

  it('falls back to request.url only for a request with no Host header at all (one built in code)', () => {
    expect(resolvePublicOrigin({}, {})(request({}))).toBe('http://localhost:3000')
  })

  it('ignores X-Forwarded-* unless told to trust the proxy', () => {
    const spoofed = request({ host: 'app.example.com', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' })
    expect(resolvePublicOrigin({}, {})(spoofed)).toBe('http://app.example.com')
    const proxied = request({
      host: '127.0.0.1:3000',
      'x-forwarded-host': 'app.example.com, proxy.internal',
      'x-forwarded-proto': 'HTTPS,http',
    })
    expect(resolvePublicOrigin({ trustHost: true }, {})(proxied)).toBe('https://app.example.com')
    expect(resolvePublicOrigin({}, { AUTH_TRUST_HOST: 'true' })(proxied)).toBe('https://app.example.com')
    expect(resolvePublicOrigin({}, { AUTH_TRUST_HOST: '1' })(proxied)).toBe('https://app.example.com')
    expect(resolvePublicOrigin({ trustHost: false }, { AUTH_TRUST_HOST: 'true' })(proxied)).toBe('http://127.0.0.1:3000')
  })

  it('is the configured URL alone when there is one, whatever the headers say', () => {
    const origin = resolvePublicOrigin({}, { AUTH_URL: 'https://app.example.com/some/path', AUTH_TRUST_HOST: 'true' })
    expect(origin(request({ host: 'evil.example', 'x-forwarded-host': 'evil.example' }))).toBe('https://app.example.com')
    expect(resolvePublicOrigin({ url: 'http://127.0.0.1:8080' }, { AUTH_URL: 'https://ignored.example' })(request({}))).toBe(
      'http://127.0.0.1:8080',
    )
  })

  it.each(['evil.example/path', 'user@evil.example', 'app.example.com:99999', 'a b', 'app.example.com?x', ''])(
    'knows no origin for a malformed Host %j',
    (host) => {
      expect(resolvePublicOrigin({}, {})(request({ host }))).toBeNull()
      expect(resolvePublicOrigin({ trustHost: true }, {})(request({ host: 'app.example.com', 'x-forwarded-host': host || ' ' }))).toBe(
        host ? null : 'http://app.example.com',
      )
    },
  )

  it.each([
    [{ AUTH_URL: 'app.example.com' }, /AUTH_URL must be the app's public address as an absolute http\(s\) URL.*"app.example.com"/],
    [{ AUTH_URL: 'ftp://app.example.com' }, /AUTH_URL must be/],
    [{ AUTH_URL: 'https://user:pass@app.example.com' }, /AUTH_URL must be/],
    [{ AUTH_TRUST_HOST: 'yes' }, /AUTH_TRUST_HOST must be "true" or "false"; it is "yes"/],
  ])('stops at start-up on a malformed setting, naming it: %j', (env, message) => {
    expect(() => resolvePublicOrigin({}, env)).toThrow(message)
  })

  it('names the `url` option when that is the malformed one', () => {
    expect(() =>
      createGatehouse({ backend: restAdapter({ baseUrl: 'http://backend.test' }), secret: 'x'.repeat(32), url: 'not a url' }),
    ).toThrow(/the `url` option must be/)
  })
})

describe('signing in at any hostname, as `next start` sees the request', () => {
  const signIn = (gatehouse: ReturnType<typeof createTestGatehouse>['gatehouse'], headers: Record<string, string>, url = NEXT_START_URL) =>
    gatehouse.handle(
      new Request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-gatehouse-client': '1', ...headers },
        body: JSON.stringify(DEMO),
      }),
    )

  it('signs in at http://127.0.0.1:3000', async () => {
    const { gatehouse } = createTestGatehouse()
    expect((await signIn(gatehouse, { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' })).status).toBe(200)
  })

  it('signs in behind a TLS proxy that keeps Host and says X-Forwarded-Proto', async () => {
    const { gatehouse } = createTestGatehouse()
    const response = await signIn(
      gatehouse,
      { host: 'app.example.com', origin: 'https://app.example.com' },
      'https://localhost:3000/api/auth/sign-in',
    )
    expect(response.status).toBe(200)
  })

  it('signs in behind a proxy that rewrites Host, with trustHost', async () => {
    const headers = {
      host: '127.0.0.1:3000',
      'x-forwarded-host': 'app.example.com',
      'x-forwarded-proto': 'https',
      origin: 'https://app.example.com',
    }
    expect((await signIn(createTestGatehouse({ trustHost: true }).gatehouse, headers)).status).toBe(200)
    // Without it, the forwarded headers are anyone's to write: refused.
    expect((await signIn(createTestGatehouse().gatehouse, headers)).status).toBe(403)
  })

  it('with AUTH_URL, accepts that origin alone', async () => {
    vi.stubEnv('AUTH_URL', 'https://app.example.com')
    try {
      const { gatehouse, backend } = createTestGatehouse()
      expect((await signIn(gatehouse, { host: '10.0.0.5:3000', origin: 'https://app.example.com' })).status).toBe(200)
      backend.calls.length = 0
      const forged = await signIn(gatehouse, { host: 'evil.example', origin: 'https://evil.example' })
      expect(forged.status).toBe(403)
      expect((await forged.json()).error.code).toBe('csrf_rejected')
      expect(backend.lines()).toEqual([])
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('sends a plain form back to the page it came from on that host, with a relative Location', async () => {
    const { gatehouse } = createTestGatehouse()
    const response = await gatehouse.handle(
      new Request(NEXT_START_URL, {
        method: 'POST',
        headers: {
          host: '127.0.0.1:3000',
          origin: 'http://127.0.0.1:3000',
          referer: 'http://127.0.0.1:3000/login?next=%2Fadmin',
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
        },
        body: 'email=demo%40example.com&password=wrong',
      }),
    )
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/login?next=%2Fadmin&error=invalid_credentials')
  })
})
