import { describe, expect, it, vi } from 'vitest'
import type { CoordinationStore } from './CoordinationStore'
import { createRevocations } from './createRevocations'

const clock = (start = 1_000_000) => {
  let time = start
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms
    },
  }
}
const unreachable = (): CoordinationStore => {
  const down = async () => {
    throw new Error('connection refused')
  }
  return { get: down, setIfAbsent: down, set: down, deleteIf: down, revoke: down, watchRevocations: down }
}

describe('createRevocations', () => {
  it('refuses a revoked session until its revocation ends, and forgets it then', () => {
    const { now, advance } = clock()
    const revocations = createRevocations({ now, logger: { warn: vi.fn() } })
    void revocations.revoke('session-1', now() + 1_000)
    expect(revocations.isRevoked('session-1')).toBe(true)
    expect(revocations.isRevoked('session-2')).toBe(false)
    advance(1_000)
    expect(revocations.isRevoked('session-1')).toBe(false)
    expect(revocations.pending()).toBeUndefined()
  })

  it('keeps its memory within twice the live revocations however many expire', () => {
    const { now, advance } = clock()
    const revocations = createRevocations({ now, logger: { warn: vi.fn() } })
    // The map it keeps, caught as it is written to.
    const written = vi.spyOn(Map.prototype, 'set')
    for (let index = 0; index < 20_000; index += 1) {
      void revocations.revoke(`session-${index}`, now() + 10)
      advance(1)
    }
    const kept = written.mock.contexts.at(-1) as Map<string, number>
    written.mockRestore()
    // Ten are live at any time; expired ones are swept each time the map reaches 1 024 entries.
    expect(kept.size).toBeLessThanOrEqual(1_024)
    expect(revocations.isRevoked('session-19999')).toBe(true)
  })

  it('holds a sign-out in this instance while the store cannot be reached, and shares it once the store answers again', async () => {
    vi.useFakeTimers()
    try {
      const { now } = clock()
      const logger = { warn: vi.fn() }
      const store = unreachable()
      const revocations = createRevocations({ store, now, logger })
      await revocations.revoke('session-1', now() + 60_000)
      expect(revocations.isRevoked('session-1')).toBe(true)
      expect(logger.warn).toHaveBeenLastCalledWith(
        expect.stringMatching(/cannot be reached \(connection refused\): sign-outs hold in this instance only until it answers again/),
      )
      // Still down at the first retry; back by the second.
      await vi.advanceTimersByTimeAsync(1_000)
      const shared = vi.fn(async () => {})
      store.revoke = shared
      await vi.advanceTimersByTimeAsync(2_000)
      expect(shared).toHaveBeenCalledExactlyOnceWith('session-1', now() + 60_000)
      expect(logger.warn).toHaveBeenLastCalledWith(expect.stringMatching(/answers again: the sign-outs held here reach every instance/))
      await vi.advanceTimersByTimeAsync(60_000)
      expect(shared).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('lets reads go on when the store cannot tell the sign-outs recorded before, and waits for it only once', async () => {
    const { now } = clock()
    const logger = { warn: vi.fn() }
    const store = unreachable()
    const watch = vi.spyOn(store, 'watchRevocations')
    const revocations = createRevocations({ store, now, logger })
    await revocations.pending()
    expect(revocations.pending()).toBeUndefined()
    expect(watch).toHaveBeenCalledTimes(1)
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/sign-outs recorded before this instance started are not known here/))
  })
})
