import { afterEach, describe, expect, it, vi } from 'vitest'
import { createActor, fromPromise, type AnyActorRef } from 'xstate'
import { createTabBus } from '../../test/tabBus'
import type { Session } from '../contract/types'
import type { AccountFlowResult } from '../core/AccountFlowResult'
import { authMachine } from '../core/authMachine'
import { accountFlowMachine, type AccountFlowActorRef } from './accountFlowMachine'
import type { AccountFlowAnswer } from './accountTransportActors'
import { requestPasswordReset } from './requestPasswordReset'
import { resendVerification } from './resendVerification'
import { resetPassword } from './resetPassword'
import { signUp } from './signUp'
import { verifyEmail } from './verifyEmail'

type Route = 'signUp' | 'verifyEmail' | 'resendVerification' | 'requestPasswordReset' | 'resetPassword'
const session: Session = { user: { id: '1', roles: [] }, expiresAt: '2099-01-01T00:00:00.000Z' }
const started: AnyActorRef[] = []

/** A flows' machine beside a signed-out (or `from`) auth machine, whose `route` answers `answer`. */
function flowsWith(route: Route, answer: (input: unknown) => Promise<AccountFlowAnswer>, from: Session | null = null) {
  const auth = createActor(authMachine.provide({ actors: { browserWatcher: createTabBus() } }), { input: { session: from } }).start()
  const flows = createActor(
    accountFlowMachine.provide({ actors: { [route]: fromPromise<AccountFlowAnswer, unknown>(({ input }) => answer(input)) } }),
    {
      input: { auth },
    },
  ).start()
  started.push(flows, auth)
  return { auth, flows }
}

/** Each function, called as an app calls it, the route it goes to and what that route is given. */
const CALLS: Array<{ name: string; route: Route; call: (flows: AccountFlowActorRef) => Promise<AccountFlowResult>; input: unknown }> = [
  {
    name: 'signUp',
    route: 'signUp',
    call: (flows) => signUp(flows, { email: 'new@example.com', password: 'long-password', fields: { company: 'Acme' } }),
    input: { email: 'new@example.com', password: 'long-password', fields: { company: 'Acme' } },
  },
  { name: 'verifyEmail', route: 'verifyEmail', call: (flows) => verifyEmail(flows, 'mailed'), input: { token: 'mailed' } },
  {
    name: 'resendVerification',
    route: 'resendVerification',
    call: (flows) => resendVerification(flows, { email: 'a@b.c' }),
    input: { email: 'a@b.c' },
  },
  {
    name: 'requestPasswordReset',
    route: 'requestPasswordReset',
    call: (flows) => requestPasswordReset(flows, { username: 'demo' }),
    input: { username: 'demo' },
  },
  {
    name: 'resetPassword',
    route: 'resetPassword',
    call: (flows) => resetPassword(flows, { token: 'mailed', password: 'new-password' }),
    input: { token: 'mailed', password: 'new-password' },
  },
]

describe('the account flow functions', () => {
  afterEach(() => {
    for (const actor of started.splice(0)) actor.stop()
  })

  it.each(CALLS)('$name resolves the outcome when the route signs nobody in', async ({ route, call, input }) => {
    const told = vi.fn(async () => ({ user: null, outcome: 'reset_requested' }) as const)
    const { flows, auth } = flowsWith(route, told)
    await expect(call(flows)).resolves.toEqual({ ok: true, signedIn: false, outcome: 'reset_requested' })
    expect(told).toHaveBeenCalledWith(input)
    expect(auth.getSnapshot().value).toBe('signedOut')
  })

  it.each(CALLS)('$name resolves signedIn when the route signs in, and the auth machine is signed in', async ({ route, call }) => {
    const { flows, auth } = flowsWith(route, async () => session)
    await expect(call(flows)).resolves.toEqual({ ok: true, signedIn: true, outcome: null })
    expect(auth.getSnapshot().context.user).toEqual(session.user)
  })

  it.each(CALLS)('$name resolves the route’s error, retryAfterSeconds included, whoever is signed in', async ({ route, call }) => {
    const error = { code: 'rate_limited' as const, message: 'Slow down.', retryAfterSeconds: 30 }
    const { flows } = flowsWith(route, () => Promise.reject({ status: 429, error }), session)
    await expect(call(flows)).resolves.toEqual({ ok: false, error })
  })

  it('waits for the flow in flight, then runs its own', async () => {
    let answered: (answer: AccountFlowAnswer) => void = () => {}
    const { flows } = flowsWith('verifyEmail', (input) =>
      (input as { token: string }).token === 'first'
        ? new Promise((resolve) => (answered = resolve))
        : Promise.resolve({ user: null, outcome: 'email_verified' }),
    )
    const first = verifyEmail(flows, 'first')
    const second = verifyEmail(flows, 'second')
    const third = verifyEmail(flows, 'third')
    await vi.waitFor(() => expect(flows.getSnapshot().value).toBe('verifyingEmail'))
    answered({ user: null, outcome: 'verification_sent' })
    await expect(first).resolves.toEqual({ ok: true, signedIn: false, outcome: 'verification_sent' })
    await expect(second).resolves.toEqual({ ok: true, signedIn: false, outcome: 'email_verified' })
    await expect(third).resolves.toEqual({ ok: true, signedIn: false, outcome: 'email_verified' })
  })

  it('resolves not_signed_in when the actor stops before the answer', async () => {
    const { flows } = flowsWith('signUp', () => new Promise(() => {}))
    const result = signUp(flows, { email: 'new@example.com', password: 'long-password' })
    flows.stop()
    await expect(result).resolves.toMatchObject({ ok: false, error: { code: 'not_signed_in' } })
  })
})
