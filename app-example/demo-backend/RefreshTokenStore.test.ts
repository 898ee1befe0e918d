import { describe, expect, it } from 'vitest'
import { RefreshTokenStore } from './RefreshTokenStore'

function storeWithClock(ttlSeconds: number, familyTtlSeconds?: number) {
  const clock = { now: Date.parse('2030-01-01T00:00:00.000Z') }
  return { clock, store: new RefreshTokenStore(ttlSeconds, () => clock.now, familyTtlSeconds) }
}

describe('RefreshTokenStore.purgeExpired', () => {
  it('forgets expired tokens, used or not, and keeps the ones still valid', async () => {
    const { clock, store } = storeWithClock(60)
    const first = store.startFamily('1')
    const rotation = store.rotate(first.token)
    expect(rotation.ok).toBe(true)
    clock.now += 30_000
    store.startFamily('2')
    expect(store.purgeExpired()).toEqual({ tokens: 3, families: 2 })

    clock.now += 30_000
    // The first family's two tokens were issued at 0 s and expire at 60 s; the second's runs to 90 s.
    expect(store.purgeExpired()).toEqual({ tokens: 1, families: 1 })
    clock.now += 30_000
    expect(store.purgeExpired()).toEqual({ tokens: 0, families: 0 })
  })

  it('still recognises the replay of a used token until it expires', () => {
    const { store } = storeWithClock(60)
    const first = store.startFamily('1')
    const rotation = store.rotate(first.token)
    store.purgeExpired()
    expect(store.rotate(first.token)).toEqual({ ok: false, reason: 'reused' })
    expect(rotation.ok && store.isActive(rotation.issued.familyId)).toBe(false)
  })

  it('keeps a family, and so its access tokens, for familyTtlSeconds when that outlasts the refresh tokens', () => {
    const { clock, store } = storeWithClock(60, 900)
    const { familyId } = store.startFamily('1')
    clock.now += 61_000
    expect(store.purgeExpired()).toEqual({ tokens: 0, families: 1 })
    expect(store.isActive(familyId)).toBe(true)
    clock.now += 900_000
    expect(store.purgeExpired()).toEqual({ tokens: 0, families: 0 })
    expect(store.isActive(familyId)).toBe(false)
  })
})

describe('RefreshTokenStore.revokeUser', () => {
  it('revokes every family of one user, even one whose refresh tokens have expired, and no one else’s', () => {
    const { clock, store } = storeWithClock(60, 900)
    const old = store.startFamily('1')
    clock.now += 61_000
    store.purgeExpired()
    const current = store.startFamily('1')
    const other = store.startFamily('2')
    store.revokeUser('1')
    expect(store.isActive(old.familyId)).toBe(false)
    expect(store.isActive(current.familyId)).toBe(false)
    expect(store.rotate(current.token)).toEqual({ ok: false, reason: 'invalid' })
    expect(store.isActive(other.familyId)).toBe(true)
    expect(store.rotate(other.token).ok).toBe(true)
  })
})
