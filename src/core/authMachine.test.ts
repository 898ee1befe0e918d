import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createActor, fromPromise, type AnyActorRef } from 'xstate'
import { createTabBus } from '../../test/tabBus'
import { authMachine } from './authMachine'
import type { RefreshInput, TransportFailure } from './transportActors'
import type { ErrorCode } from '../contract/errorCatalogue'
import type { Credentials, Session } from '../contract/types'

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
  }
  const machine = authMachine.provide({
    actors: {
      loadSession: fromPromise(() => answers.loadSession()),
      signIn: fromPromise<Session | null, Credentials>(({ input }) => answers.signIn(input)),
      refresh: fromPromise<Session | null, RefreshInput>(({ input }) => answers.refresh(input)),
      signOut: fromPromise(() => answers.signOut()),
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
