import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createActor, fromPromise, type AnyActorRef } from 'xstate'
import { createTabBus } from '../../test/tabBus'
import { authMachine } from './authMachine'
import type { RefreshInput, TransportFailure } from './transportActors'
import type { ErrorCode } from '../contract/errorCatalogue'
import type { Credentials, SecondFactorCode, Session } from '../contract/types'

const user = { id: '1', name: 'Demo User', email: 'demo@example.com', roles: ['user'] }
const sessionFor = (lifetimeMs: number): Session => ({ user, expiresAt: new Date(Date.now() + lifetimeMs).toISOString() })
const failure = (status: number, code: ErrorCode): TransportFailure => ({ status, error: { code, message: code } })
const credentials: Credentials = { email: 'demo@example.com', password: 'demo-password' }
const started: AnyActorRef[] = []

/** A machine whose effects are spies answering what each test queues; `bus` links machines as tabs. */
function mockedMachine(bus = createTabBus()) {
  const answers = {
    loadSession: vi.fn<() => Promise<Session | null>>(async () => null),
    signIn: vi.fn<(input: Credentials) => Promise<Session | null>>(async () => sessionFor(60_000)),
    refresh: vi.fn<(input: RefreshInput) => Promise<Session | null>>(async () => sessionFor(60_000)),
    signOut: vi.fn<() => Promise<Session | null>>(async () => null),
    secondFactor: vi.fn<(input: SecondFactorCode) => Promise<Session | null>>(async () => sessionFor(60_000)),
  }
  const machine = authMachine.provide({
    actors: {
      loadSession: fromPromise(() => answers.loadSession()),
      signIn: fromPromise<Session | null, Credentials>(({ input }) => answers.signIn(input)),
      refresh: fromPromise<Session | null, RefreshInput>(({ input }) => answers.refresh(input)),
      signOut: fromPromise(() => answers.signOut()),
      secondFactor: fromPromise<Session | null, SecondFactorCode>(({ input }) => answers.secondFactor(input)),
      browserWatcher: bus,
    },
  })
  const start = (session?: Session | null) => {
    const actor = createActor(machine, { input: session === undefined ? {} : { session } }).start()
    started.push(actor)
    return actor
  }
  return { answers, start, bus }
}

const settle = () => vi.advanceTimersByTimeAsync(0)

