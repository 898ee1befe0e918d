import type { AccountOutcome } from '../../contract/types'
import { safeRedirectPath } from '../../contract/safeRedirectPath'
import type { BackendTokens, SecondFactorRequired } from '../backend/BackendAdapter'
import { waitForAnswer } from '../backend/waitForAnswer'
import { GatehouseError } from '../GatehouseError'
import type { ExchangeResult } from '../session/createRefreshFlights'
import type { StoredSession } from '../session/createSessionStore'
import type { CookieWrite } from '../session/cookies'
import { startSession, withProfile } from '../session/resumeSession'
import { backToForm, isFormNavigation } from './formNavigation'
import type { RouteContext } from './RouteContext'
import type { RouteResult } from './toResponse'

/**
 * The backend's answer within the request's wait: its tokens with their profile, a second factor
 * it asks for, or `null` when it signed nobody in. A backend that signs someone in after the
 * browser stopped waiting (504 `backend_timeout`) has started a session nobody holds: it is
 * signed out there at once.
 */
export function withinWait<Other extends SecondFactorRequired | null>(
  context: RouteContext,
  call: Promise<BackendTokens | Other>,
): Promise<ExchangeResult | Other> {
  const answered = call.then<ExchangeResult | Other>((answer) =>
    answer && 'accessToken' in answer ? withProfile(context, answer) : (answer as Other),
  )
  const signOutLate = (late: ExchangeResult | Other) => {
    if (!late || !('tokens' in late)) return
    context.backend.signOut(late.tokens).then(
      () => context.logger.warn('[gatehouse] a sign-in answered after its request had given up; it was signed out at the backend.'),
      (error: unknown) =>
        context.logger.warn(
          `[gatehouse] a sign-in answered after its request had given up, and signing it out at the backend failed (${error instanceof GatehouseError ? error.code : 'error'}).`,
        ),
    )
  }
  return waitForAnswer(answered, context.waitMs, signOutLate)
}

/** Where a route's answer goes: the session the request carried in, the request, and where a plain form asked to go next. */
export interface AnswerPlace {
  previous: StoredSession
  request: Request
  next: string | null
  /** Cookies written besides the session's (the second-factor challenge, ended). */
  extraCookies?: CookieWrite[]
}

/** A new session from the backend's tokens, its cookies written: the session, or for a plain HTML form the page `next` names. */
export async function sessionAnswer(context: RouteContext, place: AnswerPlace, answer: ExchangeResult): Promise<RouteResult> {
  // A new session: only the names of the cookies it replaces are kept, to clear stale chunks.
  const { session, cookies } = await startSession(context, answer, { present: place.previous.present, discard: false })
  const written = [...cookies, ...(place.extraCookies ?? [])]
  return isFormNavigation(place.request)
    ? { status: 303, body: null, cookies: written, location: safeRedirectPath(place.next) }
    : { status: 200, body: session, cookies: written }
}

/**
 * What an account flow answers: a new session when the backend signed the person in; else
 * `{ user: null, outcome }`, or for a plain HTML form its page again with `?outcome=`.
 */
export function accountFlowAnswer(
  context: RouteContext,
  place: AnswerPlace,
  answer: ExchangeResult | null,
  outcome: AccountOutcome,
): Promise<RouteResult> | RouteResult {
  if (answer) return sessionAnswer(context, place, answer)
  const cookies = place.extraCookies ?? []
  return isFormNavigation(place.request)
    ? { status: 303, body: null, cookies, location: backToForm(place.request, context.publicOrigin, { outcome }) }
    : { status: 200, body: { user: null, outcome }, cookies }
}
