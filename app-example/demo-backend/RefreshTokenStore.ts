import { randomBytes, randomUUID } from 'node:crypto'

/** A freshly minted refresh token; `expiresAt` is in epoch milliseconds. */
export interface IssuedRefreshToken {
  token: string
  familyId: string
  expiresAt: number
}

/** Outcome of presenting a refresh token: a rotated token, or why it was refused. */
export type Rotation = { ok: true; userId: string; issued: IssuedRefreshToken } | { ok: false; reason: 'invalid' | 'reused' }

interface StoredRefreshToken {
  userId: string
  familyId: string
  expiresAt: number
  used: boolean
}

/**
 * In-memory refresh tokens grouped into families (one family per login). Rotating marks the presented
 * token used; presenting a used token again is treated as theft and revokes the whole family.
 */
export class RefreshTokenStore {
  // Used tokens stay until they expire (or their family is revoked) so that a replay can still be
  // recognised; past its expiry a replayed token is refused as invalid anyway.
  readonly #tokens = new Map<string, StoredRefreshToken>()
  // Family id → its user, and when it may be forgotten: `familyTtlSeconds` after its latest token was issued.
  readonly #activeFamilies = new Map<string, { userId: string; forgetAt: number }>()
  readonly #ttlSeconds: number
  readonly #familyTtlSeconds: number
  readonly #now: () => number

  /**
   * `familyTtlSeconds` must cover the access tokens bound to a family as well, since they stop
   * verifying once it is forgotten; it defaults to the refresh-token TTL.
   */
  constructor(ttlSeconds: number, now: () => number, familyTtlSeconds = ttlSeconds) {
    this.#ttlSeconds = ttlSeconds
    this.#familyTtlSeconds = Math.max(ttlSeconds, familyTtlSeconds)
    this.#now = now
  }

  /** Opens a new family for `userId` and returns its first refresh token. */
  startFamily(userId: string): IssuedRefreshToken {
    return this.#issue(userId, randomUUID())
  }

  /** Exchanges `token` for its successor in the same family, enforcing single use and expiry. */
  rotate(token: string): Rotation {
    const stored = this.#tokens.get(token)
    if (stored === undefined) return { ok: false, reason: 'invalid' }
    if (stored.used) {
      this.revoke(stored.familyId)
      return { ok: false, reason: 'reused' }
    }
    if (this.#now() >= stored.expiresAt) return { ok: false, reason: 'invalid' }
    stored.used = true
    return { ok: true, userId: stored.userId, issued: this.#issue(stored.userId, stored.familyId) }
  }

  /** Whether `familyId` is still live; access tokens carry it as `sid`, so this also decides their fate. */
  isActive(familyId: string): boolean {
    const family = this.#activeFamilies.get(familyId)
    return family !== undefined && this.#now() < family.forgetAt
  }

  /** The family of a refresh token this store issued, used or not, until it expires. */
  familyOf(token: string): string | undefined {
    const stored = this.#tokens.get(token)
    return stored && this.#now() < stored.expiresAt ? stored.familyId : undefined
  }

  /** Revokes one family: its refresh tokens are forgotten and its access tokens stop verifying. */
  revoke(familyId: string): void {
    this.#activeFamilies.delete(familyId)
    for (const [token, stored] of this.#tokens) {
      if (stored.familyId === familyId) this.#tokens.delete(token)
    }
  }

  /** Revokes every family of `userId`, e.g. once their password has been reset. */
  revokeUser(userId: string): void {
    for (const [familyId, family] of this.#activeFamilies) {
      if (family.userId === userId) this.revoke(familyId)
    }
  }

  /** Revokes every family issued so far. */
  revokeAll(): void {
    this.#activeFamilies.clear()
    this.#tokens.clear()
  }

  /** Forgets expired tokens and families, used or not; returns how many of each are left. */
  purgeExpired(): { tokens: number; families: number } {
    const now = this.#now()
    for (const [token, stored] of this.#tokens) {
      if (now >= stored.expiresAt) this.#tokens.delete(token)
    }
    for (const [familyId, family] of this.#activeFamilies) {
      if (now >= family.forgetAt) this.#activeFamilies.delete(familyId)
    }
    return this.size
  }

  /** How many tokens and families are held, expired ones included until the next purge. */
  get size(): { tokens: number; families: number } {
    return { tokens: this.#tokens.size, families: this.#activeFamilies.size }
  }

  #issue(userId: string, familyId: string): IssuedRefreshToken {
    const token = randomBytes(32).toString('base64url')
    const now = this.#now()
    const expiresAt = now + this.#ttlSeconds * 1000
    this.#tokens.set(token, { userId, familyId, expiresAt, used: false })
    this.#activeFamilies.set(familyId, { userId, forgetAt: now + this.#familyTtlSeconds * 1000 })
    return { token, familyId, expiresAt }
  }
}
