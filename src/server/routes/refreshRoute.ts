import { refreshSession } from '../session/resumeSession'
import type { AuthRoute } from './RouteContext'
import { sessionEnded } from './routeResults'

/** `POST refresh`: exchanges the refresh token now; a backend that rejects it ends the session. */
export const refreshRoute: AuthRoute = async (context, stored) => {
  const { session, cookies } = await refreshSession(context, stored)
  return session ? { status: 200, body: session, cookies } : sessionEnded(cookies)
}
