import { describe, expect, it } from 'vitest'
import { protectRoute } from '../../src/next/protectRoute'
import { authRequest, ORIGIN } from '../authRequests'
import { createTestGatehouse } from '../gatehouseFixture'
import { HOSTILE_REDIRECTS } from '../hostileRedirects'

const landsOnApp = (location: string | null) =>
  location !== null && !/^\/[\\/]/.test(location) && new URL(location, ORIGIN).origin === ORIGIN

describe('a hostile next never leads off the site', () => {
  it.each(HOSTILE_REDIRECTS.map((value) => [value]))('form sign-in with next=%j', async (next) => {
    const { gatehouse } = createTestGatehouse()
    const body = new URLSearchParams({ email: 'demo@example.com', password: 'demo-password', next }).toString()
    const response = await gatehouse.handle(
      authRequest('signIn', { body, client: false, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } }),
    )
    expect(response.status).toBe(303)
    expect(landsOnApp(response.headers.get('location'))).toBe(true)
  })

  it.each(HOSTILE_REDIRECTS.map((value) => [value]))('signed-in visit of /sign-in?next=%j', (next) => {
    const target = protectRoute(new URL(`/sign-in?next=${encodeURIComponent(next)}`, ORIGIN), true, { protectedPaths: ['/dashboard'] })
    expect(landsOnApp(target)).toBe(true)
  })
})
