import type { Session } from '../../contract/types'
import type { BackendAdapter, BackendTokens } from '../backend/BackendAdapter'
import type { CookieWrite } from './cookies'
import type { ExchangeResult, RefreshFlights } from './createRefreshFlights'
import { toSession, type SessionStore, type StoredSession } from './createSessionStore'

/** What reading, starting and refreshing a session needs. */
export interface SessionContext {
  backend: BackendAdapter
  store: SessionStore
  flights: RefreshFlights
  now: () => number
  /** Session bodies carry the access token (opt-in, see `GatehouseOptions.exposeAccessToken`). */
  exposeAccessToken: boolean
}

/** A session after a read or refresh: the browser's view, the cookies to write, and (server-only) its access token. */
export interface Resumed {
  session: Session | null
  cookies: CookieWrite[]
  accessToken: string | null
}

/** The backend tokens with their profile: it comes with them or from one more call. */
export async function withProfile(context: SessionContext, tokens: BackendTokens): Promise<ExchangeResult> {
  return { tokens, user: tokens.user ?? (await context.backend.profile(tokens.accessToken)) }
}

/** Seals a session from the backend's tokens; `previous` is what the request carried. */
export async function startSession(
  context: SessionContext,
  { tokens, user }: ExchangeResult,
  previous: StoredSession,
): Promise<Resumed & { session: Session }> {
  const { access, cookies } = await context.store.write(tokens, user, previous)
  return {
    session: toSession(access, tokens.refreshToken !== undefined, context.exposeAccessToken),
    cookies,
    accessToken: access.accessToken,
  }
}

/**
 * Exchanges the stored refresh token, once however many requests carry it. A backend that
 * rejects it ends the session (cookies cleared); a backend that is down or slow throws, and the
 * cookies stay as they were.
 */
export async function refreshSession(context: SessionContext, stored: StoredSession): Promise<Resumed> {
  const exchange = async (refreshToken: string) => withProfile(context, await context.backend.refresh(refreshToken))
  const held = stored.refresh && { ...stored.refresh, accessToken: stored.access?.accessToken }
  const outcome = held ? await context.flights.run(held, exchange) : null
  return outcome ? startSession(context, outcome, stored) : { session: null, cookies: context.store.clear(stored), accessToken: null }
}

/** The stored session while its access token lasts, without any network call; else `null`. */
export function currentSession(context: SessionContext, { access, refresh }: StoredSession): Resumed | null {
  if (!access || access.expiresAt <= context.now()) return null
  return { session: toSession(access, refresh !== undefined, context.exposeAccessToken), cookies: [], accessToken: access.accessToken }
}

/**
 * The session as the server knows it, refreshing only when the access token has expired.
 * Tampered cookies sign out.
 *
 * @example
 * const { session, cookies } = await resumeSession(context, await store.read(request.headers.get('cookie')))
 */
export async function resumeSession(context: SessionContext, stored: StoredSession): Promise<Resumed> {
  const current = currentSession(context, stored)
  if (current) return current
  if (stored.refresh) return refreshSession(context, stored)
  return { session: null, cookies: stored.discard || stored.access ? context.store.clear(stored) : [], accessToken: null }
}
