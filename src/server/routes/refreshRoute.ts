import { GatehouseError } from '../GatehouseError'
import { refreshSession } from '../session/resumeSession'
import { mediaTypeOf } from './mediaTypeOf'
import { parseJsonObject } from './parseJsonObject'
import { readBoundedText } from './readBoundedText'
import type { AuthRoute } from './RouteContext'
import { sessionEnded } from './routeResults'
import { sessionRoute } from './sessionRoute'

/**
 * The expiry the browser knows, from an optional JSON body `{ "knownExpiresAt": "…" }` (`null`: it
 * knows no session); `undefined` for a bare POST, which refreshes whatever the cookies hold.
 */
async function readKnownExpiry(request: Request, maxBodyBytes: number): Promise<string | null | undefined> {
  const text = await readBoundedText(request, maxBodyBytes)
  if (text === '') return undefined
  if (mediaTypeOf(request) !== 'application/json')
    throw new GatehouseError(415, 'unsupported_media_type', 'Send the refresh body as application/json.')
  const { knownExpiresAt } = parseJsonObject(text, 'with knownExpiresAt')
  if (knownExpiresAt === undefined || knownExpiresAt === null || typeof knownExpiresAt === 'string') return knownExpiresAt
  throw new GatehouseError(400, 'invalid_body', 'knownExpiresAt must be the expiry the browser knows, as a string, or null.')
}

/**
 * `POST refresh`: exchanges the refresh token now; a backend that rejects it ends the session.
 * Told the expiry the tab knows, it refreshes only that session, and otherwise answers as the
 * session route would, with no backend call while the cookies hold a live session: one another
 * tab refreshed meanwhile (the cookies are shared), one with nothing to refresh it with (it
 * stands until it expires), or none (signed out elsewhere).
 */
export const refreshRoute: AuthRoute = async (context, stored, request) => {
  const known = await readKnownExpiry(request, context.maxBodyBytes)
  const knowsThisSession = stored.access !== undefined && new Date(stored.access.expiresAt).toISOString() === known
  if (known !== undefined && !(stored.refresh && knowsThisSession)) return sessionRoute(context, stored, request)
  const { session, cookies } = await refreshSession(context, stored)
  return session ? { status: 200, body: session, cookies } : sessionEnded(cookies)
}
