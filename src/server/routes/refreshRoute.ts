import { GatehouseError } from '../GatehouseError'
import { refreshSession } from '../session/resumeSession'
import { mediaTypeOf } from './mediaTypeOf'
import { parseJsonObject } from './parseJsonObject'
import { readBoundedText } from './readBoundedText'
import type { AuthRoute } from './RouteContext'
import { sessionEnded } from './routeResults'
import { sessionRoute } from './sessionRoute'

/** What a refresh body says: the expiry the tab knows, and how long ago the person last acted. */
interface RefreshBody {
  /** `null`: the tab knows no session; `undefined`: a bare POST, which refreshes whatever the cookies hold. */
  knownExpiresAt: string | null | undefined
  /** `undefined`: the client says nothing of activity (an older one), and the refresh counts as activity. */
  inactiveMs: number | undefined
}

/** Reads an optional JSON body `{ "knownExpiresAt": "…" | null, "inactiveMs": 1234 }`; an empty one is a bare POST. */
async function readRefreshBody(request: Request, maxBodyBytes: number): Promise<RefreshBody> {
  const text = await readBoundedText(request, maxBodyBytes)
  if (text === '') return { knownExpiresAt: undefined, inactiveMs: undefined }
  if (mediaTypeOf(request) !== 'application/json')
    throw new GatehouseError(415, 'unsupported_media_type', 'Send the refresh body as application/json.')
  const { knownExpiresAt, inactiveMs } = parseJsonObject(text, 'with knownExpiresAt')
  if (!(knownExpiresAt === undefined || knownExpiresAt === null || typeof knownExpiresAt === 'string'))
    throw new GatehouseError(400, 'invalid_body', 'knownExpiresAt must be the expiry the browser knows, as a string, or null.')
  if (!(inactiveMs === undefined || (typeof inactiveMs === 'number' && Number.isFinite(inactiveMs) && inactiveMs >= 0)))
    throw new GatehouseError(
      400,
      'invalid_body',
      'inactiveMs must be the milliseconds since the person last acted, a number of at least 0.',
    )
  return { knownExpiresAt, inactiveMs }
}

/**
 * `POST refresh`: exchanges the refresh token now; a backend that rejects it ends the session.
 * Told the expiry the tab knows, it refreshes only that session, and otherwise answers as the
 * session route would, with no backend call while the cookies hold a live session: one another
 * tab refreshed meanwhile (the cookies are shared), one with nothing to refresh it with (it
 * stands until it expires), or none (signed out elsewhere).
 *
 * Told how long the person has been inactive (`inactiveMs`, a duration, so the browser's clock
 * does not matter), the session counts their last activity instead of the refresh: a tab left
 * open refreshes in the background and still reaches `idleTimeoutMs`.
 */
export const refreshRoute: AuthRoute = async (context, stored, request) => {
  const { knownExpiresAt, inactiveMs } = await readRefreshBody(request, context.maxBodyBytes)
  const activeAt = inactiveMs === undefined ? undefined : context.now() - inactiveMs
  const knowsThisSession = stored.access !== undefined && new Date(stored.access.expiresAt).toISOString() === knownExpiresAt
  if (knownExpiresAt !== undefined && !(stored.refresh && knowsThisSession)) return sessionRoute(context, stored, request)
  const { session, cookies } = await refreshSession(context, stored, activeAt)
  return session ? { status: 200, body: session, cookies } : sessionEnded(cookies)
}
