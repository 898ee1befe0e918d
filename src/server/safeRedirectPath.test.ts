import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from './safeRedirectPath'

describe('safeRedirectPath', () => {
  it.each([
    ['/dashboard', '/dashboard'],
    ['/dashboard?tab=a&b=c#top', '/dashboard?tab=a&b=c#top'],
    ['/admin/../dashboard', '/dashboard'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ])('keeps the same-origin path %s', (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected)
  })

  it.each([
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/.//evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'data:text/html,hi',
    '%2F%2Fevil.example',
    'dashboard',
    '',
    ' /dashboard',
    '/' + 'a'.repeat(3000),
  ])('falls back for %j', (value) => {
    expect(safeRedirectPath(value)).toBe('/')
  })

  it('falls back to the given default for missing values', () => {
    expect(safeRedirectPath(null, '/dashboard')).toBe('/dashboard')
    expect(safeRedirectPath(undefined)).toBe('/')
  })
})
