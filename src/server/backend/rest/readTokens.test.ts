import { describe, expect, it } from 'vitest'
import { fakeJwt } from '../../../../test/backends/createFakeTokenApi'
import { ERROR_MESSAGES } from '../../../contract/errorCatalogue'
import { GatehouseError } from '../../GatehouseError'
import type { RestAdapterOptions } from './RestAdapterOptions'
import { readTokens } from './readTokens'
import { resolveRestOptions } from './resolveRestOptions'

const NOW = Date.parse('2026-01-01T00:00:00Z')
const read = (body: unknown, options: Omit<RestAdapterOptions, 'baseUrl'> = {}) =>
  readTokens(body, resolveRestOptions({ baseUrl: 'http://backend.test', ...options }), NOW)
const expiryOf = (value: unknown, expiryFormat: NonNullable<RestAdapterOptions['tokens']>['expiryFormat']) =>
  new Date(
    read({ token: 'opaque', expires: value }, { tokens: { envelope: '', accessTokenExpiresAt: 'expires', expiryFormat } })
      .accessTokenExpiresAt,
  ).toISOString()

describe('readTokens', () => {
  it.each([
    ['iso', '2026-01-01T00:15:00Z', '2026-01-01T00:15:00.000Z'],
    ['epoch-seconds', NOW / 1000 + 900, '2026-01-01T00:15:00.000Z'],
    ['epoch-ms', NOW + 900_000, '2026-01-01T00:15:00.000Z'],
    ['lifetime-seconds', 900, '2026-01-01T00:15:00.000Z'],
    ['lifetime-seconds', '900', '2026-01-01T00:15:00.000Z'],
    ['lifetime-ms', 900_000, '2026-01-01T00:15:00.000Z'],
  ] as const)('reads a %s expiry (%j)', (format, value, expected) => {
    expect(expiryOf(value, format)).toBe(expected)
  })

  it('reads tokens under any nested envelope with any field names', () => {
    const body = {
      result: { auth: { jwt: 'a', exp: '2026-01-01T00:15:00Z', renew: 'r', renew_exp: '2026-01-02T00:00:00Z', me: { id: 1 } } },
    }
    expect(
      read(body, {
        tokens: {
          envelope: 'result.auth',
          accessToken: 'jwt',
          accessTokenExpiresAt: 'exp',
          refreshToken: 'renew',
          refreshTokenExpiresAt: 'renew_exp',
          user: 'me',
        },
      }),
    ).toEqual({
      accessToken: 'a',
      accessTokenExpiresAt: Date.parse('2026-01-01T00:15:00Z'),
      refreshToken: 'r',
      refreshTokenExpiresAt: Date.parse('2026-01-02T00:00:00Z'),
      user: { id: '1', roles: [] },
    })
  })

  it('falls back to the JWT exp claim, then to the configured lifetimes', () => {
    const jwt = fakeJwt({ exp: NOW / 1000 + 600 })
    expect(read({ access: jwt, refresh: 'opaque' }, { tokens: { envelope: '', accessToken: 'access', refreshToken: 'refresh' } })).toEqual({
      accessToken: jwt,
      accessTokenExpiresAt: NOW + 600_000,
      refreshToken: 'opaque',
      refreshTokenExpiresAt: NOW + 604_800_000,
    })
    expect(read({ data: { token: 'opaque' } }, { tokens: { accessTokenTtlSeconds: 120 } }).accessTokenExpiresAt).toBe(NOW + 120_000)
  })

  it('ignores a refresh token when refresh is off', () => {
    expect(
      read({ data: { token: 'a', token_expires_at: '2026-01-01T00:15:00Z', refresh_token: 'r' } }, { refresh: false }),
    ).not.toHaveProperty('refreshToken')
  })

  it.each([
    ['no access token', { data: {} }, {}, 'no access token at "data.token" in its answer'],
    [
      'an expiry in another format',
      { data: { token: 'a', token_expires_at: 'soon' } },
      {},
      '"data.token_expires_at" is not a time in the "iso" format',
    ],
    [
      'an expiry read in the wrong unit',
      { data: { token: 'a', token_expires_at: NOW / 1000 + 900 } },
      { tokens: { expiryFormat: 'epoch-ms' } },
      'the expiry at "data.token_expires_at" is past or out of range; is "tokens.expiryFormat" right?',
    ],
    [
      'an expiry centuries away',
      { data: { token: 'a', token_expires_at: NOW + 900_000 } },
      { tokens: { expiryFormat: 'epoch-seconds' } },
      'the expiry at "data.token_expires_at" is past or out of range; is "tokens.expiryFormat" right?',
    ],
    ['an expired JWT', { token: fakeJwt({ exp: NOW / 1000 - 1 }) }, { tokens: { envelope: '' } }, 'the expiry is past or out of range'],
    [
      'no expiry anywhere',
      { token: 'opaque' },
      { tokens: { envelope: '' } },
      'no expiry at "token_expires_at" and the token is not a JWT; set "tokens.accessTokenTtlSeconds"',
    ],
    [
      'a user without an id',
      { data: { token: 'a', token_expires_at: '2026-01-01T00:15:00Z', user: { name: 'x' } } },
      {},
      'no user with an id at "id" in its answer',
    ],
  ] as Array<[string, unknown, Omit<RestAdapterOptions, 'baseUrl'>, string]>)(
    'refuses an answer with %s as a 502 backend_invalid_response',
    (_, body, options, reason) => {
      const error = (() => {
        try {
          read(body, options)
        } catch (thrown) {
          return thrown
        }
      })()
      expect(error).toBeInstanceOf(GatehouseError)
      expect(error).toMatchObject({
        status: 502,
        code: 'backend_invalid_response',
        message: ERROR_MESSAGES.backend_invalid_response,
        detail: reason,
      })
    },
  )
})
