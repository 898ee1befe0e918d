import type { Session } from '../core/types'
import type { CookieWrite } from './cookies'
import type { ExchangeResult, RefreshFlights } from './createRefreshFlights'
import { toSession, type SessionStore, type StoredSession } from './createSessionStore'
import { GatehouseError, sessionExpired } from './GatehouseError'
import { isFormNavigation } from './formNavigation'
import { readLoginBody } from './readLoginBody'
import { safeRedirectPath } from '../core/safeRedirectPath'
import type { RouteResult } from './toResponse'
import type { BackendAdapter, BackendTokens } from './types'

/** A session after a read or refresh: the browser's view, the cookies to write, and (server-only) its access token. */
export interface Resumed {
  session: Session | null
  cookies: CookieWrite[]
  accessToken: string | null
}

export interface RouteContext {
  backend: BackendAdapter
  store: SessionStore
  flights: RefreshFlights
  maxBodyBytes: number
  now: () => number
  logger: Pick<Console, 'warn'>
  /** Session bodies carry the access token (opt-in, see `GatehouseOptions.exposeAccessToken`). */
  exposeAccessToken: boolean
}

const signedOut = (cookies: CookieWrite[] = []): RouteResult => ({ status: 200, body: { user: null }, cookies })

/** The backend ended the session: 401 `session_expired`, with the cookies that clear it. */
export const sessionEnded = (cookies: CookieWrite[]): RouteResult => ({ status: 401, body: sessionExpired().toBody(), cookies })

/** The backend tokens with their profile: it comes with them or from one more call. */
async function withProfile(context: RouteContext, tokens: BackendTokens): Promise<ExchangeResult> {
  return { tokens, user: tokens.user ?? (await context.backend.profile(tokens.accessToken)) }
}

async function startSession(context: RouteContext, { tokens, user }: ExchangeResult, previous: StoredSession): Promise<Resumed & { session: Session }> {
  const { access, cookies } = await context.store.write(tokens, user, previous)
  return { session: toSession(access, tokens.refreshToken !== undefined, context.exposeAccessToken), cookies, accessToken: access.accessToken }
}

/**
 * Exchanges the stored refresh token, once however many requests carry it. A backend that
 * rejects it ends the session (cookies cleared); a backend that is down or slow throws, and the
 * cookies stay as they were.
 */
export async function refreshSession(context: RouteContext, stored: StoredSession): Promise<Resumed> {
  const held = stored.refresh && { ...stored.refresh, accessToken: stored.access?.accessToken }
  const outcome = held ? await context.flights.run(held, async (refreshToken) => withProfile(context, await context.backend.refresh(refreshToken))) : null
  return outcome ? startSession(context, outcome, stored) : { session: null, cookies: context.store.clear(stored), accessToken: null }
}

/** The stored session while its access token lasts, without any network call; else `null`. */
export function currentSession(context: RouteContext, { access, refresh }: StoredSession): Resumed | null {
  if (!access || access.expiresAt <= context.now()) return null
  return { session: toSession(access, refresh !== undefined, context.exposeAccessToken), cookies: [], accessToken: access.accessToken }
}

/** The session as the server knows it, refreshing only when the access token has expired. Tampered cookies sign out. */
export async function resumeSession(context: RouteContext, stored: StoredSession): Promise<Resumed> {
  const current = currentSession(context, stored)
  if (current) return current
  if (stored.refresh) return refreshSession(context, stored)
  return { session: null, cookies: stored.discard || stored.access ? context.store.clear(stored) : [], accessToken: null }
}

export const authRoutes = {
  /** A plain HTML form is sent on to its `next`; its failures go back to the form (see `handle`). */
  async login(context: RouteContext, previous: StoredSession, request: Request): Promise<RouteResult> {
    const { credentials, next } = await readLoginBody(request, context.maxBodyBytes)
    // A sign-in starts a new session: only the names of the cookies it replaces are kept, to clear stale chunks.
    const { session, cookies } = await startSession(context, await withProfile(context, await context.backend.login(credentials)), { present: previous.present, discard: false })
    return isFormNavigation(request) ? { status: 303, body: null, cookies, location: safeRedirectPath(next) } : { status: 200, body: session, cookies }
  },

  async session(context: RouteContext, stored: StoredSession): Promise<RouteResult> {
    const { session, cookies } = await resumeSession(context, stored)
    return session ? { status: 200, body: session, cookies } : signedOut(cookies)
  },

  async refresh(context: RouteContext, stored: StoredSession): Promise<RouteResult> {
    const { session, cookies } = await refreshSession(context, stored)
    return session ? { status: 200, body: session, cookies } : sessionEnded(cookies)
  },

  async logout(context: RouteContext, stored: StoredSession): Promise<RouteResult> {
    try {
      await context.backend.logout({ accessToken: stored.access?.accessToken, refreshToken: stored.refresh?.refreshToken })
    } catch (error) {
      // The cookies go regardless: a backend that cannot hear the sign-out must not keep anyone signed in here.
      context.logger.warn(`[gatehouse] the backend did not confirm the sign-out (${error instanceof GatehouseError ? error.code : 'error'}); cookies cleared anyway.`)
    }
    return signedOut(context.store.clear(stored))
  },
}
