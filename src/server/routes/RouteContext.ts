import type { SessionContext } from '../session/resumeSession'
import type { StoredSession } from '../session/createSessionStore'
import type { RouteResult } from './toResponse'

/** What every auth route is given: the session machinery and the request's limits. */
export interface RouteContext extends SessionContext {
  maxBodyBytes: number
  /** How long a request waits for the backend's answer (`BackendAdapter.timeoutMs`). */
  waitMs: number
  logger: Pick<Console, 'warn'>
}

/** One auth route: the session the request carries in, what to answer out. */
export type AuthRoute = (context: RouteContext, stored: StoredSession, request: Request) => Promise<RouteResult>
