import { describe, expect, it } from 'vitest'
import { authRequest, cookiesFrom, ORIGIN } from '../../../test/authRequests'
import { createTestGatehouse } from '../../../test/gatehouseFixture'

const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
const credentials = 'email=demo%40example.com&password=demo-password&next=%2Fdashboard'
const attackerForm = 'email=attacker%40example.com&password=demo-password'

describe('CSRF on the auth routes', () => {
  it.each([
    ['signIn', { body: { email: 'demo@example.com', password: 'demo-password' } }],
    ['refresh', {}],
    ['signOut', {}],
  ] as const)('%s needs x-gatehouse-client from script', async (route, init) => {
    const { gatehouse, signIn, backend } = createTestGatehouse()
    const cookie = await signIn()
    backend.calls.length = 0
    const refused = await gatehouse.handle(authRequest(route, { ...init, cookie, client: false }))
    expect(refused.status).toBe(403)
    expect((await refused.json()).error.code).toBe('csrf_rejected')
    expect(refused.headers.getSetCookie()).toEqual([])
    expect(backend.lines()).toEqual([])
    expect((await gatehouse.handle(authRequest(route, { ...init, cookie }))).status).toBe(200)
  })

  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['Origin: null (sandboxed frame, data: URL)', { origin: 'null' }],
    ['a look-alike Origin', { origin: 'http://app.test.evil.example' }],
    ['another port', { origin: 'http://app.test:8080' }],
    ['another scheme', { origin: 'https://app.test' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
  ])('refuses %s even with the client header', async (_, headers) => {
    const { gatehouse, backend } = createTestGatehouse()
    for (const route of ['signIn', 'refresh', 'signOut']) {
      const response = await gatehouse.handle(
        authRequest(route, { body: { email: 'demo@example.com', password: 'demo-password' }, headers }),
      )
      expect(response.status).toBe(403)
    }
    expect(backend.lines()).toEqual([])
  })

  it('lets a plain HTML form sign in when its Origin is this site (browsers always send Origin on a form POST)', async () => {
    const { gatehouse } = createTestGatehouse()
    const response = await gatehouse.handle(authRequest('signIn', { body: credentials, headers: FORM, client: false }))
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/dashboard')
    expect(cookiesFrom(response)).toMatch(/gatehouse\.session=/)
  })

  it.each([
    ['no Origin at all', { origin: '' }],
    ['Origin: null', { origin: 'null' }],
    ['a foreign Origin', { origin: 'https://evil.example' }],
  ])("sign-in CSRF: refuses a form post with %s, so no one is signed in to an attacker's account", async (_, headers) => {
    const { gatehouse, backend } = createTestGatehouse()
    const request = authRequest('signIn', { body: attackerForm, headers: { ...FORM, ...headers }, client: false })
    if (headers.origin === '') request.headers.delete('origin')
    const response = await gatehouse.handle(request)
    expect(response.status).toBe(403)
    expect(response.headers.getSetCookie()).toEqual([])
    expect(backend.lines()).toEqual([])
  })

  it('does not let the form exception cover JSON, refresh or sign-out', async () => {
    const { gatehouse } = createTestGatehouse()
    const json = await gatehouse.handle(
      authRequest('signIn', { body: { email: 'demo@example.com', password: 'demo-password' }, headers: { origin: ORIGIN }, client: false }),
    )
    expect(json.status).toBe(403)
    for (const route of ['refresh', 'signOut']) {
      expect((await gatehouse.handle(authRequest(route, { body: 'a=1', headers: FORM, client: false }))).status).toBe(403)
    }
  })

  it('leaves the session read (GET) to SameSite and CORS: it changes nothing', async () => {
    const { gatehouse } = createTestGatehouse()
    expect((await gatehouse.handle(authRequest('session', { headers: { 'sec-fetch-site': 'cross-site' } }))).status).toBe(200)
  })
})
