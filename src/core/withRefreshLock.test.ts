import { afterEach, describe, expect, it, vi } from 'vitest'
import { createActor, toPromise } from 'xstate'
import type { Transport } from './createTransport'
import { transportActors } from './transportActors'
import type { Session } from './types'
import { withRefreshLock } from './withRefreshLock'

/** A Web Locks stand-in: one holder at a time, waiters in order, abortable while waiting. */
function fakeLocks({ stuck = false } = {}) {
  let queue = Promise.resolve()
  return {
    request: (_name: string, options: { signal: AbortSignal }, callback: () => Promise<unknown>) =>
      new Promise((resolve, reject) => {
        options.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
        if (stuck) return
        queue = queue.then(() => (options.signal.aborted ? undefined : callback().then(resolve, reject)))
      }),
  }
}

const signal = () => new AbortController().signal

describe('withRefreshLock', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('runs one holder at a time', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() })
    const order: string[] = []
    const job = (name: string) => async () => {
      order.push(`${name} start`)
      await new Promise((resolve) => setTimeout(resolve, 5))
      order.push(`${name} end`)
      return name
    }
    expect(await Promise.all([withRefreshLock(job('a'), { signal: signal(), timeoutMs: 1_000 }), withRefreshLock(job('b'), { signal: signal(), timeoutMs: 1_000 })])).toEqual(['a', 'b'])
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end'])
  })

  it('gives up on a lock that is never granted and runs anyway, so a stuck tab cannot freeze this one', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks({ stuck: true }) })
    expect(await withRefreshLock(async () => 'ran', { signal: signal(), timeoutMs: 20 })).toBe('ran')
  })

  it('runs directly where Web Locks are missing', async () => {
    vi.stubGlobal('navigator', {})
    expect(await withRefreshLock(async () => 'ran', { signal: signal(), timeoutMs: 20 })).toBe('ran')
  })
})

describe('the refresh actor', () => {
  const known = '2026-01-01T00:01:00.000Z'
  const transportWith = (sessionExpiresAt: string | null, extra: Partial<Session> = {}) => {
    const session: Session | null = sessionExpiresAt ? { user: { id: '1', roles: [] }, expiresAt: sessionExpiresAt, ...extra } : null
    return {
      session: vi.fn(async () => ({ ok: true as const, session })),
      refresh: vi.fn(async () => ({ ok: true as const, session: { user: { id: '1', roles: [] }, expiresAt: '2026-01-01T00:02:00.000Z' } })),
      login: vi.fn(),
      logout: vi.fn(),
    } satisfies Transport
  }
  const run = (transport: Transport) => toPromise(createActor(transportActors(transport).refresh, { input: { knownExpiresAt: known, lockTimeoutMs: 1_000 } }).start())

  it('adopts the session another tab already refreshed, without refreshing again', async () => {
    const transport = transportWith('2026-01-01T00:05:00.000Z')
    expect((await run(transport))?.expiresAt).toBe('2026-01-01T00:05:00.000Z')
    expect(transport.refresh).not.toHaveBeenCalled()
  })

  it('refreshes when the session is still the one this tab knows', async () => {
    const transport = transportWith(known)
    expect((await run(transport))?.expiresAt).toBe('2026-01-01T00:02:00.000Z')
    expect(transport.refresh).toHaveBeenCalledTimes(1)
  })

  it('never asks to refresh a session the backend gave no refresh token for', async () => {
    const transport = transportWith(known, { refreshable: false })
    expect((await run(transport))?.expiresAt).toBe(known)
    expect(transport.refresh).not.toHaveBeenCalled()
  })

  it('ends with no session when the cookies are already gone', async () => {
    const transport = transportWith(null)
    expect(await run(transport)).toBeNull()
    expect(transport.refresh).not.toHaveBeenCalled()
  })
})
