import { createHash, timingSafeEqual } from 'node:crypto'
import { verifyTotp } from './totp'

/**
 * The SHA-256 digest under which a recovery code is stored. Not scrypt as for passwords: a real
 * backend's recovery codes are long and random, so a fast hash is enough, and it keeps the second step
 * synchronous, so no two codes for one challenge can be checked side by side.
 */
function hashRecoveryCode(code: string): Buffer {
  return createHash('sha256').update(code.trim()).digest()
}

/**
 * One account's second factor: a TOTP secret and single-use recovery codes, held as hashes. A TOTP
 * code or a recovery code is accepted once only.
 *
 * @example
 * const secondFactor = new SecondFactor('JBSWY3DPEHPK3PXP', ['FQdiwuKbofGRScCSB3rRj5B9tAXLYIjWyFKT4OIXNMs'])
 * secondFactor.acceptCode(totpCode('JBSWY3DPEHPK3PXP', Date.now()), Date.now()) // true, then false for the same code
 */
export class SecondFactor {
  readonly #secret: string
  readonly #recoveryCodeHashes: Buffer[]
  #usedStep = Number.NEGATIVE_INFINITY

  /** `recoveryCodeHashes` are base64url SHA-256 digests of the codes, as users.ts holds them. */
  constructor(secretBase32: string, recoveryCodeHashes: readonly string[]) {
    this.#secret = secretBase32
    this.#recoveryCodeHashes = recoveryCodeHashes.map((hash) => Buffer.from(hash, 'base64url'))
  }

  /** Whether `code` is a current TOTP code not accepted before; accepting it retires its time step and every earlier one. */
  acceptCode(code: string, timeMs: number): boolean {
    const step = verifyTotp(this.#secret, code, timeMs, this.#usedStep)
    if (step === undefined) return false
    this.#usedStep = step
    return true
  }

  /** Whether `code` is one of the recovery codes left; a match is used up. */
  acceptRecoveryCode(code: string): boolean {
    const offered = hashRecoveryCode(code)
    // Compared with every stored hash, without stopping at a match, so the time taken does not tell which one matched.
    const matches = this.#recoveryCodeHashes.map((stored) => timingSafeEqual(stored, offered))
    const index = matches.indexOf(true)
    if (index === -1) return false
    this.#recoveryCodeHashes.splice(index, 1)
    return true
  }
}
