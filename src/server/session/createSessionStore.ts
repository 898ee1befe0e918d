import type { Session, User } from '../../contract/types'
import { chunkCookie, readChunkedCookie } from './chunkCookie'
import { parseCookies, type CookieWrite } from './cookies'
import type { Sealer } from './createSealer'
import type { BackendTokens } from '../backend/BackendAdapter'
import { encodeBase64url } from '../base64url'

/** What the two sealed cookies hold between requests. Times are epoch milliseconds. */
export interface StoredSession {
  /** Present while the session cookie unseals; the access token may have expired. */
  access?: {
    /** Random, from the sign-in on, kept through refreshes: what a sign-out revokes. */
    sessionId: string
    user: User
    accessToken: string
    expiresAt: number
    startedAt: number
    activeAt: number
    /** `activeAt + idleTimeoutMs` when there is an idle timeout: the browser is told it, to report activity before then. */
    idleEndsAt?: number
  }
  refresh?: { refreshToken: string; expiresAt: number }
  /** The gatehouse cookies the request carried, chunks included, so a write can clear stale ones. */
  present: string[]
  /** Gatehouse cookies were present but are unusable (tampered, or past a lifetime): clear them. */
  discard: boolean
  /** A cookie did not unseal: tampered with, or sealed with a secret no longer configured. */
  unsealable?: true
  /** The cookies are of a session signed out before: a copy replayed. */
  revoked?: true
}

export interface SessionLimits {
  /** Signed out after this long without the person acting: a sign-in, a refresh from the server or one the browser marks active. */
  idleTimeoutMs?: number
  /** Signed out this long after signing in, however active. */
  absoluteLifetimeMs?: number
}

export interface SessionStore {
  read(cookieHeader: string | null): Promise<StoredSession>
  /**
   * Seals a session; `previous` is what the request carried: a session it continues keeps its
   * start time. `activeAt` is when the person last acted, as the browser reports it (default: now),
   * kept between the activity `previous` counted and now.
   */
  write(
    tokens: BackendTokens,
    user: User,
    previous: StoredSession,
    activeAt?: number,
  ): Promise<{ access: NonNullable<StoredSession['access']>; cookies: CookieWrite[] }>
  clear(previous: StoredSession): CookieWrite[]
}

/**
 * The browser's view of a stored session: who and until when. Without a refresh token it says
 * `refreshable: false`, so the browser lets it end with the access token. The access token is
 * included only when the app opted in to exposing it.
 */
export const toSession = (access: NonNullable<StoredSession['access']>, refreshable: boolean, exposeAccessToken = false): Session => ({
  user: access.user,
  expiresAt: new Date(access.expiresAt).toISOString(),
  ...(refreshable ? {} : { refreshable: false }),
  ...(access.idleEndsAt === undefined ? {} : { idleEndsAt: new Date(access.idleEndsAt).toISOString() }),
  ...(exposeAccessToken ? { accessToken: access.accessToken } : {}),
})

const randomSessionId = () => encodeBase64url(crypto.getRandomValues(new Uint8Array(16)))

/**
 * Keeps a session in two sealed, httpOnly cookies (split into chunks when too large for one):
 * the user, access token and session times, and the refresh token. Both live until the session
 * can no longer be refreshed or reaches its absolute lifetime, whichever comes first.
 */
export function createSessionStore(
  sealer: Sealer,
  {
    secure,
    now = Date.now,
    isRevoked = () => false,
    idleTimeoutMs,
    absoluteLifetimeMs,
  }: { secure: boolean; now?: () => number; isRevoked?: (sessionId: string) => boolean } & SessionLimits,
): SessionStore {
  const prefix = secure ? '__Host-gatehouse' : 'gatehouse'
  const names = { session: `${prefix}.session`, refresh: `${prefix}.refresh` }
  const ours = (cookie: string) => Object.values(names).some((name) => cookie === name || cookie.startsWith(`${name}.`))
  const ended = ({ startedAt, activeAt }: NonNullable<StoredSession['access']>) =>
    (absoluteLifetimeMs !== undefined && now() >= startedAt + absoluteLifetimeMs) ||
    (idleTimeoutMs !== undefined && now() >= activeAt + idleTimeoutMs)
  const clearStale = (writes: CookieWrite[], previous: StoredSession) => [
    ...writes,
    ...previous.present.filter((name) => !writes.some((write) => write.name === name)).map((name) => ({ name, value: null })),
  ]

  return {
    async read(cookieHeader) {
      const cookies = parseCookies(cookieHeader)
      const present = [...cookies.keys()].filter(ours)
      const sessionCookie = readChunkedCookie(cookies, names.session)
      const refreshCookie = readChunkedCookie(cookies, names.refresh)
      // Cookies opened before are taken as they were, with no await: most reads are of those.
      const access = sessionCookie
        ? (sealer.opened<StoredSession['access']>(sessionCookie, names.session) ??
          (await sealer.unseal<StoredSession['access']>(sessionCookie, names.session)))
        : null
      const refresh = refreshCookie
        ? (sealer.opened<StoredSession['refresh']>(refreshCookie, names.refresh) ??
          (await sealer.unseal<StoredSession['refresh']>(refreshCookie, names.refresh)))
        : null
      const tampered = (sessionCookie !== undefined && !access) || (refreshCookie !== undefined && !refresh)
      // A refresh cookie without its session cookie has lost its start time: it cannot continue a session.
      if (tampered) return { present, discard: true, unsealable: true }
      if (!access || ended(access)) return { present, discard: present.length > 0 }
      if (isRevoked(access.sessionId)) return { present, discard: true, revoked: true }
      const live = refresh && refresh.expiresAt > now() ? refresh : undefined
      return { access, ...(live ? { refresh: live } : {}), present, discard: false }
    },
    async write(tokens, user, previous, reportedActiveAt = now()) {
      // A browser can neither take back activity already counted nor claim any from the future.
      const activeAt = Math.min(now(), Math.max(previous.access?.activeAt ?? -Infinity, reportedActiveAt))
      const startedAt = previous.access?.startedAt ?? now()
      const lastRefresh = tokens.refreshToken ? (tokens.refreshTokenExpiresAt ?? tokens.accessTokenExpiresAt) : tokens.accessTokenExpiresAt
      const sessionEnds = Math.min(lastRefresh, absoluteLifetimeMs === undefined ? Infinity : startedAt + absoluteLifetimeMs)
      const expires = new Date(sessionEnds)
      const access = {
        sessionId: previous.access?.sessionId ?? randomSessionId(),
        user,
        accessToken: tokens.accessToken,
        expiresAt: Math.min(tokens.accessTokenExpiresAt, sessionEnds),
        startedAt,
        activeAt,
        ...(idleTimeoutMs === undefined ? {} : { idleEndsAt: activeAt + idleTimeoutMs }),
      }
      const writes = chunkCookie(names.session, await sealer.seal(access, names.session), expires)
      if (tokens.refreshToken) {
        const refresh = { refreshToken: tokens.refreshToken, expiresAt: sessionEnds }
        writes.push(...chunkCookie(names.refresh, await sealer.seal(refresh, names.refresh), expires))
      }
      return { access, cookies: clearStale(writes, previous) }
    },
    clear: (previous) => clearStale([], { ...previous, present: [...new Set([names.session, names.refresh, ...previous.present])] }),
  }
}
