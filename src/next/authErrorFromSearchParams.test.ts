import { describe, expect, it } from 'vitest'
import { authErrorFromSearchParams } from './authErrorFromSearchParams'

describe('authErrorFromSearchParams', () => {
  it('reads ?error= as the catalogue’s error, with retryAfter for rate_limited only', () => {
    expect(authErrorFromSearchParams({})).toBeNull()
    expect(authErrorFromSearchParams({ error: 'invalid_credentials' })).toEqual({
      code: 'invalid_credentials',
      message: 'The email or password is incorrect.',
    })
    expect(authErrorFromSearchParams({ error: 'rate_limited', retryAfter: '30' })).toEqual({
      code: 'rate_limited',
      message: 'Too many attempts. Please wait a little and try again.',
      retryAfterSeconds: 30,
    })
    expect(authErrorFromSearchParams({ error: ['second_factor_required', 'x'], retryAfter: '30' })).toEqual({
      code: 'second_factor_required',
      message: 'Enter the code from your authenticator app.',
    })
  })

  it('never shows what a link wrote: an unknown code is internal_error, a wait that is no whole number of seconds is dropped', () => {
    expect(authErrorFromSearchParams({ error: '<script>alert(1)</script>' })).toEqual({
      code: 'internal_error',
      message: 'Something went wrong on our side. Please try again.',
    })
    expect(authErrorFromSearchParams({ error: 'toString' })?.code).toBe('internal_error')
    for (const retryAfter of ['-5', '1.5', '1e9', 'soon', '0'])
      expect(authErrorFromSearchParams({ error: 'rate_limited', retryAfter })).not.toHaveProperty('retryAfterSeconds')
  })
})
