import { afterEach, describe, expect, it, vi } from 'vitest'
import { createActor, fromPromise, type AnyActorRef } from 'xstate'
import { createTabBus } from '../../test/tabBus'
import type { Credentials, SecondFactorCode, Session } from '../contract/types'
import { authMachine } from './authMachine'
import { signIn } from './signIn'
import { submitSecondFactor } from './submitSecondFactor'

const session: Session = { user: { id: '1', roles: [] }, expiresAt: '2099-01-01T00:00:00.000Z' }
const credentials: Credentials = { email: 'demo@example.com', password: 'demo-password' }
const asked = { status: 401, error: { code: 'second_factor_required', message: 'Enter the code.' } }
const started: AnyActorRef[] = []

function actorWith(
  secondFactor: (input: SecondFactorCode) => Promise<Session | null>,
  { from = null as Session | null, loadSession = undefined as (() => Promise<Session | null>) | undefined } = {},
) {
  const machine = authMachine.provide({
    actors: {
      loadSession: fromPromise(() => loadSession?.() ?? Promise.resolve(null)),
      signIn: fromPromise<Session | null, Credentials>(() => Promise.reject(asked)),
      secondFactor: fromPromise<Session | null, SecondFactorCode>(({ input }) => secondFactor(input)),
      browserWatcher: createTabBus(),
    },
  })
  // With `loadSession`, the machine asks the session route, as a page the server did not render with a session does.
  const actor = createActor(machine, { input: loadSession ? {} : { session: from } }).start()
  started.push(actor)
  return actor
}

describe('submitSecondFactor(actor, code)', () => {
  afterEach(() => {
    for (const actor of started.splice(0)) actor.stop()
  })

  it('finishes a sign-in that asked for a second factor, after as many wrong codes as it takes', async () => {
    const secondFactor = vi.fn(async (input: SecondFactorCode) =>
      'code' in input && input.code === '123456'
        ? session
        : Promise.reject({ status: 401, error: { code: 'invalid_code', message: 'Wrong.' } }),
    )
    const actor = actorWith(secondFactor)
    await expect(signIn(actor, credentials)).resolves.toEqual({ ok: false, error: asked.error })
    await expect(submitSecondFactor(actor, { code: '000000' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_code' } })
    await expect(submitSecondFactor(actor, { code: '123456' })).resolves.toEqual({ ok: true })
    expect(secondFactor).toHaveBeenLastCalledWith({ code: '123456' })
  })

  it('works on a signed-out page whose sign-in was posted as a form, once the session is known', async () => {
    let hydrated: (value: null) => void = () => {}
    const secondFactor = vi.fn(async () => session)
    const actor = actorWith(secondFactor, { loadSession: () => new Promise((resolve) => (hydrated = resolve)) })
    const result = submitSecondFactor(actor, { recoveryCode: 'r-1' })
    await Promise.resolve()
    expect(secondFactor).not.toHaveBeenCalled()
    hydrated(null)
    await expect(result).resolves.toEqual({ ok: true })
    expect(secondFactor).toHaveBeenCalledWith({ recoveryCode: 'r-1' })
  })

  it('resolves challenge_expired when no challenge waits, and ok without a request when someone is signed in already', async () => {
    const expired = vi.fn(() => Promise.reject({ status: 401, error: { code: 'challenge_expired', message: 'Sign in again.' } }))
    await expect(submitSecondFactor(actorWith(expired), { code: '123456' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'challenge_expired' },
    })
    const secondFactor = vi.fn(async () => session)
    await expect(submitSecondFactor(actorWith(secondFactor, { from: session }), { code: '123456' })).resolves.toEqual({ ok: true })
    expect(secondFactor).not.toHaveBeenCalled()
  })

  it('resolves not_signed_in when the actor stops before the answer', async () => {
    const actor = actorWith(() => new Promise(() => {}))
    const result = submitSecondFactor(actor, { code: '123456' })
    await Promise.resolve()
    actor.stop()
    await expect(result).resolves.toMatchObject({ ok: false, error: { code: 'not_signed_in' } })
  })
})
