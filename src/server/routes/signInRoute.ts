import { safeRedirectPath } from '../../contract/safeRedirectPath'
import { startSession, withProfile } from '../session/resumeSession'
import { isFormNavigation } from './formNavigation'
import { readSignInBody } from './readSignInBody'
import type { AuthRoute } from './RouteContext'

/**
 * `POST sign-in`: the credentials go to the backend, its tokens into sealed cookies. A plain HTML
 * form (no script yet) is sent on to its `next`; its failures go back to the form (see `handle`).
 */
export const signInRoute: AuthRoute = async (context, previous, request) => {
  const { credentials, next } = await readSignInBody(request, context.maxBodyBytes)
  // A sign-in starts a new session: only the names of the cookies it replaces are kept, to clear stale chunks.
  const tokens = await context.backend.signIn(credentials)
  const { session, cookies } = await startSession(context, await withProfile(context, tokens), {
    present: previous.present,
    discard: false,
  })
  return isFormNavigation(request)
    ? { status: 303, body: null, cookies, location: safeRedirectPath(next) }
    : { status: 200, body: session, cookies }
}
