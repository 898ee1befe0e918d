import { afterEach, describe, expect, it, vi } from 'vitest'
import { createActor, fromPromise } from 'xstate'
import { createTabBus } from '../../test/tabBus'
import type { Session } from '../contract/types'
import { authMachine } from './authMachine'
import { refresh } from './refresh'

const sessionUntil = (expiresAt: string): Session => ({ user: { id: '1', roles: [] }, expiresAt })
const first = sessionUntil('2099-01-01T00:00:00.000Z')

function signedInActor(answer: () => Promise<Session | null>) {
  const spy = vi.fn(answer)
  const machine = authMachine.provide({ actors: { refresh: fromPromise(() => spy()), browserWatcher: createTabBus() } })
  return { actor: createActor(machine, { input: { session: first } }).start(), spy }
}

describe('refresh(actor)', () => {
  const actors: Array<{ stop(): void }> = []
  afterEach(() => {
    for (const actor of actors.splice(0)) actor.stop()
  })

  it('resolves true once a newer session is in, one refresh for callers that ask at once', async () => {
    const { actor, spy } = signedInActor(async () => sessionUntil('2099-01-02T00:00:00.000Z'))
    actors.push(actor)
    await expect(Promise.all([refresh(actor), refresh(actor)])).resolves.toEqual([true, true])
    expect(spy).toHaveBeenCalledTimes(1)
  })

  it('resolves false when the session is kept as it was (the backend unreachable) or ended', async () => {
    const down = signedInActor(async () => Promise.reject({ status: 502, error: { code: 'backend_unavailable', message: 'down' } }))
    const ended = signedInActor(async () => null)
    actors.push(down.actor, ended.actor)
    await expect(refresh(down.actor)).resolves.toBe(false)
    expect(down.actor.getSnapshot().hasTag('reconnecting')).toBe(true)
    await expect(refresh(ended.actor)).resolves.toBe(false)
    expect(ended.actor.getSnapshot().context.error?.code).toBe('session_expired')
  })
})
