import { safeRedirectPath } from '../contract/safeRedirectPath'
import { DEFAULT_SIGN_IN_PATH, signInUrl } from '../contract/signInUrl'

/** Which paths need a session, and where the sign-in page sends people and is reached. */
export interface RouteProtectionOptions {
  /** Path prefixes only signed-in visitors may open, e.g. `['/dashboard', '/admin']`. */
  protectedPaths: readonly string[]
  /** The sign-in page. Default `/sign-in`. */
  signInPath?: string
  /** Where a signed-in visitor of the sign-in page goes when its `next` names nowhere safe. Default `/`. */
  afterSignInPath?: string
  /**
   * Pages for signed-out visitors only (exact paths): a signed-in visitor of one is sent on to its
   * safe `next`, else `afterSignInPath`. Default: the sign-in page alone. Name the sign-up,
   * forgot-password and reset-password pages here too; not the email verification page, whose
   * link may be opened signed in.
   */
  signedOutOnlyPaths?: readonly string[]
}

const matches = (pathname: string, prefix: string) =>
  pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)

/**
 * Where a visitor should go instead of `pathname`, or `null` to let the request through:
 * signed-out visitors of protected paths go to the sign-in page with `next`, signed-in visitors
 * of a page for signed-out visitors (the sign-in page, and `signedOutOnlyPaths`) go to their safe
 * `next`, else `afterSignInPath`.
 */
export function protectRoute(
  url: URL,
  signedIn: boolean,
  { protectedPaths, signInPath = DEFAULT_SIGN_IN_PATH, afterSignInPath = '/', signedOutOnlyPaths = [signInPath] }: RouteProtectionOptions,
): string | null {
  if (!signedIn && protectedPaths.some((prefix) => matches(url.pathname, prefix))) {
    return signInUrl(signInPath, `${url.pathname}${url.search}`)
  }
  if (signedIn && signedOutOnlyPaths.includes(url.pathname)) return safeRedirectPath(url.searchParams.get('next'), afterSignInPath)
  return null
}
