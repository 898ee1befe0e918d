import type { Session } from '../core/types'
import type { CookieWrite } from './cookies'
import type { RefreshFlights, RefreshOutcome } from './createRefreshFlights'
import { toSession, type SessionStore, type StoredSession } from './createSessionStore'
import { GatehouseError } from './GatehouseError'
import { backToForm, isFormNavigation } from './formNavigation'
import { readLoginBody } from './readLoginBody'
import { safeRedirectPath } from './safeRedirectPath'
import type { BackendAdapter, BackendTokens } from './types'

/** What a route decides: a status, a JSON body (or a page to go to) and the cookies to write. */
export interface RouteResult {
  status: number
  body: unknown
  cookies: CookieWrite[]
  location?: string
}

export interface RouteContext {
  backend: BackendAdapter
  store: SessionStore
  flights: RefreshFlights
  maxBodyBytes: number
  now: () => number
  logger: Pick<Console, 'warn'>
}

const signedOut = (cookies: CookieWrite[] = []): RouteResult => ({ status: 200, body: { user: null }, cookies })

/** The backend tokens with their profile: it comes with them or from one more call. */
async function withProfile(context: RouteContext, tokens: BackendTokens): Promise<RefreshOutcome> {
  return { tokens, user: tokens.user ?? (await context.backend.profile(tokens.accessToken)) }
}

async function startSession(context: RouteContext, { tokens, user }: RefreshOutcome): Promise<{ session: Session; cookies: CookieWrite[] }> {
  const access = { user, accessToken: tokens.accessToken, expiresAt: tokens.accessTokenExpiresAt }
  return { session: toSession(access, tokens.refreshToken !== undefined), cookies: await context.store.write(tokens, user) }
}

/**
 * Exchanges the stored refresh token, once however many requests carry it. A backend that
 * rejects it ends the session (cookies cleared); a backend that is down or slow throws, and the
 * cookies stay as they were.
 */
export async function refreshSession(context: RouteContext, stored: StoredSession): Promise<{ session: Session | null; cookies: CookieWrite[] }> {
  const refreshToken = stored.refresh?.refreshToken
  const outcome = refreshToken ? await context.flights.run(refreshToken, async () => withProfile(context, await context.backend.refresh(refreshToken))) : null
  return outcome ? startSession(context, outcome) : { session: null, cookies: context.store.clear() }
}

/** The session as the server knows it, refreshing only when the access token has expired. Tampered cookies sign out. */
export async function resumeSession(context: RouteContext, stored: StoredSession): Promise<{ session: Session | null; cookies: CookieWrite[] }> {
  if (stored.tampered) return { session: null, cookies: context.store.clear() }
  if (stored.access && stored.access.expiresAt > context.now()) return { session: toSession(stored.access, stored.refresh !== undefined), cookies: [] }
  if (stored.refresh) return refreshSession(context, stored)
  return { session: null, cookies: stored.access ? context.store.clear() : [] }
}

export const authRoutes = {
  async login(context: RouteContext, request: Request): Promise<RouteResult> {
    const navigation = isFormNavigation(request)
    try {
      const { credentials, next } = await readLoginBody(request, context.maxBodyBytes)
      const { session, cookies } = await startSession(context, await withProfile(context, await context.backend.login(credentials)))
      return navigation ? { status: 303, body: null, cookies, location: safeRedirectPath(next) } : { status: 200, body: session, cookies }
    } catch (error) {
      if (!navigation || !(error instanceof GatehouseError)) throw error
      return { status: 303, body: null, cookies: [], location: backToForm(request, error.code) }
    }
  },

  async session(context: RouteContext, stored: StoredSession): Promise<RouteResult> {
    const { session, cookies } = await resumeSession(context, stored)
    return session ? { status: 200, body: session, cookies } : signedOut(cookies)
  },

  async refresh(context: RouteContext, stored: StoredSession): Promise<RouteResult> {
    const { session, cookies } = await refreshSession(context, stored)
    if (session) return { status: 200, body: session, cookies }
    const expired = new GatehouseError(401, 'session_expired', 'Your session has ended. Please sign in again.')
    return { status: 401, body: expired.toBody(), cookies }
  },

  async logout(context: RouteContext, stored: StoredSession): Promise<RouteResult> {
    try {
      await context.backend.logout({ accessToken: stored.access?.accessToken, refreshToken: stored.refresh?.refreshToken })
    } catch (error) {
      // The cookies go regardless: a backend that cannot hear the sign-out must not keep anyone signed in here.
      context.logger.warn(`[gatehouse] the backend did not confirm the sign-out (${error instanceof GatehouseError ? error.code : 'error'}); cookies cleared anyway.`)
    }
    return signedOut(context.store.clear())
  },
}
