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

/** The second step of a sign-in, a route of its own: the sign-in transport needs it, not the other flows. */
export const SECOND_FACTOR_ROUTE = { method: 'POST', path: 'second-factor' } as const

/**
 * The routes of the account flows besides signing in, all `POST`: each is off until the backend
 * adapter has its method, and answers 404 `flow_disabled` until then. A table of their own, so a
 * page that signs in only carries none of them.
 *
 * @example
 * fetch(`/api/auth/${ACCOUNT_FLOW_ROUTES.signUp.path}`, { method: 'POST', body })
 */
export const ACCOUNT_FLOW_ROUTES = {
  signUp: { method: 'POST', path: 'sign-up' },
  verifyEmail: { method: 'POST', path: 'verify-email' },
  resendVerification: { method: 'POST', path: 'resend-verification' },
  requestPasswordReset: { method: 'POST', path: 'forgot-password' },
  resetPassword: { method: 'POST', path: 'reset-password' },
  secondFactor: SECOND_FACTOR_ROUTE,
} as const satisfies Record<string, { method: 'POST'; path: string }>

/** An account flow's route name: `signUp`, `verifyEmail`, `resendVerification`, `requestPasswordReset`, `resetPassword` or `secondFactor`. */
export type AccountFlowName = keyof typeof ACCOUNT_FLOW_ROUTES

/** The URL path of one account flow's route under `basePath`. */
export const accountFlowUrl = (basePath: string, name: AccountFlowName) => `${basePath}/${ACCOUNT_FLOW_ROUTES[name].path}`
