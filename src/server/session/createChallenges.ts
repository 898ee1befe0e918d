import type { SecondFactorChallenge } from '../backend/BackendAdapter'
import { parseCookies, type CookieWrite } from './cookies'
import type { Sealer } from './createSealer'

/** How long a sign-in waits for its second factor: what the person needs to open the app and type six digits. */
export const CHALLENGE_LIFETIME_MS = 5 * 60_000

/** The sign-in that waits for a second factor, kept sealed in its own cookie between the two steps. */
export interface Challenges {
  /** The waiting challenge, or `null` when there is none, it is tampered with, or its five minutes are over. */
  read(cookieHeader: string | null): Promise<SecondFactorChallenge | null>
  /** The cookie that keeps `challenge` for five minutes. */
  write(challenge: SecondFactorChallenge): Promise<CookieWrite>
  /** The cookie write that ends the wait. */
  clear(): CookieWrite
}

/**
 * Seals a second-factor challenge (the backend's challenge token, or for a backend that takes the
 * sign-in again the credentials) into an httpOnly cookie: no page script reads it, and it is good
 * for five minutes whatever the cookie's own expiry says.
 *
 * @example
 * const challenges = createChallenges(sealer, { secure: true })
 * const cookie = await challenges.write({ challengeToken })
 */
export function createChallenges(sealer: Sealer, { secure, now = Date.now }: { secure: boolean; now?: () => number }): Challenges {
  const name = `${secure ? '__Host-gatehouse' : 'gatehouse'}.challenge`
  return {
    async read(cookieHeader) {
      const sealed = parseCookies(cookieHeader).get(name)
      const held = sealed ? await sealer.unseal<{ challenge: SecondFactorChallenge; expiresAt: number }>(sealed, name) : null
      return held && held.expiresAt > now() ? held.challenge : null
    },
    async write(challenge) {
      const expiresAt = now() + CHALLENGE_LIFETIME_MS
      return { name, value: await sealer.seal({ challenge, expiresAt }, name), expires: new Date(expiresAt) }
    },
    clear: () => ({ name, value: null }),
  }
}
