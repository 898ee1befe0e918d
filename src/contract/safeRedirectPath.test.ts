import { describe, expect, it } from 'vitest'
import { HOSTILE_REDIRECTS } from '../../test/hostileRedirects'
import { safeRedirectPath } from './safeRedirectPath'

const APP = 'https://app.example'

/** Where a browser lands following `Location: <path>` from the app: it must be the app itself. */
const landsOnApp = (path: string) => path.startsWith('/') && !/^\/[\\/]/.test(path) && new URL(path, APP).origin === APP

describe('safeRedirectPath', () => {
  it.each([
    ['/dashboard', '/dashboard'],
    ['/dashboard?tab=a&b=c#top', '/dashboard?tab=a&b=c#top'],
    ['/admin/../dashboard', '/dashboard'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ])('keeps the same-origin path %s', (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected)
  })

  it(`has at least 25 hostile values to try (${HOSTILE_REDIRECTS.length})`, () => {
    expect(HOSTILE_REDIRECTS.length).toBeGreaterThanOrEqual(25)
  })

  it.each(HOSTILE_REDIRECTS.map((value) => [value]))('keeps %j on the app', (value) => {
    expect(landsOnApp(safeRedirectPath(value))).toBe(true)
  })

  it('falls back to the given default for missing values', () => {
    expect(safeRedirectPath(null, '/dashboard')).toBe('/dashboard')
    expect(safeRedirectPath(undefined)).toBe('/')
  })
})

describe('safeRedirectPath, as the login form uses it', () => {
  it('keeps paths on this site', () => {
    expect(safeRedirectPath('/dashboard?tab=1#top')).toBe('/dashboard?tab=1#top')
  })

  it.each(['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', 'dashboard', '/\tevil', ''])(
    'refuses %j',
    (path) => {
      expect(safeRedirectPath(path, '/home')).toBe('/home')
    },
  )
})
