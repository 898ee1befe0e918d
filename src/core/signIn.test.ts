import { afterEach, describe, expect, it } from 'vitest'
import { createActor, fromPromise } from 'xstate'
import { createTabBus } from '../../test/tabBus'
import type { Credentials, Session } from '../contract/types'
import { authMachine } from './authMachine'
import { signIn } from './signIn'

const session: Session = { user: { id: '1', roles: [] }, expiresAt: '2099-01-01T00:00:00.000Z' }
const credentials: Credentials = { email: 'demo@example.com', password: 'demo-password' }

function signedOutActor(answer: () => Promise<Session | null>) {
  const machine = authMachine.provide({ actors: { signIn: fromPromise(answer), browserWatcher: createTabBus() } })
  return createActor(machine, { input: { session: null } }).start()
}

describe('signIn(actor, credentials)', () => {
  const actors: Array<{ stop(): void }> = []
  afterEach(() => {
    for (const actor of actors.splice(0)) actor.stop()
  })

  it('resolves ok once the backend has signed the person in', async () => {
    const actor = signedOutActor(async () => session)
    actors.push(actor)
    await expect(signIn(actor, credentials)).resolves.toEqual({ ok: true })
    expect(actor.getSnapshot().context.user).toEqual(session.user)
  })

  it('resolves with the error to show when the backend refuses', async () => {
    const error = { code: 'invalid_credentials' as const, message: 'The email or password is incorrect.' }
    const actor = signedOutActor(async () => Promise.reject({ status: 401, error }))
    actors.push(actor)
    await expect(signIn(actor, credentials)).resolves.toEqual({ ok: false, error })
  })

  it('resolves not signed in when the actor stops before the answer', async () => {
    const actor = signedOutActor(() => new Promise(() => {}))
    const pending = signIn(actor, credentials)
    actor.stop()
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'not_signed_in' } })
  })
})
