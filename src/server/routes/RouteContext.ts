import type { SessionContext } from '../session/resumeSession'
import type { StoredSession } from '../session/createSessionStore'
import type { Revocations } from '../session/createRevocations'
import type { Challenges } from '../session/createChallenges'
import type { RouteResult } from './toResponse'

/** What every auth route is given: the session machinery and the request's limits. */
export interface RouteContext extends SessionContext {
  maxBodyBytes: number
  /** How long a request waits for the backend's answer (`BackendAdapter.timeoutMs`). */
  waitMs: number
  logger: Pick<Console, 'warn'>
  /** Sessions signed out: a sign-out records its session here, so copies of its cookies are refused. */
  revocations: Revocations
  /** The sign-in that waits for a second factor, in its own sealed cookie. */
  challenges: Challenges
  /** The origin the request was addressed to (see `resolvePublicOrigin`), for a plain form's way back to its page. */
  publicOrigin: string | null
}

/** One auth route: the session the request carries in, what to answer out. */
export type AuthRoute = (context: RouteContext, stored: StoredSession, request: Request) => Promise<RouteResult>
