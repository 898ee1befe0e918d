import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createActor, fromPromise, type AnyActorRef } from 'xstate'
import { createTabBus } from '../../test/tabBus'
import type { ErrorCode } from '../contract/errorCatalogue'
import type { Session } from '../contract/types'
import { authMachine } from '../core/authMachine'
import type { RefreshInput, TransportFailure } from '../core/transportActors'
import { accountFlowMachine, type AccountFlowEvent } from './accountFlowMachine'
import type { AccountFlowAnswer } from './accountTransportActors'
import { selectAccountFlow } from './selectAccountFlow'

const user = { id: '1', name: 'New Person', roles: ['user'] }
const sessionFor = (lifetimeMs: number): Session => ({ user, expiresAt: new Date(Date.now() + lifetimeMs).toISOString() })
const failure = (status: number, code: ErrorCode): TransportFailure => ({ status, error: { code, message: code } })
const started: AnyActorRef[] = []
const settle = () => vi.advanceTimersByTimeAsync(0)

type Route = 'signUp' | 'verifyEmail' | 'resendVerification' | 'requestPasswordReset' | 'resetPassword'

/** An auth machine (signed out, or `session`) and a flows' machine beside it whose routes are spies, `verification_sent` by default. */
function mockedFlows(session: Session | null = null, bus = createTabBus()) {
  const auth = createActor(
    authMachine.provide({
      actors: {
        loadSession: fromPromise(async () => session),
        refresh: fromPromise<Session | null, RefreshInput>(async () => sessionFor(60_000)),
        browserWatcher: bus,
      },
    }),
    { input: { session } },
  ).start()
  const spy = () => vi.fn<(input: unknown) => Promise<AccountFlowAnswer>>(async () => ({ user: null, outcome: 'verification_sent' }))
  const answers: Record<Route, ReturnType<typeof spy>> = {
    signUp: spy(),
    verifyEmail: spy(),
    resendVerification: spy(),
    requestPasswordReset: spy(),
    resetPassword: spy(),
  }
  // Typed as the transport's own actor of that route, which the machine's setup names.
  const route = (name: Route) => fromPromise<AccountFlowAnswer, unknown>(({ input }) => answers[name](input)) as never
  const flows = createActor(
    accountFlowMachine.provide({
      actors: {
        signUp: route('signUp'),
        verifyEmail: route('verifyEmail'),
        resendVerification: route('resendVerification'),
        requestPasswordReset: route('requestPasswordReset'),
        resetPassword: route('resetPassword'),
      },
    }),
    { input: { auth } },
  ).start()
  started.push(flows, auth)
  return { auth, flows, answers, bus }
}

/** Each flow: its event, the state it waits in, its route and what that route is given. */
const FLOWS: Array<{ event: AccountFlowEvent; state: string; route: Route; input: unknown }> = [
  {
    event: {
      type: 'account.signUp',
      details: { email: 'new@example.com', password: 'long-password', name: 'New', fields: { company: 'Acme' } },
    },
    state: 'signingUp',
    route: 'signUp',
    input: { email: 'new@example.com', password: 'long-password', name: 'New', fields: { company: 'Acme' } },
  },
  {
    event: { type: 'account.verifyEmail', token: 'mailed-token' },
    state: 'verifyingEmail',
    route: 'verifyEmail',
    input: { token: 'mailed-token' },
  },
  {
    event: { type: 'account.resendVerification', identifier: { email: 'new@example.com' } },
    state: 'resendingVerification',
    route: 'resendVerification',
    input: { email: 'new@example.com' },
  },
  {
    event: { type: 'account.requestPasswordReset', identifier: { username: 'demo' } },
    state: 'requestingPasswordReset',
    route: 'requestPasswordReset',
    input: { username: 'demo' },
  },
  {
    event: { type: 'account.resetPassword', token: 'reset-token', password: 'new-password' },
    state: 'resettingPassword',
    route: 'resetPassword',
    input: { token: 'reset-token', password: 'new-password' },
  },
]

