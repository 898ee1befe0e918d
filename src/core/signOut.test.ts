import { afterEach, describe, expect, it, vi } from 'vitest'
import { createActor, fromPromise } from 'xstate'
import { createTabBus } from '../../test/tabBus'
import type { Session } from '../contract/types'
import { authMachine } from './authMachine'
import { signOut } from './signOut'

const session: Session = { user: { id: '1', roles: [] }, expiresAt: '2099-01-01T00:00:00.000Z' }

describe('signOut(actor)', () => {
  const actors: Array<{ stop(): void }> = []
  afterEach(() => {
    for (const actor of actors.splice(0)) actor.stop()
  })

  it('resolves once signed out, even when the server could not be reached', async () => {
    const offline = { status: 0, error: { code: 'network_error', message: 'offline' } }
    const call = vi.fn(async (): Promise<Session | null> => Promise.reject(offline))
    const machine = authMachine.provide({ actors: { signOut: fromPromise(call), browserWatcher: createTabBus() } })
    const actor = createActor(machine, { input: { session } }).start()
    actors.push(actor)
    await signOut(actor)
    expect(call).toHaveBeenCalledTimes(1)
    expect(actor.getSnapshot().hasTag('signedIn')).toBe(false)
    expect(actor.getSnapshot().context.user).toBeNull()
  })
})
