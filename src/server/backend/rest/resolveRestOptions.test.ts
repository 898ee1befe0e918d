import { describe, expect, it } from 'vitest'
import { restAdapter } from './restAdapter'
import type { RestAdapterOptions } from './RestAdapterOptions'
import { resolveRestOptions } from './resolveRestOptions'

const baseUrl = 'http://backend.test'
const make = (options: Record<string, unknown>) => () => restAdapter({ baseUrl, ...options } as RestAdapterOptions)

describe('restAdapter options, checked when the adapter is made', () => {
  it.each([
    [
      'a path without its leading slash',
      { signIn: { path: 'auth/login' } },
      'gatehouse: restAdapter option "signIn.path" must start with "/".',
    ],
    [
      'an unknown method',
      { profile: { method: 'FETCH' } },
      'gatehouse: restAdapter option "profile.method" must be one of "GET", "POST", "PUT", "PATCH", "DELETE".',
    ],
    [
      'an unknown expiry format',
      { tokens: { expiryFormat: 'unix' } },
      'gatehouse: restAdapter option "tokens.expiryFormat" must be one of "iso", "epoch-seconds", "epoch-ms", "lifetime-seconds", "lifetime-ms".',
    ],
    [
      'a misspelt setting',
      { tokens: { acessToken: 'access' } },
      'gatehouse: restAdapter option "tokens.acessToken" is not a known setting (known: envelope, accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt, expiryFormat, accessTokenTtlSeconds, refreshTokenTtlSeconds, user).',
    ],
    [
      'an unknown section',
      { logon: {} },
      'gatehouse: restAdapter option "logon" is not a known setting (known: baseUrl, timeoutMs, maxCallMs, fetch, now, bodyFormat, $schema, debug, signIn, refresh, profile, signOut, tokens, user, signUp, verifyEmail, resendVerification, requestPasswordReset, resetPassword, secondFactor, throttle).',
    ],
    [
      'an unknown identifier',
      { signIn: { identifier: 'phone' } },
      'gatehouse: restAdapter option "signIn.identifier" must be one of "email", "username".',
    ],
    [
      'an unknown way to send the refresh token',
      { refresh: { send: 'cookie' } },
      'gatehouse: restAdapter option "refresh.send" must be one of "body", "bearer".',
    ],
    [
      'an unknown sign-out token',
      { signOut: { send: 'all' } },
      'gatehouse: restAdapter option "signOut.send" must be one of "access", "refresh", "both".',
    ],
    [
      'an envelope that is not a dot path',
      { tokens: { envelope: 'data/session' } },
      'gatehouse: restAdapter option "tokens.envelope" must be a dot path like "data.user" ("" for the top level).',
    ],
    [
      'an empty token field',
      { tokens: { accessToken: '' } },
      'gatehouse: restAdapter option "tokens.accessToken" must be a field name or a dot path like "data.token".',
    ],
    [
      'an empty request field',
      { refresh: { field: ' ' } },
      'gatehouse: restAdapter option "refresh.field" must be a non-empty field name.',
    ],
    [
      'extra fields that are not strings',
      { signIn: { extraFields: { client_id: 7 } } },
      'gatehouse: restAdapter option "signIn.extraFields" must be an object of strings.',
    ],
    [
      'a lifetime that is not a positive number',
      { tokens: { accessTokenTtlSeconds: '900' } },
      'gatehouse: restAdapter option "tokens.accessTokenTtlSeconds" must be a positive number.',
    ],
    ['a section that is not an object', { tokens: 'data' }, 'gatehouse: restAdapter option "tokens" must be an object.'],
    ['profile switched off', { profile: false }, 'gatehouse: restAdapter option "profile" must be an object.'],
    [
      'a user name path list that is empty',
      { user: { name: [] } },
      'gatehouse: restAdapter option "user.name" must be a field name or a dot path like "data.token".',
    ],
    [
      'a call cap shorter than the wait',
      { timeoutMs: 5_000, maxCallMs: 1_000 },
      'gatehouse: restAdapter option "maxCallMs" must be at least timeoutMs (5000), got 1000.',
    ],
    ['a call cap that is not a positive number', { maxCallMs: 0 }, 'gatehouse: restAdapter option "maxCallMs" must be a positive number.'],
    ['an unknown body format', { bodyFormat: 'xml' }, 'gatehouse: restAdapter option "bodyFormat" must be one of "json", "form".'],
    [
      'a relative base URL',
      { baseUrl: '/api' },
      'gatehouse: restAdapter option "baseUrl" must be an absolute URL, got "/api" (set AUTH_BACKEND_URL).',
    ],
  ])('refuses %s with a message naming the setting', (_, options, message) => {
    expect(make(options)).toThrow(new Error(message))
  })

  it('names every bad setting at once, so a config is mended in one go', () => {
    expect(
      make({
        baseUrl: 'api.example.com',
        signIn: { path: 'login', identifier: 'phone' },
        tokens: { acessToken: 'access' },
        profile: false,
      }),
    ).toThrow(
      new Error(
        [
          'gatehouse: restAdapter options have 5 problems:',
          '- "baseUrl" must be an absolute URL, got "api.example.com" (set AUTH_BACKEND_URL).',
          '- "signIn.path" must start with "/".',
          '- "signIn.identifier" must be one of "email", "username".',
          '- "tokens.acessToken" is not a known setting (known: envelope, accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt, expiryFormat, accessTokenTtlSeconds, refreshTokenTtlSeconds, user).',
          '- "profile" must be an object.',
        ].join('\n'),
      ),
    )
  })

  it('accepts every worked shape of setting, and false for refresh and signOut', () => {
    expect(
      make({ refresh: false, signOut: false, user: { name: ['first_name', 'last_name'], roles: 'role.name' }, tokens: { envelope: '' } }),
    ).not.toThrow()
  })

  it('fills in the seed contract as the defaults, and the identifier as the sign-in field', () => {
    const resolved = resolveRestOptions({ baseUrl: 'http://backend.test/api/', signIn: { identifier: 'username' } })
    expect(resolved.baseUrl).toBe('http://backend.test/api')
    expect(resolved.signIn).toEqual({
      method: 'POST',
      path: '/auth/login',
      identifier: 'username',
      identifierField: 'username',
      passwordField: 'password',
      extraFields: {},
    })
    expect(resolved.tokens).toMatchObject({
      envelope: 'data',
      accessToken: 'token',
      accessTokenExpiresAt: 'token_expires_at',
      expiryFormat: 'iso',
    })
    expect(resolved.user).toEqual({ id: 'id', name: ['name'], email: 'email', roles: ['roles', 'role'] })
    expect([resolved.timeoutMs, resolved.maxCallMs]).toEqual([10_000, 60_000])
  })

  it('lets a call run at least as long as a request waits for it', () => {
    const resolved = resolveRestOptions({ baseUrl: 'http://backend.test', timeoutMs: 90_000 })
    expect([resolved.timeoutMs, resolved.maxCallMs]).toEqual([90_000, 90_000])
  })
})
