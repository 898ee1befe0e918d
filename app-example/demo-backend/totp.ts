import { createHmac, timingSafeEqual } from 'node:crypto'

const STEP_SECONDS = 30
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** RFC 4648 base32, as authenticator apps show secrets: case-insensitive, padding and spaces ignored. */
function decodeBase32(text: string): Buffer {
  const bytes: number[] = []
  let buffered = 0
  let bits = 0
  for (const char of text.replace(/[\s=]/g, '').toUpperCase()) {
    const index = BASE32_ALPHABET.indexOf(char)
    if (index === -1) throw new Error(`totp: "${char}" is not a base32 character.`)
    // Masked so that the buffer never outgrows the 12 bits it can hold between two bytes.
    buffered = ((buffered << 5) | index) & 0xfff
    bits += 5
    if (bits >= 8) {
      bits -= 8
      bytes.push((buffered >> bits) & 0xff)
    }
  }
  return Buffer.from(bytes)
}

/** RFC 4226 HOTP with HMAC-SHA1 and dynamic truncation. */
function hotp(key: Buffer, counter: number, digits: number): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const digest = createHmac('sha1', key).update(message).digest()
  const offset = (digest[19] ?? 0) & 0x0f
  const binary = digest.readUInt32BE(offset) & 0x7fffffff
  return String(binary % 10 ** digits).padStart(digits, '0')
}

const timeStep = (timeMs: number) => Math.floor(timeMs / 1000 / STEP_SECONDS)

/**
 * The RFC 6238 TOTP code for `secretBase32` at `timeMs` (epoch milliseconds): HMAC-SHA1, 30 s steps,
 * 6 digits as authenticator apps show (`digits` 8 reproduces the RFC's test vectors).
 *
 * @example
 * // What the TOTP demo user's authenticator app shows now:
 * const code = totpCode('JBSWY3DPEHPK3PXP', Date.now()) // e.g. '492039'
 */
export function totpCode(secretBase32: string, timeMs: number, digits = 6): string {
  return hotp(decodeBase32(secretBase32), timeStep(timeMs), digits)
}

/**
 * The time step `code` belongs to, or undefined when it is not a current 6-digit code for
 * `secretBase32`. The steps just before and after the one at `timeMs` are accepted too, for a phone
 * clock a little off and a code typed at the end of its 30 s. Steps up to `usedStep` are refused: a
 * code must not be accepted twice (RFC 6238 §5.2), so the caller records the step it gets back.
 *
 * @example
 * const step = verifyTotp(account.secret, body.code, Date.now(), account.usedStep)
 * if (step !== undefined) account.usedStep = step
 */
export function verifyTotp(secretBase32: string, code: string, timeMs: number, usedStep = Number.NEGATIVE_INFINITY): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined
  const key = decodeBase32(secretBase32)
  const current = timeStep(timeMs)
  let accepted: number | undefined
  // Every candidate is computed and compared in constant time, so how long a refusal takes says nothing about the code.
  for (const step of [current - 1, current, current + 1].filter((candidate) => candidate >= 0)) {
    const matches = timingSafeEqual(Buffer.from(hotp(key, step, 6)), Buffer.from(code))
    if (matches && step > usedStep && accepted === undefined) accepted = step
  }
  return accepted
}