describe('authMachine', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }))
  afterEach(() => {
    for (const actor of started.splice(0)) actor.stop()
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('starts signed in from the server session without any request', async () => {
    const { answers, start } = mockedMachine()
    const actor = start(sessionFor(60_000))
    await settle()
    expect(actor.getSnapshot().value).toBe('signedIn')
    expect(actor.getSnapshot().context.user).toEqual(user)
    expect(answers.loadSession).not.toHaveBeenCalled()
  })

  it('starts signed out when the server says nobody is signed in, without any request', async () => {
    const { answers, start } = mockedMachine()
    expect(start(null).getSnapshot().value).toBe('signedOut')
    await settle()
    expect(answers.loadSession).not.toHaveBeenCalled()
  })

  it('hydrates from the session route when the server handed nothing over', async () => {
    const { answers, start } = mockedMachine()
    answers.loadSession.mockResolvedValueOnce(sessionFor(60_000))
    const actor = start()
    expect(actor.getSnapshot().value).toBe('hydrating')
    await settle()
    expect(actor.getSnapshot().value).toBe('signedIn')
    expect(answers.loadSession).toHaveBeenCalledTimes(1)
  })

  it('signs in, and keeps the shared error shape in context when sign-in fails', async () => {
    const { answers, start } = mockedMachine()
    const rejected = failure(422, 'validation_failed')
    rejected.error.fields = { email: ['Email is required.'] }
    answers.signIn.mockRejectedValueOnce(rejected)
    const actor = start(null)
    actor.send({ type: 'auth.signIn', credentials })
    expect(actor.getSnapshot().value).toBe('signingIn')
    await settle()
    expect(actor.getSnapshot().value).toBe('signedOut')
    expect(actor.getSnapshot().context.error).toEqual(rejected.error)

    actor.send({ type: 'auth.signIn', credentials })
    expect(actor.getSnapshot().context.error).toBeNull()
    await settle()
    expect(actor.getSnapshot().value).toBe('signedIn')
    expect(answers.signIn).toHaveBeenLastCalledWith(credentials)
  })

  it('refreshes 30 s before expiry, or 80 % into a short lifetime, passing the expiry it knows', async () => {
    const { answers, start } = mockedMachine()
    const first = sessionFor(120_000)
    answers.refresh.mockResolvedValue(sessionFor(600_000))
    start(first)
    await vi.advanceTimersByTimeAsync(95_999)
    expect(answers.refresh).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(answers.refresh).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ knownExpiresAt: first.expiresAt }))

    const short = mockedMachine()
    short.start(sessionFor(3_000))
    await vi.advanceTimersByTimeAsync(2_399)
    expect(short.answers.refresh).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(short.answers.refresh).toHaveBeenCalledTimes(1)
  })

  it('tells every refresh how long the person has been inactive, counting from the page load until they act', async () => {
    const { answers, start } = mockedMachine()
    answers.refresh.mockImplementation(async () => sessionFor(120_000))
    const actor = start(sessionFor(120_000))
    await vi.advanceTimersByTimeAsync(96_000)
    expect(answers.refresh).toHaveBeenLastCalledWith(expect.objectContaining({ inactiveMs: 96_000 }))
    await vi.advanceTimersByTimeAsync(10_000)
    actor.send({ type: 'auth.active' })
    // 80 % into the 110 s left when the person acted.
    await vi.advanceTimersByTimeAsync(88_000)
    expect(answers.refresh).toHaveBeenCalledTimes(2)
    expect(answers.refresh).toHaveBeenLastCalledWith(expect.objectContaining({ inactiveMs: 88_000 }))
  })

  it('with an idle end, refreshes before it only when the person acted since the server last heard', async () => {
    const idleEndsAt = new Date(Date.now() + 300_000).toISOString()
    const idleSession = { ...sessionFor(600_000), idleEndsAt }
    const unattended = mockedMachine()
    // The server keeps the idle end through a refresh that reports no new activity.
    unattended.answers.refresh.mockImplementation(async () => ({ ...sessionFor(600_000), idleEndsAt }))
    unattended.start(idleSession)
    // Loading the page counts: the server has not heard of it, so the tab tells it 30 s before the end.
    await vi.advanceTimersByTimeAsync(269_999)
    expect(unattended.answers.refresh).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(unattended.answers.refresh).toHaveBeenCalledTimes(1)
    // Nothing since: the tab waits for the end itself, where the server signs it out.
    await vi.advanceTimersByTimeAsync(29_999)
    expect(unattended.answers.refresh).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(unattended.answers.refresh).toHaveBeenCalledTimes(2)
  })

  it('keeps a session that lasts months without refreshing it at once (timers cap at 24.8 days)', async () => {
    const { answers, start } = mockedMachine()
    start(sessionFor(90 * 24 * 3_600_000))
    await vi.advanceTimersByTimeAsync(24 * 3_600_000)
    expect(answers.refresh).not.toHaveBeenCalled()
  })

  it('refreshes on waking when a sleep outlived the token, and not when it did not', async () => {
    const { answers, start } = mockedMachine()
    const actor = start(sessionFor(600_000))
    vi.setSystemTime(Date.now() + 60_000)
    actor.send({ type: 'auth.wake' })
    expect(actor.getSnapshot().value).toBe('signedIn')
    vi.setSystemTime(Date.now() + 3_600_000)
    actor.send({ type: 'auth.wake' })
    expect(actor.getSnapshot().value).toBe('refreshing')
    await settle()
    expect(answers.refresh).toHaveBeenCalledTimes(1)
  })

  it('keeps the session through transient failures, backing off exponentially, and recovers', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1)
    const { answers, start } = mockedMachine()
    const down = failure(502, 'backend_unavailable')
    answers.refresh
      .mockRejectedValueOnce(down)
      .mockRejectedValueOnce(down)
      .mockRejectedValueOnce(down)
      .mockResolvedValueOnce(sessionFor(600_000))
    const actor = start(sessionFor(60_000))
    actor.send({ type: 'auth.refresh' })
    await settle()
    expect(actor.getSnapshot().value).toBe('degraded')
    expect(actor.getSnapshot().context.user).toEqual(user)
    const callsAfter = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms)
      return answers.refresh.mock.calls.length
    }
    expect([
      await callsAfter(999),
      await callsAfter(1),
      await callsAfter(1_999),
      await callsAfter(1),
      await callsAfter(3_999),
      await callsAfter(1),
    ]).toEqual([1, 2, 2, 3, 3, 4])
    expect(actor.getSnapshot().value).toBe('signedIn')
    expect(actor.getSnapshot().context).toMatchObject({ error: null, retries: 0 })
  })

  it('retries at once when the page comes back online while degraded', async () => {
    const { answers, start } = mockedMachine()
    answers.refresh.mockRejectedValueOnce(failure(0, 'network_error'))
    const actor = start(sessionFor(60_000))
    actor.send({ type: 'auth.refresh' })
    await settle()
    actor.send({ type: 'auth.wake' })
    await settle()
    expect(actor.getSnapshot().value).toBe('signedIn')
    expect(answers.refresh).toHaveBeenCalledTimes(2)
  })

  it('signs out when the backend rejects the refresh token, marking the session as ended', async () => {
    const { answers, start } = mockedMachine()
    answers.refresh.mockRejectedValueOnce(failure(401, 'session_expired'))
    const actor = start(sessionFor(60_000))
    actor.send({ type: 'auth.refresh' })
    await settle()
    expect(actor.getSnapshot().value).toBe('signedOut')
    expect(actor.getSnapshot().context).toMatchObject({ user: null, expiresAt: null, error: { code: 'session_expired' } })
  })

  it('lets a session without a refresh token run to its expiry, then ends it as session_expired', async () => {
    const { answers, start } = mockedMachine()
    answers.refresh.mockResolvedValueOnce(null)
    const actor = start({ ...sessionFor(60_000), refreshable: false })
    await vi.advanceTimersByTimeAsync(59_999)
    expect(answers.refresh).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(answers.refresh).toHaveBeenCalledTimes(1)
    expect(actor.getSnapshot().value).toBe('signedOut')
    expect(actor.getSnapshot().context.error).toMatchObject({ code: 'session_expired' })
  })

  it('signs out locally even when the sign-out call fails', async () => {
    const { answers, start } = mockedMachine()
    answers.signOut.mockRejectedValueOnce(failure(0, 'network_error'))
    const actor = start(sessionFor(60_000))
    actor.send({ type: 'auth.signOut' })
    expect(actor.getSnapshot().value).toBe('signingOut')
    await settle()
    expect(actor.getSnapshot().value).toBe('signedOut')
    expect(actor.getSnapshot().context.user).toBeNull()
  })
})

