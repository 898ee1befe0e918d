import { randomBytes } from 'node:crypto'

/** A sign-in waiting for its second step: whose it is, and the sign-in throttle's key its wrong codes count under. */
export interface SecondFactorChallenge {
  userId: string
  throttleKey: string
}

interface StoredChallenge extends SecondFactorChallenge {
  expiresAt: number
  wrongCodes: number
}

/**
 * The `mfa_token`s of sign-ins whose password was right and whose second factor is still to come.
 * Each lives `ttlSeconds` and takes at most `maxWrongCodes` wrong codes; then it is forgotten and the
 * person signs in again.
 *
 * @example
 * const challenges = new SecondFactorChallenges(300, 5, Date.now)
 * const mfaToken = challenges.start('3', 'totp@example.com')
 */
export class SecondFactorChallenges {
  readonly #challenges = new Map<string, StoredChallenge>()
  readonly #ttlMs: number
  readonly #maxWrongCodes: number
  readonly #now: () => number

  constructor(ttlSeconds: number, maxWrongCodes: number, now: () => number) {
    this.#ttlMs = ttlSeconds * 1000
    this.#maxWrongCodes = maxWrongCodes
    this.#now = now
  }

  /** Opens a challenge for `userId` and returns its random `mfa_token`. */
  start(userId: string, throttleKey: string): string {
    const token = randomBytes(32).toString('base64url')
    this.#challenges.set(token, { userId, throttleKey, expiresAt: this.#now() + this.#ttlMs, wrongCodes: 0 })
    return token
  }

  /** The live challenge behind `token`, or undefined when it is unknown, expired or used up. */
  find(token: string): SecondFactorChallenge | undefined {
    const stored = this.#challenges.get(token)
    if (stored === undefined || this.#now() < stored.expiresAt) return stored
    this.#challenges.delete(token)
    return undefined
  }

  /** Counts a wrong code against `token`, forgetting the challenge at the limit. */
  recordWrongCode(token: string): void {
    const stored = this.#challenges.get(token)
    if (stored !== undefined && ++stored.wrongCodes >= this.#maxWrongCodes) this.#challenges.delete(token)
  }

  /** Forgets `token`'s challenge: its sign-in is complete. */
  finish(token: string): void {
    this.#challenges.delete(token)
  }

  /** Forgets every challenge of `userId`, e.g. once the password it was opened with has been reset. */
  revokeUser(userId: string): void {
    for (const [token, stored] of this.#challenges) {
      if (stored.userId === userId) this.#challenges.delete(token)
    }
  }

  /** Forgets expired challenges; returns how many are left. */
  purgeExpired(): number {
    const now = this.#now()
    for (const [token, stored] of this.#challenges) {
      if (now >= stored.expiresAt) this.#challenges.delete(token)
    }
    return this.#challenges.size
  }

  /** How many challenges are held, expired ones included until the next purge. */
  get size(): number {
    return this.#challenges.size
  }
}
