import * as crypto from 'node:crypto'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { AccountStore } from './AccountStore'
import { demoAccounts } from './users'

// Spies around the real functions: every derivation and comparison still happens, and can be counted.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>()
  return { ...actual, scrypt: vi.fn(actual.scrypt), timingSafeEqual: vi.fn(actual.timingSafeEqual) }
})

const scrypt = vi.mocked(crypto.scrypt)
const timingSafeEqual = vi.mocked(crypto.timingSafeEqual)

const accounts = new AccountStore(demoAccounts)

/** The work one lookup did: each scrypt derivation's key length and cost, and how many constant-time comparisons. */
async function workFor(email: string, password: string) {
  scrypt.mockClear()
  timingSafeEqual.mockClear()
  const user = (await accounts.findByCredentials(email, password))?.user
  const derivations = scrypt.mock.calls.map(([, , keyLength, options]) => {
    const { N, r, p } = options as crypto.ScryptOptions
    return { keyLength, N, r, p }
  })
  return { user, derivations, comparisons: timingSafeEqual.mock.calls.length }
}

describe('AccountStore.findByCredentials over the demo accounts', () => {
  beforeEach(() => {
    scrypt.mockClear()
    timingSafeEqual.mockClear()
  })

  it('verifies the right password with scrypt and a constant-time comparison', async () => {
    const { user, derivations, comparisons } = await workFor('demo@example.com', 'demo-password')
    expect(user?.id).toBe('1')
    expect(derivations).toEqual([{ keyLength: 32, N: 2 ** 14, r: 8, p: 1 }])
    expect(comparisons).toBe(1)
  })

  it('does the same work for an unknown email as for a wrong password, and finds no one', async () => {
    const wrongPassword = await workFor('demo@example.com', 'wrong-password')
    const unknownEmail = await workFor('nobody@example.com', 'wrong-password')
    expect(wrongPassword.user).toBeUndefined()
    expect(unknownEmail.user).toBeUndefined()
    expect(wrongPassword.derivations).toHaveLength(1)
    expect(unknownEmail.derivations).toEqual(wrongPassword.derivations)
    expect(unknownEmail.comparisons).toBe(wrongPassword.comparisons)
  })

  it('never derives on the main thread with scryptSync', async () => {
    const sync = vi.spyOn(crypto, 'scryptSync')
    await accounts.findByCredentials('admin@example.com', 'admin-password')
    expect(sync).not.toHaveBeenCalled()
    expect(scrypt).toHaveBeenCalledTimes(1)
  })
})
