import { safeRedirectPath } from '../server/safeRedirectPath'

export interface RouteProtectionOptions {
  /** Path prefixes only signed-in visitors may open, e.g. `['/dashboard', '/admin']`. */
  protectedPaths: readonly string[]
  /** The sign-in page. Default `/login`. */
  signInPath?: string
}

const matches = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)

/**
 * Where a visitor should go instead of `pathname`, or `null` to let the request through:
 * signed-out visitors of protected paths go to the sign-in page with `next`, signed-in visitors
 * of the sign-in page go to their safe `next` (default `/`).
 */
export function protectRoute(url: URL, signedIn: boolean, { protectedPaths, signInPath = '/login' }: RouteProtectionOptions): string | null {
  if (!signedIn && protectedPaths.some((prefix) => matches(url.pathname, prefix))) {
    return `${signInPath}?next=${encodeURIComponent(`${url.pathname}${url.search}`)}`
  }
  if (signedIn && url.pathname === signInPath) return safeRedirectPath(url.searchParams.get('next'))
  return null
}
