import type { Session } from '../../contract/types'
import type { BackendAdapter, BackendTokens, ClientAddress } from '../backend/BackendAdapter'
import type { CookieWrite } from './cookies'
import type { ExchangeResult, RefreshFlights } from './createRefreshFlights'
import { toSession, type SessionStore, type StoredSession } from './createSessionStore'
import type { RequestTrace, SecurityEvents } from '../securityEvents'

/** What reading, starting and refreshing a session needs. */
export interface SessionContext {
  backend: BackendAdapter
  store: SessionStore
  flights: RefreshFlights
  now: () => number
  /** Session bodies carry the access token (opt-in, see `GatehouseOptions.exposeAccessToken`). */
  exposeAccessToken: boolean
  events: SecurityEvents
  /** The request this read or refresh serves, for the events it causes. */
  trace: RequestTrace
  /** That request's client, as the trusted proxies tell it (`GatehouseOptions.clientAddress`), for the backend. */
  clientAddress?: ClientAddress
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

/** Seals a session from the backend's tokens; `previous` is what the request carried, `activeAt` when the person last acted (default: now). */
export async function startSession(
  context: SessionContext,
  { tokens, user }: ExchangeResult,
  previous: StoredSession,
  activeAt?: number,
): Promise<Resumed & { session: Session }> {
  const { access, cookies } = await context.store.write(tokens, user, previous, activeAt)
  return {
    session: toSession(access, tokens.refreshToken !== undefined, context.exposeAccessToken),
    cookies,
    accessToken: access.accessToken,
  }
}

/**
 * Exchanges the stored refresh token, once however many requests carry it. A backend that
 * rejects it ends the session (cookies cleared); a backend that is down or slow throws, and the
 * cookies stay as they were. `activeAt` is when the person last acted, as the browser reports it;
 * left out (a refresh during a navigation), the refresh counts as activity.
 */
export async function refreshSession(context: SessionContext, stored: StoredSession, activeAt?: number): Promise<Resumed> {
  // Requests racing on one refresh token share the first one's exchange, and so its client address.
  const exchange = async (refreshToken: string) =>
    withProfile(context, await context.backend.refresh(refreshToken, { clientAddress: context.clientAddress }))
  const held = stored.refresh && { ...stored.refresh, accessToken: stored.access?.accessToken }
  const outcome = held ? await context.flights.run(held, exchange) : null
  if (outcome) return startSession(context, outcome, stored, activeAt)
  if (held) context.events.report('refresh_refused', context.trace, { code: 'session_expired', status: 401 })
  return { session: null, cookies: context.store.clear(stored), accessToken: null }
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