describe('authMachine across tabs', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }))
  afterEach(() => {
    for (const actor of started.splice(0)) actor.stop()
    vi.useRealTimers()
  })

  it('shares a refresh: the other tab adopts the new expiry and reschedules instead of refreshing', async () => {
    const tabA = mockedMachine()
    const tabB = mockedMachine(tabA.bus)
    const session = sessionFor(60_000)
    const renewed = sessionFor(120_000)
    tabA.answers.refresh.mockResolvedValueOnce(renewed)
    const [a, b] = [tabA.start(session), tabB.start(session)]
    a.send({ type: 'auth.refresh' })
    await settle()
    expect(b.getSnapshot().context.expiresAt).toBe(renewed.expiresAt)
    await vi.advanceTimersByTimeAsync(50_000)
    expect(tabA.answers.refresh.mock.calls.length + tabB.answers.refresh.mock.calls.length).toBe(1)
  })

  it('lets the tab that refreshed last refresh first: the others wait until half the margin is left, and adopt its news', async () => {
    const tabA = mockedMachine()
    const tabB = mockedMachine(tabA.bus)
    const [a, b] = [tabA.start(sessionFor(60_000)), tabB.start(sessionFor(60_000))]
    // The renewed session lasts 10 s: A refreshes 2 s before its end (20 %), B, which only heard of it, 1 s before.
    // Each refresh takes the backend 200 ms: with both tabs refreshing at once, B's would be under way before A's news came.
    const slowly = async () => {
      await new Promise((resolve) => setTimeout(resolve, 200))
      return sessionFor(10_000)
    }
    tabA.answers.refresh.mockImplementation(slowly)
    tabB.answers.refresh.mockImplementation(slowly)
    a.send({ type: 'auth.refresh' })
    await vi.advanceTimersByTimeAsync(200)
    expect(b.getSnapshot().context.follows).toBe(true)
    await vi.advanceTimersByTimeAsync(8_200)
    expect(tabA.answers.refresh).toHaveBeenCalledTimes(2)
    expect(tabB.answers.refresh).not.toHaveBeenCalled()
    // B heard of A's second refresh before its own timer fired, so it never refreshes.
    await vi.advanceTimersByTimeAsync(8_000)
    expect(tabB.answers.refresh).not.toHaveBeenCalled()
    expect(b.getSnapshot().context.expiresAt).toBe(a.getSnapshot().context.expiresAt)
  })

  it('follows sign-in and sign-out in another tab without a request', async () => {
    const tabA = mockedMachine()
    const tabB = mockedMachine(tabA.bus)
    const [a, b] = [tabA.start(null), tabB.start(null)]
    a.send({ type: 'auth.signIn', credentials })
    await settle()
    expect(b.getSnapshot().value).toBe('signedIn')
    a.send({ type: 'auth.signOut' })
    await settle()
    expect(b.getSnapshot().value).toBe('signedOut')
    expect(b.getSnapshot().context.error).toBeNull()
    expect([tabB.answers.signIn, tabB.answers.signOut, tabB.answers.loadSession].map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0])
  })

  it('signs every tab out once when the backend rejects the refresh in one of them', async () => {
    const tabA = mockedMachine()
    const tabB = mockedMachine(tabA.bus)
    tabA.answers.refresh.mockRejectedValueOnce(failure(401, 'session_expired'))
    const session = sessionFor(60_000)
    const [a, b] = [tabA.start(session), tabB.start(session)]
    const signOuts = { b: 0 }
    b.subscribe((snapshot) => {
      if (snapshot.matches('signedOut')) signOuts.b += 1
    })
    a.send({ type: 'auth.refresh' })
    await vi.advanceTimersByTimeAsync(120_000)
    expect(a.getSnapshot().value).toBe('signedOut')
    expect(b.getSnapshot().context.error?.code).toBe('session_expired')
    expect(signOuts.b).toBe(1)
    expect(tabB.answers.refresh).not.toHaveBeenCalled()
  })
})

