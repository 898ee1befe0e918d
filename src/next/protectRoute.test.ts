import { describe, expect, it } from 'vitest'
import { protectRoute } from './protectRoute'

const options = { protectedPaths: ['/dashboard', '/admin'] }
const at = (path: string) => new URL(path, 'http://app.test')

describe('protectRoute', () => {
  it('sends signed-out visitors of protected paths to the sign-in page with next', () => {
    expect(protectRoute(at('/dashboard'), false, options)).toBe('/sign-in?next=%2Fdashboard')
    expect(protectRoute(at('/admin/users?page=2'), false, options)).toBe('/sign-in?next=%2Fadmin%2Fusers%3Fpage%3D2')
  })

  it('lets through public paths, look-alike prefixes and signed-in visitors', () => {
    expect(protectRoute(at('/'), false, options)).toBeNull()
    expect(protectRoute(at('/dashboards-public'), false, options)).toBeNull()
    expect(protectRoute(at('/dashboard'), true, options)).toBeNull()
  })

  it('sends signed-in visitors of the sign-in page to their safe next, or home', () => {
    expect(protectRoute(at('/sign-in'), true, options)).toBe('/')
    expect(protectRoute(at('/sign-in?next=%2Fadmin'), true, options)).toBe('/admin')
    expect(protectRoute(at('/sign-in?next=%2F%2Fevil.example'), true, options)).toBe('/')
    expect(protectRoute(at('/sign-in'), false, options)).toBeNull()
    expect(protectRoute(at('/sign-in'), true, { ...options, afterSignInPath: '/dashboard' })).toBe('/dashboard')
  })

  it('sends signed-in visitors of every page for signed-out visitors on, and only those pages', () => {
    const lifecycle = { ...options, signedOutOnlyPaths: ['/sign-in', '/sign-up', '/forgot-password', '/reset-password'] }
    expect(protectRoute(at('/sign-up'), true, lifecycle)).toBe('/')
    expect(protectRoute(at('/forgot-password?next=%2Fadmin'), true, lifecycle)).toBe('/admin')
    expect(protectRoute(at('/reset-password?token=abc'), true, { ...lifecycle, afterSignInPath: '/dashboard' })).toBe('/dashboard')
    expect(protectRoute(at('/sign-up'), false, lifecycle)).toBeNull()
    expect(protectRoute(at('/sign-up/terms'), true, lifecycle)).toBeNull()
    expect(protectRoute(at('/verify-email?token=abc'), true, lifecycle)).toBeNull()
    // Without the option, only the sign-in page is for signed-out visitors.
    expect(protectRoute(at('/sign-up'), true, options)).toBeNull()
  })
})
