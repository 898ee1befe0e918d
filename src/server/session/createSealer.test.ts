import { describe, expect, it } from 'vitest'
import { createSealer } from './createSealer'

const OLD = 'old-secret-old-secret-old-secret-0000'
const NEW = 'new-secret-new-secret-new-secret-1111'

describe('createSealer', () => {
  it('round-trips a value and hides it', async () => {
    const sealer = createSealer([NEW])
    const sealed = await sealer.seal({ accessToken: 'secret-token' }, 'session')
    expect(sealed).not.toContain('secret-token')
    expect(atob(sealed.split('.')[2]!.replaceAll('-', '+').replaceAll('_', '/'))).not.toContain('secret-token')
    expect(await sealer.unseal(sealed, 'session')).toEqual({ accessToken: 'secret-token' })
  })

  it('refuses a value sealed for another cookie, so cookies cannot be swapped', async () => {
    const sealer = createSealer([NEW])
    expect(await sealer.unseal(await sealer.seal({ a: 1 }, 'refresh'), 'session')).toBeNull()
  })

  it.each([
    ['garbage', 'garbage'],
    ['an empty string', ''],
    ['another version', 'v2.AAAAAAAAAAAAAAAA.BBBB'],
    ['non-base64url', 'v1.!!!!.????'],
    ['extra parts', 'v1.AAAAAAAAAAAAAAAA.BBBB.CCCC'],
  ])('returns null for %s', async (_, sealed) => {
    expect(await createSealer([NEW]).unseal(sealed, 'session')).toBeNull()
  })

  it('returns null for a truncated or flipped ciphertext', async () => {
    const sealer = createSealer([NEW])
    const sealed = await sealer.seal({ a: 1 }, 'session')
    expect(await sealer.unseal(sealed.slice(0, -2), 'session')).toBeNull()
    // Flip a character in the middle: the last one may carry only padding bits.
    const at = sealed.length - 8
    const flipped = sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1)
    expect(await sealer.unseal(flipped, 'session')).toBeNull()
  })

  it('unseals with any listed secret but seals with the first, so secrets rotate', async () => {
    const sealedBefore = await createSealer([OLD]).seal({ a: 1 }, 'session')
    const rotated = createSealer([NEW, OLD])
    expect(await rotated.unseal(sealedBefore, 'session')).toEqual({ a: 1 })
    const sealedAfter = await rotated.seal({ a: 2 }, 'session')
    expect(await createSealer([NEW]).unseal(sealedAfter, 'session')).toEqual({ a: 2 })
    expect(await createSealer([OLD]).unseal(sealedAfter, 'session')).toBeNull()
  })
})
