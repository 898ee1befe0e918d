import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createGatehouse } from '../../src/server/createGatehouse'
import { restAdapter } from '../../src/server/backend/rest/restAdapter'
import type { RestAdapterOptions } from '../../src/server/backend/rest/RestAdapterOptions'
import { authRequest, cookiesFrom } from '../authRequests'
import { README, fencedFile, repoFile } from '../readme'
import { ADA, ADA_USER } from '../backends/createFakeTokenApi'
import { fakeDirectusBackend } from '../backends/fakeDirectusBackend'
import { fakeNoRefreshBackend } from '../backends/fakeNoRefreshBackend'
import { fakeOAuth2Backend } from '../backends/fakeOAuth2Backend'
import { fakeSimpleJwtBackend } from '../backends/fakeSimpleJwtBackend'

const SHAPES = [
  {
    name: 'simplejwt',
    fake: fakeSimpleJwtBackend,
    wrongPassword: 'No active account found with the given credentials',
    invalid: { message: 'Some fields are not valid.', fields: { password: ['Ensure this field has at least 4 characters.'] } },
  },
  {
    name: 'oauth2-password',
    fake: fakeOAuth2Backend,
    wrongPassword: 'Invalid user credentials',
    invalid: { message: 'The password is too short.' },
  },
  {
    name: 'directus',
    fake: fakeDirectusBackend,
    wrongPassword: 'Invalid user credentials.',
    invalid: {
      message: '"password" length must be at least 4 characters long',
      fields: { password: ['"password" length must be at least 4 characters long'] },
    },
  },
  {
    name: 'no-refresh',
    fake: fakeNoRefreshBackend,
    wrongPassword: 'These credentials do not match our records.',
    invalid: {
      message: 'The password field must be at least 4 characters.',
      fields: { password: ['The password field must be at least 4 characters.'] },
    },
  },
]

const bodyOf = async (response: Response) => JSON.parse(await response.text())