describe('authMachine auth.signedIn (a session an account flow signed in with)', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }))
  afterEach(() => {
    for (const actor of started.splice(0)) actor.stop()
    vi.useRealTimers()
  })

  it('signs in from signed out without a request, tells every tab, and schedules the refresh', async () => {
    const tabA = mockedMachine()
    const tabB = mockedMachine(tabA.bus)
    const [a, b] = [tabA.start(null), tabB.start(null)]
    const session = sessionFor(60_000)
    a.send({ type: 'auth.signedIn', session })
    expect(a.getSnapshot().value).toBe('signedIn')
    expect(a.getSnapshot().context).toMatchObject({ user, expiresAt: session.expiresAt, error: null })
    await settle()
    expect(b.getSnapshot().value).toBe('signedIn')
    expect(tabA.answers.signIn).not.toHaveBeenCalled()
    // 80 % into a one-minute lifetime.
    await vi.advanceTimersByTimeAsync(47_999)
    expect(tabA.answers.refresh).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(tabA.answers.refresh).toHaveBeenCalledTimes(1)
  })

  it('replaces the session while signed in (a verification link opened as someone else) and reschedules', async () => {
    const { answers, start } = mockedMachine()
    const actor = start(sessionFor(60_000))
    await vi.advanceTimersByTimeAsync(30_000)
    const other = { id: '2', roles: [] }
    const session = { user: other, expiresAt: new Date(Date.now() + 60_000).toISOString() }
    actor.send({ type: 'auth.signedIn', session })
    expect(actor.getSnapshot().context).toMatchObject({ user: other, expiresAt: session.expiresAt })
    // The old session's refresh at 48 s no longer fires; the new one's does, 48 s after it arrived.
    await vi.advanceTimersByTimeAsync(47_999)
    expect(answers.refresh).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(answers.refresh).toHaveBeenCalledTimes(1)
  })

  it('ends a degraded session’s retries and a sign-in’s wait for its second factor', async () => {
    const { answers, start } = mockedMachine()
    answers.refresh.mockRejectedValue(failure(502, 'backend_unavailable'))
    const degraded = start(sessionFor(1_000))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(degraded.getSnapshot().value).toBe('degraded')
    degraded.send({ type: 'auth.signedIn', session: sessionFor(60_000) })
    expect(degraded.getSnapshot().value).toBe('signedIn')
    expect(degraded.getSnapshot().context).toMatchObject({ error: null, retries: 0 })

    answers.signIn.mockRejectedValueOnce(failure(401, 'second_factor_required'))
    const waiting = start(null)
    waiting.send({ type: 'auth.signIn', credentials })
    await settle()
    expect(waiting.getSnapshot().value).toBe('secondFactor')
    waiting.send({ type: 'auth.signedIn', session: sessionFor(60_000) })
    expect(waiting.getSnapshot().value).toBe('signedIn')
    expect(waiting.getSnapshot().context.error).toBeNull()
  })

  it('is not taken while a request whose answer may change the cookies is in flight', async () => {
    const { answers, start } = mockedMachine()
    answers.signOut.mockImplementation(() => new Promise(() => {}))
    const actor = start(sessionFor(60_000))
    actor.send({ type: 'auth.signOut' })
    actor.send({ type: 'auth.signedIn', session: sessionFor(120_000) })
    expect(actor.getSnapshot().value).toBe('signingOut')
  })
})

