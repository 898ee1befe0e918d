import type { Session, User } from '../core/types'
import { parseCookies, type CookieWrite } from './cookies'
import type { Sealer } from './createSealer'
import type { BackendTokens } from './types'

/** What the two sealed cookies hold between requests. Times are epoch milliseconds. */
export interface StoredSession {
  /** Present while the session cookie unseals; the access token may have expired. */
  access?: { user: User; accessToken: string; expiresAt: number }
  refresh?: { refreshToken: string; expiresAt: number }
  /** A gatehouse cookie was present but did not unseal: it should be cleared. */
  tampered: boolean
}

export interface SessionStore {
  names: { session: string; refresh: string }
  read(cookieHeader: string | null): Promise<StoredSession>
  write(tokens: BackendTokens, user: User): Promise<CookieWrite[]>
  clear(): CookieWrite[]
}

/**
 * The browser's view of a stored session: who and until when, never a token. Without a refresh
 * token it says `refreshable: false`, so the browser lets it end with the access token.
 */
export const toSession = (access: NonNullable<StoredSession['access']>, refreshable: boolean): Session => ({
  user: access.user,
  expiresAt: new Date(access.expiresAt).toISOString(),
  ...(refreshable ? {} : { refreshable: false }),
})

/**
 * Keeps a session in two sealed, httpOnly cookies: the user and access token, and the refresh
 * token. Both live until the session can no longer be refreshed, so the user is known even after
 * the access token expires and a refresh can bring it back.
 */
export function createSessionStore(sealer: Sealer, { secure, now = Date.now }: { secure: boolean; now?: () => number }): SessionStore {
  const prefix = secure ? '__Host-gatehouse' : 'gatehouse'
  const names = { session: `${prefix}.session`, refresh: `${prefix}.refresh` }
  return {
    names,
    async read(cookieHeader) {
      const cookies = parseCookies(cookieHeader)
      const sessionCookie = cookies.get(names.session)
      const refreshCookie = cookies.get(names.refresh)
      const access = sessionCookie ? await sealer.unseal<StoredSession['access']>(sessionCookie, names.session) : undefined
      const refresh = refreshCookie ? await sealer.unseal<StoredSession['refresh']>(refreshCookie, names.refresh) : undefined
      const live = refresh && refresh.expiresAt > now() ? refresh : undefined
      return {
        ...(access ? { access } : {}),
        ...(live ? { refresh: live } : {}),
        tampered: (sessionCookie !== undefined && !access) || (refreshCookie !== undefined && !refresh),
      }
    },
    async write(tokens, user) {
      const sessionEnds = new Date(tokens.refreshToken ? (tokens.refreshTokenExpiresAt ?? tokens.accessTokenExpiresAt) : tokens.accessTokenExpiresAt)
      const access = { user, accessToken: tokens.accessToken, expiresAt: tokens.accessTokenExpiresAt }
      const writes: CookieWrite[] = [{ name: names.session, value: await sealer.seal(access, names.session), expires: sessionEnds }]
      if (tokens.refreshToken) {
        const refresh = { refreshToken: tokens.refreshToken, expiresAt: sessionEnds.getTime() }
        writes.push({ name: names.refresh, value: await sealer.seal(refresh, names.refresh), expires: sessionEnds })
      } else {
        writes.push({ name: names.refresh, value: null })
      }
      return writes
    },
    clear: () => [
      { name: names.session, value: null },
      { name: names.refresh, value: null },
    ],
  }
}