describe.each(SHAPES)('the worked config examples/backends/$name.json, through the routes', ({ name, fake, wrongPassword, invalid }) => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z'), toFake: ['Date'] }))
  afterEach(() => vi.useRealTimers())

  const config = JSON.parse(repoFile(`examples/backends/${name}.json`)) as Omit<RestAdapterOptions, 'baseUrl'>
  const refreshable = config.refresh !== false
  const refreshPath = (config.refresh || undefined)?.path ?? '/auth/refresh'
  const setup = () => {
    const api = fake()
    const backend = restAdapter({ ...config, baseUrl: 'http://backend.test', fetch: api.fetch })
    const gatehouse = createGatehouse({
      backend,
      secret: 'worked-config-test-secret-0123456789abcdef',
      secureCookies: true,
      logger: { warn: vi.fn(), error: vi.fn() },
    })
    const identifier = backend.identifier ?? 'email'
    const signIn = (password: string) => gatehouse.handle(authRequest('signIn', { body: { [identifier]: ADA[identifier], password } }))
    return { api, gatehouse, signIn }
  }

  it('is shown in the README exactly as the file has it', () => {
    expect(README).toContain(`\`examples/backends/${name}.json\``)
    expect(README).toContain(fencedFile(`examples/backends/${name}.json`, 'json'))
  })

  it("signs in with the mapped user and the access token's expiry", async () => {
    const { signIn } = setup()
    const response = await signIn(ADA.password)
    expect(response.status).toBe(200)
    expect(await bodyOf(response)).toEqual({
      user: ADA_USER,
      expiresAt: '2026-01-01T00:05:00.000Z',
      ...(refreshable ? {} : { refreshable: false }),
    })
    expect(
      cookiesFrom(response)
        .split('; ')
        .map((pair) => pair.split('=')[0]),
    ).toEqual(refreshable ? ['__Host-gatehouse.session', '__Host-gatehouse.refresh'] : ['__Host-gatehouse.session'])
  })

  it("answers a wrong password with 401 invalid_credentials and the backend's message", async () => {
    const response = await setup().signIn('wrong-password')
    expect(response.status).toBe(401)
    expect(await bodyOf(response)).toEqual({ error: { code: 'invalid_credentials', message: wrongPassword } })
  })

  it("answers the backend's validation errors with 422 validation_failed, in the form's field names", async () => {
    const response = await setup().signIn('x')
    expect(response.status).toBe(422)
    expect(await bodyOf(response)).toEqual({ error: { code: 'validation_failed', ...invalid } })
  })

  const refreshesAndRotates = async () => {
    const { api, gatehouse, signIn } = setup()
    const first = cookiesFrom(await signIn(ADA.password))
    const [firstRefreshToken] = api.liveRefreshTokens
    vi.setSystemTime(new Date('2026-01-01T00:06:00Z'))

    const resumed = await gatehouse.handle(authRequest('session', { cookie: first }))
    expect(await bodyOf(resumed)).toEqual({ user: ADA_USER, expiresAt: '2026-01-01T00:11:00.000Z' })
    expect(api.liveRefreshTokens.size).toBe(1)
    expect(api.liveRefreshTokens.has(firstRefreshToken!)).toBe(false)

    const refreshed = await gatehouse.handle(authRequest('refresh', { cookie: cookiesFrom(resumed, first) }))
    expect(refreshed.status).toBe(200)
    expect(await bodyOf(refreshed)).toEqual({ user: ADA_USER, expiresAt: '2026-01-01T00:11:00.000Z' })

    // A replay of the first cookie gets the newest session; the backend never sees a used refresh token again.
    const exchanges = api.calls.filter((call) => call.path === refreshPath).length
    const replayed = await gatehouse.handle(authRequest('refresh', { cookie: first }))
    expect(await bodyOf(replayed)).toEqual({ user: ADA_USER, expiresAt: '2026-01-01T00:11:00.000Z' })
    expect(api.calls.filter((call) => call.path === refreshPath)).toHaveLength(exchanges)
  }

  const endsWithTheAccessToken = async () => {
    const { api, gatehouse, signIn } = setup()
    const cookie = cookiesFrom(await signIn(ADA.password))
    expect(await bodyOf(await gatehouse.handle(authRequest('session', { cookie })))).toEqual({
      user: ADA_USER,
      expiresAt: '2026-01-01T00:05:00.000Z',
      refreshable: false,
    })
    vi.setSystemTime(new Date('2026-01-01T00:06:00Z'))

    expect(await bodyOf(await gatehouse.handle(authRequest('session', { cookie })))).toEqual({ user: null })
    const refresh = await gatehouse.handle(authRequest('refresh', { cookie }))
    expect(refresh.status).toBe(401)
    expect((await bodyOf(refresh)).error.code).toBe('session_expired')
    expect(api.calls.map((call) => call.path)).toEqual([config.signIn!.path])
  }

  if (refreshable) it('refreshes an expired session, rotating the refresh token, and never sends a used one again', refreshesAndRotates)
  else it('ends the session with the access token, saying it is not refreshable, without asking the backend', endsWithTheAccessToken)

  it('signs out at the backend with the configured token, and clears the cookies', async () => {
    const { api, gatehouse, signIn } = setup()
    const cookie = cookiesFrom(await signIn(ADA.password))
    const response = await gatehouse.handle(authRequest('signOut', { cookie }))
    expect(await bodyOf(response)).toEqual({ user: null })
    expect(cookiesFrom(response, cookie)).toBe('')
    const signOut = config.signOut === false ? undefined : config.signOut
    expect(api.calls.at(-1)).toMatchObject({ method: signOut?.method ?? 'POST', path: signOut?.path ?? '/auth/logout' })
    expect(api.liveRefreshTokens.size).toBe(0)
    if (!refreshable) expect(api.liveAccessTokens.size).toBe(0)
  })
})