describe('accountFlowMachine', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }))
  afterEach(() => {
    for (const actor of started.splice(0)) actor.stop()
    vi.useRealTimers()
  })

  it.each(FLOWS)(
    '$event.type waits in $state, hands the route only its payload, and keeps the outcome',
    async ({ event, state, route, input }) => {
      const { flows, auth, answers } = mockedFlows()
      answers[route].mockResolvedValueOnce({ user: null, outcome: 'password_reset' })
      flows.send(event)
      expect(flows.getSnapshot().value).toBe(state)
      expect(selectAccountFlow(flows.getSnapshot())).toEqual({ pending: true, outcome: null, error: null })
      await settle()
      expect(answers[route]).toHaveBeenCalledWith(input)
      expect(flows.getSnapshot().value).toBe('idle')
      expect(selectAccountFlow(flows.getSnapshot())).toEqual({ pending: false, outcome: 'password_reset', error: null })
      expect(auth.getSnapshot().value).toBe('signedOut')
      // Nothing typed or mailed reaches the context, which inspectors and snapshots show.
      const { auth: _auth, ...context } = flows.getSnapshot().context
      expect(JSON.stringify(context)).not.toMatch(/long-password|new-password|mailed-token|reset-token|Acme/)
      expect(Object.keys(flows.getSnapshot().context).sort()).toEqual(['auth', 'error', 'outcome'])
    },
  )

  it.each(FLOWS)(
    '$event.type signs in when the route answers a session: the auth machine hears it, and every tab follows',
    async ({ event, route }) => {
      const tabA = mockedFlows()
      const tabB = mockedFlows(null, tabA.bus)
      const session = sessionFor(60_000)
      tabA.answers[route].mockResolvedValueOnce(session)
      tabA.flows.send(event)
      await settle()
      expect(selectAccountFlow(tabA.flows.getSnapshot())).toEqual({ pending: false, outcome: null, error: null })
      expect(tabA.auth.getSnapshot().value).toBe('signedIn')
      expect(tabA.auth.getSnapshot().context).toMatchObject({ user, expiresAt: session.expiresAt })
      expect(tabB.auth.getSnapshot().value).toBe('signedIn')
    },
  )

  it.each(FLOWS)(
    '$event.type keeps a refusal, throttling’s retryAfterSeconds included, and clears it when the next flow starts',
    async ({ event, route }) => {
      const { flows, answers } = mockedFlows()
      const throttled = failure(429, 'rate_limited')
      throttled.error.retryAfterSeconds = 30
      answers[route].mockRejectedValueOnce(throttled)
      flows.send(event)
      await settle()
      expect(flows.getSnapshot().value).toBe('idle')
      expect(flows.getSnapshot().context.error).toEqual({ code: 'rate_limited', message: 'rate_limited', retryAfterSeconds: 30 })
      flows.send(event)
      expect(flows.getSnapshot().context.error).toBeNull()
      await settle()
      expect(selectAccountFlow(flows.getSnapshot())).toEqual({ pending: false, outcome: 'verification_sent', error: null })
    },
  )

  it('starts a flow with no outcome left from the last one', async () => {
    const { flows } = mockedFlows()
    flows.send({ type: 'account.resendVerification', identifier: { email: 'new@example.com' } })
    await settle()
    expect(flows.getSnapshot().context.outcome).toBe('verification_sent')
    flows.send({ type: 'account.verifyEmail', token: 'mailed-token' })
    expect(flows.getSnapshot().context.outcome).toBeNull()
  })

  it('ignores every event while a flow is in flight', async () => {
    const { flows, answers } = mockedFlows()
    answers.verifyEmail.mockImplementationOnce(() => new Promise(() => {}))
    flows.send({ type: 'account.verifyEmail', token: 'mailed-token' })
    for (const { event } of FLOWS) flows.send(event)
    await settle()
    expect(flows.getSnapshot().value).toBe('verifyingEmail')
    expect(answers.verifyEmail).toHaveBeenCalledTimes(1)
    expect(
      (['signUp', 'resendVerification', 'requestPasswordReset', 'resetPassword'] as const).filter(
        (route) => answers[route].mock.calls.length > 0,
      ),
    ).toEqual([])
  })

  it('runs while someone is signed in: a verification link opened as another person signs that person in', async () => {
    const { flows, auth, answers } = mockedFlows(sessionFor(60_000))
    const other = { id: '2', roles: [] }
    answers.verifyEmail.mockResolvedValueOnce({ user: other, expiresAt: sessionFor(60_000).expiresAt })
    flows.send({ type: 'account.verifyEmail', token: 'mailed-token' })
    await settle()
    expect(answers.verifyEmail).toHaveBeenCalledWith({ token: 'mailed-token' })
    expect(auth.getSnapshot().value).toBe('signedIn')
    expect(auth.getSnapshot().context.user).toEqual(other)
  })

  it('leaves the shared error shape when an effect fails some other way', async () => {
    const { flows, answers } = mockedFlows()
    answers.signUp.mockRejectedValueOnce(new TypeError('bug'))
    flows.send(FLOWS[0]!.event)
    await settle()
    expect(flows.getSnapshot().context.error).toMatchObject({ code: 'internal_error', message: expect.any(String) })
  })
})
