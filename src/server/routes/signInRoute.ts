import type { ErrorCode } from '../../contract/errorCatalogue'
import { safeRedirectPath } from '../../contract/safeRedirectPath'
import { waitForAnswer } from '../backend/waitForAnswer'
import { GatehouseError } from '../GatehouseError'
import type { ExchangeResult } from '../session/createRefreshFlights'
import { startSession, withProfile } from '../session/resumeSession'
import { isFormNavigation } from './formNavigation'
import { readSignInBody } from './readSignInBody'
import type { AuthRoute } from './RouteContext'

// The refusals that are about the person signing in, not the backend's health.
const SIGN_IN_REFUSALS: ReadonlySet<ErrorCode> = new Set(['invalid_credentials', 'rate_limited'])

/**
 * `POST sign-in`: the credentials go to the backend, its tokens into sealed cookies. A plain HTML
 * form (no script yet) is sent on to its `next`; its failures go back to the form (see `handle`).
 * A backend that answers after the browser stopped waiting (504 `backend_timeout`) has started
 * a session nobody holds: it is signed out there at once.
 */
export const signInRoute: AuthRoute = async (context, previous, request) => {
  const { credentials, next } = await readSignInBody(request, context.maxBodyBytes)
  const signedIn = context.backend
    .signIn(credentials, { clientAddress: context.clientAddress })
    .then((tokens) => withProfile(context, tokens))
  const signOutLate = ({ tokens }: ExchangeResult) =>
    context.backend.signOut(tokens).then(
      () => context.logger.warn('[gatehouse] a sign-in answered after its request had given up; it was signed out at the backend.'),
      (error: unknown) =>
        context.logger.warn(
          `[gatehouse] a sign-in answered after its request had given up, and signing it out at the backend failed (${error instanceof GatehouseError ? error.code : 'error'}).`,
        ),
    )
  const answer = await waitForAnswer(signedIn, context.waitMs, signOutLate).catch(async (error: unknown) => {
    if (error instanceof GatehouseError && SIGN_IN_REFUSALS.has(error.code)) {
      const identifierHash = await context.events.hashIdentifier(credentials.identifier)
      context.events.report('sign_in_failed', context.trace, {
        code: error.code,
        status: error.status,
        detail: error.detail,
        identifierHash,
      })
    }
    throw error
  })
  // A sign-in starts a new session: only the names of the cookies it replaces are kept, to clear stale chunks.
  const { session, cookies } = await startSession(context, answer, { present: previous.present, discard: false })
  return isFormNavigation(request)
    ? { status: 303, body: null, cookies, location: safeRedirectPath(next) }
    : { status: 200, body: session, cookies }
}
