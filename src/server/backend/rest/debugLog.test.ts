import type { BackendTokens } from '../BackendAdapter'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { listenDemoBackend } from '../../../../test/listenDemoBackend'
import { describeShape } from './describeShape'
import { restAdapter } from './restAdapter'

const DEMO = { identifier: 'demo@example.com', password: 'demo-password' }

let backend: Awaited<ReturnType<typeof listenDemoBackend>>
beforeAll(async () => {
  backend = await listenDemoBackend({ accessTokenTtl: 600, refreshTokenTtl: 3_600 })
})
afterAll(async () => {
  await backend?.stop()
})

describe('debug: every exchange with the backend, in the log', () => {
  it('says method, path, status, time, the fields sent and the answer’s shape, and never a token, password or value', async () => {
    const logger = { debug: vi.fn() }
    const adapter = restAdapter({ baseUrl: backend.url, debug: logger })
    const signedIn = (await adapter.signIn(DEMO)) as BackendTokens
    await adapter.profile(signedIn.accessToken)
    const refreshed = await adapter.refresh(signedIn.refreshToken!)
    await adapter.signOut({ accessToken: refreshed.accessToken, refreshToken: refreshed.refreshToken })
    await adapter.signIn({ ...DEMO, password: 'wrong-password' }).catch(() => {})
    const lines = logger.debug.mock.calls.map(([line]) => String(line))

    expect(lines).toHaveLength(5)
    expect(lines[0]).toMatch(
      /^\[gatehouse\] backend POST \/auth\/login → 200 in \d+ ms · sent email, password · answer \{data: \{token: string\(\d+\), token_expires_at: string\(24\), refresh_token: string\(\d+\), refresh_token_expires_at: string\(24\), user: \{/,
    )
    expect(lines[1]).toMatch(
      /^\[gatehouse\] backend GET \/auth\/profile → 200 in \d+ ms · sent a bearer token · answer \{data: \{id: string/,
    )
    expect(lines[2]).toMatch(/^\[gatehouse\] backend POST \/auth\/refresh → 200 in \d+ ms · sent refresh_token · answer /)
    expect(lines[3]).toMatch(/^\[gatehouse\] backend POST \/auth\/logout → 204 in \d+ ms · sent a bearer token, refresh_token · no body$/)
    expect(lines[4]).toMatch(
      /^\[gatehouse\] backend POST \/auth\/login → 401 in \d+ ms · sent email, password · answer \{message: string\(\d+\)\}$/,
    )
    const secrets = [
      DEMO.password,
      'wrong-password',
      DEMO.identifier,
      'Demo User',
      signedIn.accessToken,
      signedIn.refreshToken!,
      refreshed.accessToken,
      refreshed.refreshToken!,
    ]
    for (const line of lines) for (const secret of secrets) expect(line).not.toContain(secret)
  })

  it('says why a call failed, and how long it took', async () => {
    const logger = { debug: vi.fn() }
    const adapter = restAdapter({ baseUrl: 'http://127.0.0.1:1', debug: logger })
    await expect(adapter.signIn(DEMO)).rejects.toMatchObject({ code: 'backend_unavailable' })
    expect(logger.debug).toHaveBeenCalledExactlyOnceWith(
      expect.stringMatching(
        /^\[gatehouse\] backend POST \/auth\/login → failed \(backend_unavailable: .+\) after \d+ ms · sent email, password$/,
      ),
    )
  })

  it('logs nothing unless asked, and refuses a debug setting it cannot use', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {})
    try {
      await restAdapter({ baseUrl: backend.url }).signIn(DEMO)
      expect(debug).not.toHaveBeenCalled()
    } finally {
      debug.mockRestore()
    }
    expect(() => restAdapter({ baseUrl: backend.url, debug: 'yes' as unknown as boolean })).toThrow(
      'gatehouse: restAdapter option "debug" must be true, false or a logger with a debug method.',
    )
  })
})

describe('describeShape', () => {
  it('names every field with its type, arrays by length and first item, and stops at a depth and a width', () => {
    expect(describeShape({ a: 'secret', b: 1, c: true, d: null, e: [{ f: 'x' }], g: [] })).toBe(
      '{a: string(6), b: number, c: boolean, d: null, e: array(1) of {f: string(1)}, g: array(0)}',
    )
    expect(describeShape({ a: { b: { c: { d: { e: 1 } } } } })).toBe('{a: {b: {c: {d: {…}}}}}')
    const wide = Object.fromEntries(Array.from({ length: 25 }, (_, index) => [`k${index}`, index]))
    expect(describeShape(wide)).toMatch(/k19: number, … 5 more\}$/)
  })
})
