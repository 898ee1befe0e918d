import type { AddressInfo } from 'node:net'
import { SignJWT, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDemoBackend, type DemoBackend } from './createDemoBackend'

const SECRET = 'test-secret-that-is-at-least-32-bytes-long'
const ACCESS_TTL = 900
const REFRESH_TTL = 3600

// Only ever moves forward, so tests that age tokens cannot disturb the ones after them.
// Not on a whole second, so an expiry rounded to one would show.
let clock = Date.parse('2030-01-01T00:00:00.700Z')
let backend: DemoBackend
let baseUrl: string

interface Session {
  token: string
  token_expires_at: string
  refresh_token: string
  refresh_token_expires_at: string
  user: { id: string; name: string; email: string; role: string }
}

beforeAll(async () => {
  backend = createDemoBackend({
    accessTokenTtl: ACCESS_TTL,
    refreshTokenTtl: REFRESH_TTL,
    jwtSecret: SECRET,
    now: () => clock,
  })
  await new Promise<void>((resolve) => backend.server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(backend.server.address() as AddressInfo).port}`
})

afterAll(async () => {
  backend.server.closeAllConnections()
  await new Promise<void>((resolve, reject) => backend.server.close((error) => (error ? reject(error) : resolve())))
})

function post(path: string, body: unknown): Promise<Response> {
  return fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

function withBearer(method: string, path: string, token: string): Promise<Response> {
  return fetch(baseUrl + path, { method, headers: { authorization: `Bearer ${token}` } })
}

async function login(email = 'demo@example.com', password = 'demo-password'): Promise<Session> {
  const response = await post('/auth/login', { email, password })
  expect(response.status).toBe(200)
  return ((await response.json()) as { data: Session }).data
}

async function refresh(refreshToken: string): Promise<Response> {
  return post('/auth/refresh', { refresh_token: refreshToken })
}

async function refreshed(refreshToken: string): Promise<Session> {
  const response = await refresh(refreshToken)
  expect(response.status).toBe(200)
  return ((await response.json()) as { data: Session }).data
}

describe('POST /auth/login', () => {
  it('returns tokens and the user, with an HS256 JWT carrying sub, sid, iat and exp from the injected clock', async () => {
    const response = await post('/auth/login', { email: 'demo@example.com', password: 'demo-password' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    const { data } = (await response.json()) as { data: Session }

    expect(data.user).toEqual({ id: '1', name: 'Demo User', email: 'demo@example.com', role: 'user' })
    expect(data.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(data.refresh_token_expires_at).toBe(new Date(clock + REFRESH_TTL * 1000).toISOString())

    expect(decodeProtectedHeader(data.token).alg).toBe('HS256')
    const claims = decodeJwt(data.token)
    const issuedAt = Math.floor(clock / 1000)
    expect(claims.sub).toBe('1')
    expect(claims.sid).toEqual(expect.any(String))
    expect(claims.iat).toBe(issuedAt)
    expect(claims.exp).toBe((clock + ACCESS_TTL * 1000) / 1000)
    expect(data.token_expires_at).toBe(new Date(clock + ACCESS_TTL * 1000).toISOString())
    await expect(jwtVerify(data.token, new TextEncoder().encode(SECRET), { currentDate: new Date(clock) })).resolves.toBeTruthy()
  })

  it('logs in the admin user', async () => {
    const session = await login('admin@example.com', 'admin-password')
    expect(session.user).toEqual({ id: '2', name: 'Admin User', email: 'admin@example.com', role: 'admin' })
  })

  it('answers 401 for a wrong password or an unknown email', async () => {
    for (const body of [
      { email: 'demo@example.com', password: 'wrong-password' },
      { email: 'nobody@example.com', password: 'demo-password' },
    ]) {
      const response = await post('/auth/login', body)
      expect(response.status).toBe(401)
      expect(await response.json()).toEqual({ message: 'These credentials do not match our records.' })
    }
  })

  it('answers 422 with only the failing fields', async () => {
    const cases: Array<[unknown, Record<string, string[]>]> = [
      [{ email: '', password: 'demo-password' }, { email: ['The email field is required.'] }],
      [{ email: 'not-an-email', password: 'demo-password' }, { email: ['The email field must be a valid email address.'] }],
      [{ email: 'demo@example.com' }, { password: ['The password field is required.'] }],
      [{}, { email: ['The email field is required.'], password: ['The password field is required.'] }],
    ]
    for (const [body, fields] of cases) {
      const response = await post('/auth/login', body)
      expect(response.status).toBe(422)
      expect(await response.json()).toEqual({ message: 'The given data was invalid.', data: fields })
    }
  })

  it('answers 400 for a malformed JSON body', async () => {
    const response = await post('/auth/login', '{"email": ')
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ message: expect.any(String) })
  })

  it('answers 413 for a body over 16 KiB', async () => {
    const response = await post('/auth/login', JSON.stringify({ email: 'x'.repeat(17 * 1024), password: 'p' }))
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({ message: expect.any(String) })
  })
})

describe('GET /auth/profile', () => {
  it('returns the user for a valid token', async () => {
    const session = await login()
    const response = await withBearer('GET', '/auth/profile', session.token)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ data: session.user })
  })

  it('answers 401 without a token, with a garbage token or with a token signed by another secret', async () => {
    const forged = await new SignJWT({ sid: 'whatever' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('1')
      .setIssuedAt(Math.floor(clock / 1000))
      .setExpirationTime(Math.floor(clock / 1000) + 60)
      .sign(new TextEncoder().encode('another-secret-that-is-32-bytes-long!!'))

    const responses = [
      await fetch(`${baseUrl}/auth/profile`),
      await withBearer('GET', '/auth/profile', 'not-a-jwt'),
      await withBearer('GET', '/auth/profile', forged),
    ]
    for (const response of responses) {
      expect(response.status).toBe(401)
      expect(await response.json()).toEqual({ message: expect.any(String) })
    }
  })

  it('answers 401 once the access token has expired on the backend clock', async () => {
    const session = await login()
    clock += (ACCESS_TTL + 1) * 1000
    expect((await withBearer('GET', '/auth/profile', session.token)).status).toBe(401)
    // The refresh token outlives the access token, which is the whole point of refreshing.
    const next = await refreshed(session.refresh_token)
    expect((await withBearer('GET', '/auth/profile', next.token)).status).toBe(200)
  })
})

describe('POST /auth/refresh', () => {
  it('rotates the refresh token and issues a new access token in the same family', async () => {
    const first = await login()
    const second = await refreshed(first.refresh_token)

    expect(second.refresh_token).not.toBe(first.refresh_token)
    expect(second.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(second.token).not.toBe(first.token)
    expect(second.user).toEqual(first.user)
    expect(decodeJwt(second.token).sid).toBe(decodeJwt(first.token).sid)
    expect((await withBearer('GET', '/auth/profile', second.token)).status).toBe(200)
  })

  it('revokes the whole family when a used refresh token is presented again', async () => {
    const first = await login()
    const second = await refreshed(first.refresh_token)

    const replay = await refresh(first.refresh_token)
    expect(replay.status).toBe(401)
    expect(await replay.json()).toEqual({ message: expect.any(String) })

    expect((await refresh(second.refresh_token)).status).toBe(401)
    expect((await withBearer('GET', '/auth/profile', second.token)).status).toBe(401)
    expect((await withBearer('GET', '/auth/profile', first.token)).status).toBe(401)
  })

  it('leaves other families alone when one is revoked for reuse', async () => {
    const bystander = await login()
    const victim = await login()
    await refreshed(victim.refresh_token)
    expect((await refresh(victim.refresh_token)).status).toBe(401)
    expect((await withBearer('GET', '/auth/profile', bystander.token)).status).toBe(200)
  })

  it('answers 401 for an unknown or expired refresh token', async () => {
    expect((await refresh('no-such-token')).status).toBe(401)
    const session = await login()
    clock += (REFRESH_TTL + 1) * 1000
    expect((await refresh(session.refresh_token)).status).toBe(401)
  })

  it('answers 422 when refresh_token is missing', async () => {
    const response = await post('/auth/refresh', {})
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({
      message: 'The given data was invalid.',
      data: { refresh_token: ['The refresh token field is required.'] },
    })
  })
})

describe('POST /auth/logout', () => {
  it('answers 204 and revokes the session', async () => {
    const session = await login()
    const response = await withBearer('POST', '/auth/logout', session.token)
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
    expect((await withBearer('GET', '/auth/profile', session.token)).status).toBe(401)
    expect((await refresh(session.refresh_token)).status).toBe(401)
  })

  it('answers 401 for an invalid token', async () => {
    expect((await withBearer('POST', '/auth/logout', 'not-a-jwt')).status).toBe(401)
  })
})

describe('backend controls', () => {
  it('revokeAll() ends every existing session but not later ones', async () => {
    const a = await login()
    const b = await login('admin@example.com', 'admin-password')
    backend.revokeAll()
    expect((await withBearer('GET', '/auth/profile', a.token)).status).toBe(401)
    expect((await withBearer('GET', '/auth/profile', b.token)).status).toBe(401)
    expect((await refresh(a.refresh_token)).status).toBe(401)
    const fresh = await login()
    expect((await withBearer('GET', '/auth/profile', fresh.token)).status).toBe(200)
  })

  it('counts only successful calls in stats', async () => {
    const before = { ...backend.stats }
    const session = await login()
    await post('/auth/login', { email: 'demo@example.com', password: 'wrong-password' })
    const next = await refreshed(session.refresh_token)
    await refresh('no-such-token')
    await withBearer('GET', '/auth/profile', next.token)
    await withBearer('GET', '/auth/profile', 'not-a-jwt')
    await withBearer('POST', '/auth/logout', next.token)
    expect(backend.stats).toEqual({
      ...before,
      logins: before.logins + 1,
      refreshes: before.refreshes + 1,
      profiles: before.profiles + 1,
      logouts: before.logouts + 1,
    })
  })
})

describe('routing', () => {
  it('answers 404 for an unknown path', async () => {
    const response = await fetch(`${baseUrl}/nope`)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({ message: 'Not found.' })
  })

  it('answers 405 for a wrong method on a known path', async () => {
    const response = await fetch(`${baseUrl}/auth/login`)
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    expect(await response.json()).toEqual({ message: expect.any(String) })
  })
})
