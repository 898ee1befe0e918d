import { afterEach, describe, expect, it, vi } from 'vitest'
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
    expect(
      await Promise.all([
        withRefreshLock(job('a'), { signal: signal(), timeoutMs: 1_000 }),
        withRefreshLock(job('b'), { signal: signal(), timeoutMs: 1_000 }),
      ]),
    ).toEqual(['a', 'b'])
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end'])
  })

  it('gives up on a lock that is never granted and runs anyway, so a stuck tab cannot freeze this one', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks({ stuck: true }) })
    expect(await withRefreshLock(async () => 'ran', { signal: signal(), timeoutMs: 20 })).toBe('ran')
  })

  it('needs no AbortSignal.any, which Safari before 17.4 lacks', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks({ stuck: true }) })
    vi.stubGlobal('AbortSignal', Object.assign(class {}, { timeout: AbortSignal.timeout }))
    expect(await withRefreshLock(async () => 'ran', { signal: signal(), timeoutMs: 20 })).toBe('ran')
  })

  it('never begins a refresh cancelled while it waited, once the lock comes', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() })
    let release = (_value: string) => {}
    const held = new Promise<string>((resolve) => (release = resolve))
    const holder = withRefreshLock(() => held, { signal: signal(), timeoutMs: 1_000 })
    const cancel = new AbortController()
    const work = vi.fn(async () => 'ran')
    const waiting = withRefreshLock(work, { signal: cancel.signal, timeoutMs: 1_000 })
    cancel.abort()
    release('held')
    expect(await holder).toBe('held')
    await expect(waiting).rejects.toThrow('aborted')
    expect(work).not.toHaveBeenCalled()
  })

  it('never begins work that was cancelled before it could, with or without Web Locks', async () => {
    for (const navigator of [{ locks: fakeLocks() }, {}]) {
      vi.stubGlobal('navigator', navigator)
      const cancel = new AbortController()
      cancel.abort()
      const work = vi.fn(async () => 'ran')
      await expect(withRefreshLock(work, { signal: cancel.signal, timeoutMs: 1_000 })).rejects.toThrow()
      expect(work).not.toHaveBeenCalled()
    }
  })

  it('runs directly where Web Locks are missing', async () => {
    vi.stubGlobal('navigator', {})
    expect(await withRefreshLock(async () => 'ran', { signal: signal(), timeoutMs: 20 })).toBe('ran')
  })
})
