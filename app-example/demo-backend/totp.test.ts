import { describe, expect, it } from 'vitest'
import { totpCode, verifyTotp } from './totp'

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890", here in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
const RFC_VECTORS: Array<[seconds: number, code: string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
]
const DEMO_SECRET = 'JBSWY3DPEHPK3PXP'
const T = Date.parse('2030-01-01T00:00:10.000Z')

describe('totpCode', () => {
  it.each(RFC_VECTORS)('matches the RFC 6238 SHA-1 vector at T = %i s with 8 digits', (seconds, code) => {
    expect(totpCode(RFC_SECRET, seconds * 1000, 8)).toBe(code)
  })

  it.each(RFC_VECTORS)('gives 6 digits by default, the same truncation (T = %i s)', (seconds, code) => {
    expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(code.slice(-6))
  })

  it('changes every 30 s step and stays the same within one', () => {
    const start = Math.floor(T / 30_000) * 30_000
    expect(totpCode(DEMO_SECRET, start + 29_999)).toBe(totpCode(DEMO_SECRET, start))
    expect(totpCode(DEMO_SECRET, start + 30_000)).not.toBe(totpCode(DEMO_SECRET, start))
  })

  it('reads the secret as authenticator apps show it: any case, spaces and padding', () => {
    expect(totpCode('jbsw y3dp ehpk 3pxp', T)).toBe(totpCode(DEMO_SECRET, T))
    expect(totpCode(`${RFC_SECRET}====`, 59_000, 8)).toBe('94287082')
  })

  it('refuses a secret that is not base32', () => {
    expect(() => totpCode('JBSWY3DPEHPK3PX1', T)).toThrow(/base32/)
  })
})

describe('verifyTotp', () => {
  const step = Math.floor(T / 30_000)

  it('answers the time step of the current code, and of the codes one step either side', () => {
    expect(verifyTotp(DEMO_SECRET, totpCode(DEMO_SECRET, T), T)).toBe(step)
    expect(verifyTotp(DEMO_SECRET, totpCode(DEMO_SECRET, T - 30_000), T)).toBe(step - 1)
    expect(verifyTotp(DEMO_SECRET, totpCode(DEMO_SECRET, T + 30_000), T)).toBe(step + 1)
  })

  it('refuses codes two steps away, and codes of another secret', () => {
    expect(verifyTotp(DEMO_SECRET, totpCode(DEMO_SECRET, T - 60_000), T)).toBeUndefined()
    expect(verifyTotp(DEMO_SECRET, totpCode(DEMO_SECRET, T + 60_000), T)).toBeUndefined()
    expect(verifyTotp(DEMO_SECRET, totpCode(RFC_SECRET, T), T)).toBeUndefined()
  })

  it('refuses the steps up to usedStep, so an accepted code cannot be used again', () => {
    const code = totpCode(DEMO_SECRET, T)
    expect(verifyTotp(DEMO_SECRET, code, T, step)).toBeUndefined()
    expect(verifyTotp(DEMO_SECRET, totpCode(DEMO_SECRET, T - 30_000), T, step - 1)).toBeUndefined()
    expect(verifyTotp(DEMO_SECRET, code, T, step - 1)).toBe(step)
  })

  it('refuses anything but six digits', () => {
    const code = totpCode(DEMO_SECRET, T)
    for (const shaped of [` ${code}`, `${code}0`, code.slice(1), 'abcdef', '']) {
      expect(verifyTotp(DEMO_SECRET, shaped, T)).toBeUndefined()
    }
  })

  it('works at the very start of time, where there is no step before', () => {
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, 0), 0)).toBe(0)
  })
})
