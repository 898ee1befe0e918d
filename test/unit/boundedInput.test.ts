import { describe, expect, it } from 'vitest'
import { authRequest } from '../authRequests'
import type { FakeBackendMode } from '../fakeBackend'
import { createTestGatehouse, DEMO } from '../gatehouseFixture'

const long = (length: number) => 'x'.repeat(length)
const noStackTrace = (text: string) => expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node:internal|stack/i)

describe('bounded input: refused before the backend is called, cookies left as they were', () => {
  it.each<[string, { body?: unknown; headers?: Record<string, string> }, number, string]>([
    ['a body over 16 KiB', { body: { ...DEMO, password: long(20_000) } }, 413, 'payload_too_large'],
    ['a Content-Length over the limit', { body: DEMO, headers: { 'content-length': '999999' } }, 413, 'payload_too_large'],
    ['text/plain', { body: 'hi', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type'],
    ['multipart/form-data', { body: 'x', headers: { 'content-type': 'multipart/form-data; boundary=x' } }, 415, 'unsupported_media_type'],
    ['application/jsonx', { body: '{}', headers: { 'content-type': 'application/jsonx' } }, 415, 'unsupported_media_type'],
    ['no content type', { body: '{}', headers: { 'content-type': '' } }, 415, 'unsupported_media_type'],
    ['malformed JSON', { body: '{"email":' }, 400, 'invalid_json'],
    ['an empty JSON body', { body: '' }, 400, 'invalid_json'],
    ['a JSON array', { body: '[1]' }, 400, 'invalid_body'],
    ['JSON null', { body: 'null' }, 400, 'invalid_body'],
    ['a JSON number', { body: '42' }, 400, 'invalid_body'],
    ['missing fields', { body: {} }, 422, 'validation_failed'],
    ['blank fields', { body: { email: '  ', password: '' } }, 422, 'validation_failed'],
    ['non-string fields', { body: { email: ['a@b.c'], password: { $ne: null } } }, 422, 'validation_failed'],
    ['an oversized email', { body: { ...DEMO, email: `${long(1_100)}@example.com` } }, 422, 'validation_failed'],
    ['an oversized password', { body: { ...DEMO, password: long(1_025) } }, 422, 'validation_failed'],
    [
      'an oversized form field',
      { body: `email=a%40b.c&password=${long(2_000)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      422,
      'validation_failed',
    ],
  ])('%s → %i %s', async (_, init, status, code) => {
    const { gatehouse, backend, signIn } = createTestGatehouse()
    const cookie = await signIn()
    backend.calls.length = 0
    const response = await gatehouse.handle(authRequest('signIn', { ...init, cookie }))
    const text = await response.text()
    expect(response.status).toBe(status)
    expect(JSON.parse(text).error.code).toBe(code)
    expect(response.headers.getSetCookie()).toEqual([])
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(backend.lines()).toEqual([])
    noStackTrace(text)
  })
})

describe('a backend that misbehaves: 502 or 504 with a clear message, never a 500, cookies untouched', () => {
  const cases: Array<[FakeBackendMode, number, string]> = [
    ['html', 502, 'backend_invalid_response'],
    ['empty', 502, 'backend_invalid_response'],
    ['text', 502, 'backend_invalid_response'],
    ['garbage', 502, 'backend_invalid_response'],
    ['gigantic', 502, 'backend_invalid_response'],
    ['down', 502, 'backend_unavailable'],
    ['hang', 504, 'backend_timeout'],
  ]

  it.each(cases)('answering %s → %i %s, at sign-in, refresh and a session read that needs a refresh', async (mode, status, code) => {
    const { gatehouse, backend, signIn, clock, logger } = createTestGatehouse({ timeoutMs: 50 })
    const cookie = await signIn()
    clock.now += 61_000
    backend.state.mode = mode
    const requests = [authRequest('signIn', { body: DEMO, cookie }), authRequest('refresh', { cookie }), authRequest('session', { cookie })]
    for (const request of requests) {
      const response = await gatehouse.handle(request)
      const text = await response.text()
      expect([request.url, response.status]).toEqual([request.url, status])
      const { error } = JSON.parse(text)
      expect(error.code).toBe(code)
      expect(error.message).toMatch(/^The sign-in service /)
      expect(text).not.toMatch(/backend\.test|\/auth\/|answered|\b[1-5]\d\d\b/)
      expect(response.headers.getSetCookie()).toEqual([])
      noStackTrace(text)
    }
    // Each failure is one backend_failed record for the operator; nothing failed unexpectedly.
    expect(logger.error.mock.calls.map(([record]) => [record.event, record.route, record.code])).toEqual([
      ['backend_failed', 'sign-in', code],
      ['backend_failed', 'refresh', code],
      ['backend_failed', 'session', code],
    ])
  })
})
