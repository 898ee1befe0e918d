import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createBackendProxy } from '../../src/server/proxy/createBackendProxy'
import { ORIGIN } from '../authRequests'
import { FAKE_TOKEN } from '../fakeBackend'
import { createTestGatehouse } from '../gatehouseFixture'

// Every status the routes document; anything else (a 500 above all) is a bug.
const AUTH_STATUSES = [200, 303, 400, 401, 403, 404, 405, 413, 415, 422, 502, 504]
const PROXY_STATUSES = [200, 400, 401, 403, 404, 405, 413, 502, 504]
const RUNS = 150

const headerText = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789 -_./:;,=%@"{}[]\\\''.split('')),
  maxLength: 40,
})
const segment = fc.oneof(
  fc.constantFrom('sign-in', 'session', 'refresh', 'sign-out', '..', '.', '%2F', '%5C', '%2e%2e', 'auth', 'profile', ''),
  headerText.map(encodeURIComponent),
)

/** A request as anyone on the internet could send it, with the cookies of a real session sometimes mangled. */
const requestParts = (mount: string) =>
  fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'),
    path: fc.oneof(
      fc.constantFrom(`${mount}/sign-in`, `${mount}/session`, `${mount}/refresh`, `${mount}/sign-out`, `${mount}/auth/profile`),
      fc.array(segment, { minLength: 0, maxLength: 4 }).map((segments) => `${mount}/${segments.join('/')}`),
    ),
    query: fc.option(
      headerText.map((text) => `?next=${encodeURIComponent(text)}`),
      { nil: '' },
    ),
    origin: fc.constantFrom(undefined, ORIGIN, 'null', 'https://evil.example', ''),
    site: fc.constantFrom(undefined, 'same-origin', 'same-site', 'cross-site', 'none'),
    client: fc.constantFrom(undefined, '1', '0', ''),
    contentType: fc.constantFrom(
      undefined,
      'application/json',
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data',
      'application/json; charset=utf-8',
    ),
    accept: fc.constantFrom(undefined, 'text/html', 'application/json', '*/*'),
    body: fc.oneof(
      fc.constant(undefined),
      headerText,
      fc.json({ maxDepth: 2 }),
      fc
        .record({ email: fc.oneof(fc.emailAddress(), headerText), password: headerText, next: headerText })
        .map((fields) => JSON.stringify(fields)),
      fc.record({ email: fc.emailAddress(), password: headerText }).map((fields) => new URLSearchParams(fields).toString()),
    ),
    cookie: fc.constantFrom('none', 'valid', 'truncated', 'garbage', 'swapped'),
    extra: fc.constantFrom(undefined, 'x-middleware-subrequest', 'authorization', 'x-forwarded-host'),
  })

type Parts = ReturnType<typeof requestParts> extends fc.Arbitrary<infer T> ? T : never

function toRequest(parts: Parts, validCookie: string): Request {
  const headers = new Headers()
  const set = (name: string, value: string | undefined) => value !== undefined && headers.set(name, value)
  set('origin', parts.origin)
  set('sec-fetch-site', parts.site)
  set('x-gatehouse-client', parts.client)
  set('content-type', parts.contentType)
  set('accept', parts.accept)
  if (parts.extra) headers.set(parts.extra, 'middleware:middleware:middleware')
  const cookies: Record<string, string> = {
    none: '',
    valid: validCookie,
    truncated: validCookie.slice(0, validCookie.length / 2),
    garbage: 'gatehouse.session=%%%; gatehouse.refresh=v1..',
    swapped: validCookie
      .replace('gatehouse.session', 'gatehouse.tmp')
      .replace('gatehouse.refresh', 'gatehouse.session')
      .replace('gatehouse.tmp', 'gatehouse.refresh'),
  }
  if (cookies[parts.cookie]) headers.set('cookie', cookies[parts.cookie]!)
  const hasBody = parts.body !== undefined && parts.method !== 'GET' && parts.method !== 'HEAD'
  return new Request(`${ORIGIN}${parts.path}${parts.query}`, { method: parts.method, headers, body: hasBody ? parts.body : undefined })
}

/** `fromBackend`: the answer may be the backend's own, passed through, so it need not have gatehouse's error shape. */
async function checkAnswer(response: Response, statuses: number[], fromBackend = false) {
  expect(statuses).toContain(response.status)
  const text = await response.text()
  expect(text).not.toMatch(FAKE_TOKEN)
  expect(response.headers.get('location') ?? '').not.toMatch(/^\/\/|^\/\\|^[a-z]+:/i)
  if (response.status >= 400 && !fromBackend) expect(JSON.parse(text).error.code).toMatch(/^[a-z_]+$/)
}

describe('fuzzing the route handlers', () => {
  it(`auth routes: ${RUNS} random requests answer only documented statuses and never a token`, async () => {
    const { gatehouse, signIn } = createTestGatehouse()
    const validCookie = await signIn()
    await fc.assert(
      fc.asyncProperty(requestParts('/api/auth'), async (parts) =>
        checkAnswer(await gatehouse.handle(toRequest(parts, validCookie)), AUTH_STATUSES),
      ),
      { numRuns: RUNS },
    )
  })

  it(`backend proxy route: ${RUNS} random requests answer only documented statuses and never a token`, async () => {
    const { gatehouse, signIn, backend } = createTestGatehouse()
    const proxy = createBackendProxy(gatehouse, { allow: ['/auth/profile'], fetch: backend.fetch })
    const validCookie = await signIn()
    await fc.assert(
      fc.asyncProperty(requestParts('/api/backend'), async (parts) => {
        const callsBefore = backend.calls.length
        const response = await proxy(toRequest(parts, validCookie))
        await checkAnswer(response, PROXY_STATUSES, backend.calls.length > callsBefore)
      }),
      { numRuns: RUNS },
    )
  })
})
