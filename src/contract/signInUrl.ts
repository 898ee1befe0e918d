/**
 * The sign-in page the server sends signed-out visitors to, and the components link or redirect
 * to, unless told otherwise (`signInPath`).
 */
export const DEFAULT_SIGN_IN_PATH = '/sign-in'

/**
 * The sign-in page, coming back to `next` (a path on this site) afterwards.
 *
 * @example
 * signInUrl('/sign-in', '/dashboard?tab=2') // '/sign-in?next=%2Fdashboard%3Ftab%3D2'
 */
export const signInUrl = (signInPath: string, next: string) => `${signInPath}?next=${encodeURIComponent(next)}`
