import { safeRedirectPath } from '../core/safeRedirectPath'

export interface RouteProtectionOptions {
  /** Path prefixes only signed-in visitors may open, e.g. `['/dashboard', '/admin']`. */
  protectedPaths: readonly string[]
  /** The sign-in page. Default `/login`. */
  signInPath?: string
  /** Where a signed-in visitor of the sign-in page goes when its `next` names nowhere safe. Default `/`. */
  afterSignInPath?: string
}

/** The sign-in page, coming back to `next` (a path on this site) afterwards. */
export const signInUrl = (signInPath: string, next: string) => `${signInPath}?next=${encodeURIComponent(next)}`

const matches = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)

/**
 * Where a visitor should go instead of `pathname`, or `null` to let the request through:
 * signed-out visitors of protected paths go to the sign-in page with `next`, signed-in visitors
 * of the sign-in page go to their safe `next`, else `afterSignInPath`.
 */
export function protectRoute(url: URL, signedIn: boolean, { protectedPaths, signInPath = '/login', afterSignInPath = '/' }: RouteProtectionOptions): string | null {
  if (!signedIn && protectedPaths.some((prefix) => matches(url.pathname, prefix))) {
    return signInUrl(signInPath, `${url.pathname}${url.search}`)
  }
  if (signedIn && url.pathname === signInPath) return safeRedirectPath(url.searchParams.get('next'), afterSignInPath)
  return null
}
