import { describe, expect, it } from 'vitest'
import { readBackendError } from './readBackendError'

describe('readBackendError', () => {
  it.each([
    [
      '{ message, data: { field } }',
      { message: 'The given data was invalid.', data: { email: ['Bad email.'] } },
      { message: 'The given data was invalid.', fields: { email: ['Bad email.'] } },
    ],
    [
      '{ message, errors: { field } }',
      { message: 'Invalid.', errors: { email: ['Bad email.', 'Too long.'], password: 'Required.' } },
      { message: 'Invalid.', fields: { email: ['Bad email.', 'Too long.'], password: ['Required.'] } },
    ],
    [
      '{ errors: [{ message, extensions }] }',
      {
        errors: [
          { message: 'Invalid user credentials.', extensions: { code: 'INVALID_CREDENTIALS' } },
          { message: 'Later.', extensions: { code: 'OTHER' } },
        ],
      },
      { message: 'Invalid user credentials.', code: 'INVALID_CREDENTIALS', fields: {} },
    ],
    [
      '{ errors: [...] } with fields',
      { errors: [{ message: 'Too short.', extensions: { code: 'INVALID_PAYLOAD', field: 'password' } }] },
      { message: 'Too short.', code: 'INVALID_PAYLOAD', fields: { password: ['Too short.'] } },
    ],
    ['{ detail }', { detail: 'No active account found' }, { message: 'No active account found', fields: {} }],
    [
      '{ error, error_description }',
      { error: 'invalid_grant', error_description: 'Bad credentials' },
      { message: 'Bad credentials', code: 'invalid_grant', fields: {} },
    ],
    [
      'bare { field: [...] }',
      { username: ['This field is required.'], non_field_errors: ['Nope.'] },
      { message: 'Nope.', fields: { username: ['This field is required.'] } },
    ],
    ['something else', ['nope'], { fields: {} }],
    ['an over-long message', { message: 'x'.repeat(501) }, { fields: {} }],
  ])('reads %s', (_, body, expected) => {
    expect(readBackendError(body)).toEqual(expected)
  })
})
