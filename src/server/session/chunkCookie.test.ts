import { describe, expect, it } from 'vitest'
import { authRequest, cookiesFrom } from '../../../test/authRequests'
import { DEMO, createTestGatehouse } from '../../../test/gatehouseFixture'
import { ERROR_MESSAGES } from '../../contract/errorCatalogue'

const setCookieLines = (response: Response) => response.headers.getSetCookie()

describe('a session too large for one cookie', () => {
  it('is split into chunks under 4000 bytes each and read back whole', async () => {
    const { gatehouse, sessionOf } = createTestGatehouse({ backendOptions: { tokenPadding: 9_000 } })
    const response = await gatehouse.handle(authRequest('signIn', { body: DEMO }))
    expect(response.status).toBe(200)
    const lines = setCookieLines(response)
    const names = lines.map((line) => line.split('=')[0])
    expect(names.length).toBeGreaterThan(3)
    expect(names).toEqual([...names.slice(0, -1).map((_, index) => `gatehouse.session.${index}`), 'gatehouse.refresh'])
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThan(4_000)
    const { body } = await sessionOf(cookiesFrom(response))
    expect(body.user.email).toBe('demo@example.com')
  })

  it('clears stale chunks when a smaller session replaces a chunked one, and all of them on sign-out', async () => {
    const large = createTestGatehouse({ backendOptions: { tokenPadding: 9_000 } })
    const chunked = await large.signIn()
    const small = createTestGatehouse()
    const replaced = await small.gatehouse.handle(authRequest('signIn', { body: DEMO, cookie: chunked }))
    const cookie = cookiesFrom(replaced, chunked)
    expect(
      cookie
        .split('; ')
        .map((pair) => pair.split('=')[0])
        .sort(),
    ).toEqual(['gatehouse.refresh', 'gatehouse.session'])
    const signedOut = await large.gatehouse.handle(authRequest('signOut', { cookie: chunked }))
    expect(cookiesFrom(signedOut, chunked)).toBe('')
  })

  it('is refused with a clear 502, never dropped silently, when even chunks cannot hold it; the old cookies stay', async () => {
    const { gatehouse, backend, logger } = createTestGatehouse({ backendOptions: { tokenPadding: 60_000 } })
    const response = await gatehouse.handle(authRequest('signIn', { body: DEMO, cookie: 'gatehouse.session=earlier' }))
    expect(response.status).toBe(502)
    const { error } = await response.json()
    expect(error.code).toBe('backend_invalid_response')
    expect(error.message).toBe(ERROR_MESSAGES.backend_invalid_response)
    // The operator learns why; the browser does not.
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ event: 'backend_failed', detail: expect.stringMatching(/more than the \d+ that fit in cookies/) }),
    )
    expect(setCookieLines(response)).toEqual([])
    expect(backend.lines()).toEqual(['POST /auth/login'])
  })

  it('a missing middle chunk signs out and clears every chunk', async () => {
    const { signIn, sessionOf } = createTestGatehouse({ backendOptions: { tokenPadding: 9_000 } })
    const cookie = (await signIn())
      .split('; ')
      .filter((pair) => !pair.startsWith('gatehouse.session.1='))
      .join('; ')
    const { body, cookie: after } = await sessionOf(cookie)
    expect(body).toEqual({ user: null })
    expect(after).toBe('')
  })
})
