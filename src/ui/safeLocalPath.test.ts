import { describe, expect, it } from 'vitest'
import { safeLocalPath } from './safeLocalPath'

describe('safeLocalPath', () => {
  it('keeps paths on this site', () => {
    expect(safeLocalPath('/dashboard?tab=1#top')).toBe('/dashboard?tab=1#top')
  })

  it.each(['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', 'dashboard', '/\tevil', ''])('refuses %j', (path) => {
    expect(safeLocalPath(path, '/home')).toBe('/home')
  })
})
