import { sessionExpired } from '../GatehouseError'
import type { CookieWrite } from '../session/cookies'
import type { RouteResult } from './toResponse'

/** Nobody is signed in: 200 `{ user: null }`, with the cookies that clear a session, if any. */
export const signedOut = (cookies: CookieWrite[] = []): RouteResult => ({ status: 200, body: { user: null }, cookies })

/** The backend ended the session: 401 `session_expired`, with the cookies that clear it. */
export const sessionEnded = (cookies: CookieWrite[]): RouteResult => ({ status: 401, body: sessionExpired().toBody(), cookies })
