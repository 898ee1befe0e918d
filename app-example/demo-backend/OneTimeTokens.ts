import { randomBytes } from 'node:crypto'

interface StoredToken {
  userId: string
  expiresAt: number
}

/**
 * Single-use, expiring tokens for the links the backend mails (email confirmation, password reset),
 * at most one live per user: a new one replaces the user's previous one, so only the latest link works.
 *
 * @example
 * const resets = new OneTimeTokens(3600, Date.now)
 * const token = resets.issue('1') // url-safe, goes into /reset-password?token=…
 * resets.consume(token) // '1', then undefined
 */
export class OneTimeTokens {
  readonly #tokens = new Map<string, StoredToken>()
  readonly #latestByUser = new Map<string, string>()
  readonly #ttlMs: number
  readonly #now: () => number

  constructor(ttlSeconds: number, now: () => number) {
    this.#ttlMs = ttlSeconds * 1000
    this.#now = now
  }

  /** A new url-safe token for `userId`; the user's previous token stops working. */
  issue(userId: string): string {
    const previous = this.#latestByUser.get(userId)
    if (previous !== undefined) this.#tokens.delete(previous)
    const token = randomBytes(32).toString('base64url')
    this.#tokens.set(token, { userId, expiresAt: this.#now() + this.#ttlMs })
    this.#latestByUser.set(userId, token)
    return token
  }

  /** The user `token` was issued to, once: the token is used up, or undefined when it is unknown, used or expired. */
  consume(token: string): string | undefined {
    const stored = this.#tokens.get(token)
    if (stored === undefined) return undefined
    this.#forget(token, stored)
    return this.#now() < stored.expiresAt ? stored.userId : undefined
  }

  /** Forgets expired tokens; returns how many are left. */
  purgeExpired(): number {
    const now = this.#now()
    for (const [token, stored] of this.#tokens) {
      if (now >= stored.expiresAt) this.#forget(token, stored)
    }
    return this.#tokens.size
  }

  /** How many tokens are held, expired ones included until the next purge. */
  get size(): number {
    return this.#tokens.size
  }

  #forget(token: string, stored: StoredToken): void {
    this.#tokens.delete(token)
    if (this.#latestByUser.get(stored.userId) === token) this.#latestByUser.delete(stored.userId)
  }
}
