import { resumeSession } from '../session/resumeSession'
import type { AuthRoute } from './RouteContext'
import { signedOut } from './routeResults'

/** `GET session`: the session in the cookies, refreshed only when its access token has expired. */
export const sessionRoute: AuthRoute = async (context, stored) => {
  const { session, cookies } = await resumeSession(context, stored)
  return session ? { status: 200, body: session, cookies } : signedOut(cookies)
}
