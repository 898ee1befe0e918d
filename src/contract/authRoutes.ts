/** Where the auth routes are mounted unless told otherwise. */
export const DEFAULT_BASE_PATH = '/api/auth'

/**
 * Every auth route, written once: the server answers these, the browser transport calls them,
 * the MSW handlers mock them.
 *
 * @example
 * fetch(authRouteUrl('/api/auth', 'signIn'), { method: AUTH_ROUTES.signIn.method, body })
 */
export const AUTH_ROUTES = {
  signIn: { method: 'POST', path: 'sign-in' },
  session: { method: 'GET', path: 'session' },
  refresh: { method: 'POST', path: 'refresh' },
  signOut: { method: 'POST', path: 'sign-out' },
} as const satisfies Record<string, { method: 'GET' | 'POST'; path: string }>

/** An auth route's name: `signIn`, `session`, `refresh` or `signOut`. */
export type AuthRouteName = keyof typeof AUTH_ROUTES

/** The URL path of one auth route under `basePath`. */
export const authRouteUrl = (basePath: string, name: AuthRouteName) => `${basePath}/${AUTH_ROUTES[name].path}`
