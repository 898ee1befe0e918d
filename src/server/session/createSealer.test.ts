import { describe, expect, it, vi } from 'vitest'
import { createSealer as createSealerWith, OPENED_KEPT } from './createSealer'
import { sealingKeys } from './sealingKeys'

const OLD = 'old-secret-old-secret-old-secret-0000'
const NEW = 'new-secret-new-secret-new-secret-1111'

describe.each([
  ['node:crypto', false],
  ['WebCrypto', true],
])('createSealer on %s', (_, webOnly) => {
  const createSealer = (secrets: string[]) => createSealerWith(secrets, sealingKeys(secrets, { webOnly }))

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

  it('opens a cookie it has opened before without decrypting it again, for that purpose only, and keeps it frozen', async () => {
    const secrets = [NEW]
    const keys = sealingKeys(secrets, { webOnly })
    const decrypt = vi.spyOn(keys, 'decrypt')
    const sealer = createSealerWith(secrets, keys)
    const sealed = await sealer.seal({ user: { roles: ['user'] } }, 'session')
    const first = await sealer.unseal<{ user: { roles: string[] } }>(sealed, 'session')
    const again = await sealer.unseal<{ user: { roles: string[] } }>(sealed, 'session')
    expect(again).toBe(first)
    expect(decrypt).toHaveBeenCalledTimes(1)
    // One request cannot change what the next one reads.
    expect(() => first!.user.roles.push('admin')).toThrow(TypeError)
    // The same text under another purpose is decrypted, and refused, as if never seen.
    expect(await sealer.unseal(sealed, 'refresh')).toBeNull()
    const flipped = sealed.slice(0, -8) + (sealed.at(-8) === 'A' ? 'B' : 'A') + sealed.slice(-7)
    expect(await sealer.unseal(flipped, 'session')).toBeNull()
    expect(decrypt).toHaveBeenCalledTimes(3)
  })

  it('gives a value it has opened before at once, without a promise, and nothing it has not opened', async () => {
    const sealer = createSealer([NEW])
    const sealed = await sealer.seal({ a: 1 }, 'session')
    expect(sealer.opened(sealed, 'session')).toBeUndefined()
    const value = await sealer.unseal(sealed, 'session')
    expect(sealer.opened(sealed, 'session')).toBe(value)
    expect(sealer.opened(sealed, 'refresh')).toBeUndefined()
    // What failed to open is never kept: it is decrypted, and refused, every time it comes.
    await sealer.unseal(sealed.slice(0, -2), 'session')
    expect(sealer.opened(sealed.slice(0, -2), 'session')).toBeUndefined()
  })

  it('keeps a bounded number of opened values, the most recently used', async () => {
    const secrets = [NEW]
    const keys = sealingKeys(secrets, { webOnly })
    const decrypt = vi.spyOn(keys, 'decrypt')
    const sealer = createSealerWith(secrets, keys)
    const values = await Promise.all(Array.from({ length: OPENED_KEPT + 1 }, (_, index) => sealer.seal({ index }, 'session')))
    for (const sealed of values.slice(0, OPENED_KEPT)) await sealer.unseal(sealed, 'session')
    await sealer.unseal(values[0]!, 'session') // used again: now the most recent
    await sealer.unseal(values[OPENED_KEPT]!, 'session') // one more than is kept: the least recently used goes
    decrypt.mockClear()
    expect(await sealer.unseal(values[0]!, 'session')).toEqual({ index: 0 })
    expect(decrypt).not.toHaveBeenCalled()
    expect(await sealer.unseal(values[1]!, 'session')).toEqual({ index: 1 })
    expect(decrypt).toHaveBeenCalledTimes(1)
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

describe('createSealer without a secret', () => {
  it('says what is missing, on either crypto', () => {
    expect(() => createSealerWith([])).toThrow('gatehouse: at least one secret is needed to seal cookies.')
    expect(() => createSealerWith([], sealingKeys([], { webOnly: true }))).toThrow('at least one secret')
  })
})

describe('createSealer, node:crypto and WebCrypto', () => {
  const node = (secrets: string[]) => createSealerWith(secrets, sealingKeys(secrets))
  const web = (secrets: string[]) => createSealerWith(secrets, sealingKeys(secrets, { webOnly: true }))

  it('uses node:crypto where the runtime has it, and WebCrypto only when told to', async () => {
    const subtle = vi.spyOn(crypto.subtle, 'encrypt')
    try {
      await node([NEW]).seal({ a: 1 }, 'session')
      expect(subtle).not.toHaveBeenCalled()
      await web([NEW]).seal({ a: 1 }, 'session')
      expect(subtle).toHaveBeenCalledTimes(1)
    } finally {
      subtle.mockRestore()
    }
  })

  it("opens each other's cookies, rotated secrets included, so a deployment can mix runtimes", async () => {
    expect(await web([NEW]).unseal(await node([NEW]).seal({ a: 1 }, 'session'), 'session')).toEqual({ a: 1 })
    expect(await node([NEW, OLD]).unseal(await web([OLD]).seal({ a: 2 }, 'refresh'), 'refresh')).toEqual({ a: 2 })
    expect(await node([NEW]).unseal(await web([NEW]).seal({ a: 3 }, 'refresh'), 'session')).toBeNull()
  })

  it('gives the same digest', async () => {
    expect(await node([NEW, OLD]).digest('refresh-1', 'refresh-coordination')).toBe(
      await web([NEW, OLD]).digest('refresh-1', 'refresh-coordination'),
    )
    expect(await node([NEW]).digest('refresh-1', 'refresh-coordination')).not.toBe(await node([NEW]).digest('refresh-1', 'other'))
  })
})
