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
  // Used tokens stay until their family is revoked so that a replay can still be recognised.
  readonly #tokens = new Map<string, StoredRefreshToken>()
  readonly #activeFamilies = new Set<string>()
  readonly #ttlSeconds: number
  readonly #now: () => number

  constructor(ttlSeconds: number, now: () => number) {
    this.#ttlSeconds = ttlSeconds
    this.#now = now
  }

  /** Opens a new family for `userId` and returns its first refresh token. */
  startFamily(userId: string): IssuedRefreshToken {
    const familyId = randomUUID()
    this.#activeFamilies.add(familyId)
    return this.#issue(userId, familyId)
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
    return this.#activeFamilies.has(familyId)
  }

  /** Revokes one family: its refresh tokens are forgotten and its access tokens stop verifying. */
  revoke(familyId: string): void {
    this.#activeFamilies.delete(familyId)
    for (const [token, stored] of this.#tokens) {
      if (stored.familyId === familyId) this.#tokens.delete(token)
    }
  }

  /** Revokes every family issued so far. */
  revokeAll(): void {
    this.#activeFamilies.clear()
    this.#tokens.clear()
  }

  #issue(userId: string, familyId: string): IssuedRefreshToken {
    const token = randomBytes(32).toString('base64url')
    const expiresAt = this.#now() + this.#ttlSeconds * 1000
    this.#tokens.set(token, { userId, familyId, expiresAt, used: false })
    return { token, familyId, expiresAt }
  }
}