describe('authMachine second factor', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }))
  afterEach(() => {
    for (const actor of started.splice(0)) actor.stop()
    vi.useRealTimers()
  })

  /** Signed out, with a sign-in whose password was right waiting for its second factor. */
  async function waitingForSecondFactor(bus = createTabBus()) {
    const mocked = mockedMachine(bus)
    mocked.answers.signIn.mockRejectedValueOnce(failure(401, 'second_factor_required'))
    const actor = mocked.start(null)
    actor.send({ type: 'auth.signIn', credentials })
    await settle()
    return { ...mocked, actor }
  }

  it('waits for the second factor after a sign-in that asks for one, still signed out, with the error that says so', async () => {
    const { actor } = await waitingForSecondFactor()
    const snapshot = actor.getSnapshot()
    expect(snapshot.value).toBe('secondFactor')
    expect([snapshot.hasTag('secondFactor'), snapshot.hasTag('pending'), snapshot.hasTag('signedIn')]).toEqual([true, false, false])
    expect(snapshot.context.error?.code).toBe('second_factor_required')
    expect(snapshot.context.user).toBeNull()
  })

  it('stays for another try after a wrong code, throttling or a network error, and signs in with the right code', async () => {
    const { actor, answers } = await waitingForSecondFactor()
    for (const [status, code] of [
      [401, 'invalid_code'],
      [429, 'rate_limited'],
      [0, 'network_error'],
    ] as const) {
      answers.secondFactor.mockRejectedValueOnce(failure(status, code))
      actor.send({ type: 'auth.submitSecondFactor', code: { code: '000000' } })
      const verifying = actor.getSnapshot()
      expect(verifying.value).toBe('verifyingSecondFactor')
      expect(['secondFactor', 'pending', 'busy'].map((tag) => verifying.hasTag(tag as never))).toEqual([true, true, true])
      await settle()
      expect(actor.getSnapshot().value).toBe('secondFactor')
      expect(actor.getSnapshot().context.error?.code).toBe(code)
    }
    const session = sessionFor(60_000)
    answers.secondFactor.mockResolvedValueOnce(session)
    actor.send({ type: 'auth.submitSecondFactor', code: { recoveryCode: 'recovery-code-one' } })
    await settle()
    expect(answers.secondFactor).toHaveBeenLastCalledWith({ recoveryCode: 'recovery-code-one' })
    expect(actor.getSnapshot().value).toBe('signedIn')
    expect(actor.getSnapshot().context).toMatchObject({ user, expiresAt: session.expiresAt, error: null })
  })

  it('signs out with challenge_expired when the sign-in waited too long', async () => {
    const { actor, answers } = await waitingForSecondFactor()
    answers.secondFactor.mockRejectedValueOnce(failure(401, 'challenge_expired'))
    actor.send({ type: 'auth.submitSecondFactor', code: { code: '123456' } })
    await settle()
    expect(actor.getSnapshot().value).toBe('signedOut')
    expect(actor.getSnapshot().context.error?.code).toBe('challenge_expired')
  })

  it('signs out with no error when the person gives up, and takes no other sign-in meanwhile', async () => {
    const { actor, answers } = await waitingForSecondFactor()
    actor.send({ type: 'auth.signIn', credentials })
    expect(actor.getSnapshot().value).toBe('secondFactor')
    actor.send({ type: 'auth.cancelSecondFactor' })
    expect(actor.getSnapshot().value).toBe('signedOut')
    expect(actor.getSnapshot().context.error).toBeNull()
    expect(answers.signIn).toHaveBeenCalledTimes(1)
  })

  it('takes the code when signed out: a sign-in posted as a form left its challenge in the cookie', async () => {
    const { answers, start } = mockedMachine()
    const actor = start(null)
    answers.secondFactor.mockRejectedValueOnce(failure(401, 'invalid_code'))
    actor.send({ type: 'auth.submitSecondFactor', code: { code: '000000' } })
    expect(actor.getSnapshot().value).toBe('verifyingSecondFactor')
    await settle()
    // A wrong code: the challenge is kept, so the page asks again.
    expect(actor.getSnapshot().value).toBe('secondFactor')
    expect(actor.getSnapshot().context.error?.code).toBe('invalid_code')
    actor.send({ type: 'auth.submitSecondFactor', code: { code: '123456' } })
    await settle()
    expect(answers.secondFactor).toHaveBeenLastCalledWith({ code: '123456' })
    expect(actor.getSnapshot().value).toBe('signedIn')
    // The code never reaches the context.
    expect(JSON.stringify(actor.getSnapshot().context)).not.toMatch(/123456|000000/)
  })

  it('stays signed out with challenge_expired when signed out and no challenge waits in the cookie', async () => {
    const { answers, start } = mockedMachine()
    answers.secondFactor.mockRejectedValueOnce(failure(401, 'challenge_expired'))
    const actor = start(null)
    actor.send({ type: 'auth.submitSecondFactor', code: { recoveryCode: 'r-1' } })
    await settle()
    expect(actor.getSnapshot().value).toBe('signedOut')
    expect(actor.getSnapshot().context.error?.code).toBe('challenge_expired')
  })

  it('is not taken while signed in', async () => {
    const { answers, start } = mockedMachine()
    const actor = start(sessionFor(60_000))
    actor.send({ type: 'auth.submitSecondFactor', code: { code: '123456' } })
    await settle()
    expect(actor.getSnapshot().value).toBe('signedIn')
    expect(answers.secondFactor).not.toHaveBeenCalled()
  })

  it('follows another tab that signed in meanwhile', async () => {
    const tabA = mockedMachine()
    const { actor } = await waitingForSecondFactor(tabA.bus)
    const a = tabA.start(null)
    a.send({ type: 'auth.signIn', credentials })
    await settle()
    expect(actor.getSnapshot().value).toBe('signedIn')
  })
})
