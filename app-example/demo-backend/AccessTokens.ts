import { randomUUID } from 'node:crypto'
import { SignJWT, errors, jwtVerify } from 'jose'

/** What a valid access token says about its bearer. */
export interface AccessTokenClaims {
  userId: string
  familyId: string
}

/** A freshly signed access token; `expiresAt` is in epoch milliseconds. */
export interface IssuedAccessToken {
  token: string
  expiresAt: number
}

/** Signs and verifies HS256 access tokens against an injected clock, so tests can age tokens without waiting. */
export class AccessTokens {
  readonly #secret: Uint8Array
  readonly #ttlSeconds: number
  readonly #now: () => number

  constructor(secret: Uint8Array, ttlSeconds: number, now: () => number) {
    this.#secret = secret
    this.#ttlSeconds = ttlSeconds
    this.#now = now
  }

  /** Signs a token for `userId`, bound through the `sid` claim to refresh-token family `familyId`. */
  async issue(userId: string, familyId: string): Promise<IssuedAccessToken> {
    const now = this.#now()
    const expiresAt = now + this.#ttlSeconds * 1000
    const token = await new SignJWT({ sid: familyId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuedAt(Math.floor(now / 1000))
      // To the millisecond, as NumericDate allows: a whole-second expiry would cut up to a second off
      // every token, a third of a 3 s token's life, and a refresh ahead of it would come that much sooner.
      .setExpirationTime(expiresAt / 1000)
      // Without a jti, two tokens minted in the same second for the same session would be byte-identical.
      .setJti(randomUUID())
      .sign(this.#secret)
    return { token, expiresAt }
  }

  /** Returns the token's claims, or undefined when it is malformed, forged, expired or lacks `sub`/`sid`. */
  async verify(token: string): Promise<AccessTokenClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.#secret, {
        algorithms: ['HS256'],
        currentDate: new Date(this.#now()),
      })
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return undefined
      return { userId: payload.sub, familyId: payload.sid }
    } catch (error) {
      if (error instanceof errors.JOSEError) return undefined
      throw error
    }
  }
}
