import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createActor, fromPromise, type SnapshotFrom } from 'xstate'
import { getShortestPaths } from 'xstate/graph'
import { authMachine, type AuthEvent } from './authMachine'
import type { TransportFailure } from './transportActors'
import type { Credentials, Session } from './types'

const user = { id: '1', name: 'Demo User', email: 'demo@example.com', roles: ['user'] }
const sessionFor = (lifetimeMs: number): Session => ({ user, expiresAt: new Date(Date.now() + lifetimeMs).toISOString() })
const failure = (status: number, code: string): TransportFailure => ({ status, error: { code, message: code } })
const credentials: Credentials = { email: 'demo@example.com', password: 'demo-password' }

/** A machine whose four effects are spies that answer what each test queues. */
function mockedMachine() {
  const answers = {
    loadSession: vi.fn<() => Promise<Session | null>>(async () => null),
    login: vi.fn<(input: Credentials) => Promise<Session | null>>(async () => sessionFor(60_000)),
    refresh: vi.fn<() => Promise<Session | null>>(async () => sessionFor(60_000)),
    logout: vi.fn<() => Promise<Session | null>>(async () => null),
  }
  const machine = authMachine.provide({
    actors: {
      loadSession: fromPromise(() => answers.loadSession()),
      login: fromPromise<Session | null, Credentials>(({ input }) => answers.login(input)),
      refresh: fromPromise(() => answers.refresh()),
      logout: fromPromise(() => answers.logout()),
    },
  })
  return { machine, answers }
}

const settle = () => vi.advanceTimersByTimeAsync(0)

describe('authMachine', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }))
  afterEach(() => vi.useRealTimers())

  it('starts signed in from the server session without any request', async () => {
    const { machine, answers } = mockedMachine()
    const actor = createActor(machine, { input: { session: sessionFor(60_000) } }).start()
    await settle()
    expect(actor.getSnapshot().value).toBe('authenticated')
    expect(actor.getSnapshot().context.user).toEqual(user)
    expect(answers.loadSession).not.toHaveBeenCalled()
  })

  it('starts signed out when the server says nobody is signed in, without any request', async () => {
    const { machine, answers } = mockedMachine()
    const actor = createActor(machine, { input: { session: null } }).start()
    await settle()
    expect(actor.getSnapshot().value).toBe('anonymous')
    expect(answers.loadSession).not.toHaveBeenCalled()
  })

  it('hydrates from the session route when the server handed nothing over', async () => {
    const { machine, answers } = mockedMachine()
    answers.loadSession.mockResolvedValueOnce(sessionFor(60_000))
    const actor = createActor(machine, { input: {} }).start()
    expect(actor.getSnapshot().value).toBe('hydrating')
    await settle()
    expect(actor.getSnapshot().value).toBe('authenticated')
    expect(answers.loadSession).toHaveBeenCalledTimes(1)
  })

  it('signs in, and keeps the shared error shape in context when sign-in fails', async () => {
    const { machine, answers } = mockedMachine()
    const rejected = failure(422, 'validation_failed')
    rejected.error.fields = { email: ['Email is required.'] }
    answers.login.mockRejectedValueOnce(rejected)
    const actor = createActor(machine, { input: { session: null } }).start()
    actor.send({ type: 'auth.login', credentials })
    expect(actor.getSnapshot().value).toBe('authenticating')
    await settle()
    expect(actor.getSnapshot().value).toBe('anonymous')
    expect(actor.getSnapshot().context.error).toEqual(rejected.error)

    actor.send({ type: 'auth.login', credentials })
    expect(actor.getSnapshot().context.error).toBeNull()
    await settle()
    expect(actor.getSnapshot().value).toBe('authenticated')
    expect(answers.login).toHaveBeenLastCalledWith(credentials)
  })

  it('refreshes 30 s before expiry, or at half-life for short tokens', async () => {
    const { machine, answers } = mockedMachine()
    answers.refresh.mockResolvedValue(sessionFor(60_000 + 120_000))
    createActor(machine, { input: { session: sessionFor(120_000) } }).start()
    await vi.advanceTimersByTimeAsync(89_999)
    expect(answers.refresh).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(answers.refresh).toHaveBeenCalledTimes(1)

    const short = mockedMachine()
    createActor(short.machine, { input: { session: sessionFor(4_000) } }).start()
    await vi.advanceTimersByTimeAsync(1_999)
    expect(short.answers.refresh).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(short.answers.refresh).toHaveBeenCalledTimes(1)
  })

  it('keeps the session through a transient refresh failure and retries', async () => {
    const { machine, answers } = mockedMachine()
    answers.refresh.mockRejectedValueOnce(failure(0, 'network_error')).mockResolvedValueOnce(sessionFor(600_000))
    const actor = createActor(machine, { input: { session: sessionFor(60_000) } }).start()
    actor.send({ type: 'auth.refresh' })
    await settle()
    expect(actor.getSnapshot().value).toBe('degraded')
    expect(actor.getSnapshot().context.user).toEqual(user)
    await vi.advanceTimersByTimeAsync(5_000)
    expect(actor.getSnapshot().value).toBe('authenticated')
    expect(actor.getSnapshot().context.error).toBeNull()
    expect(answers.refresh).toHaveBeenCalledTimes(2)
  })

  it('signs out when the backend rejects the refresh token', async () => {
    const { machine, answers } = mockedMachine()
    answers.refresh.mockRejectedValueOnce(failure(401, 'session_expired'))
    const actor = createActor(machine, { input: { session: sessionFor(60_000) } }).start()
    actor.send({ type: 'auth.refresh' })
    await settle()
    expect(actor.getSnapshot().value).toBe('anonymous')
    expect(actor.getSnapshot().context).toMatchObject({ user: null, expiresAt: null, error: { code: 'session_expired' } })
  })

  it('lets a session without a refresh token run to its expiry, then ends it as session_expired', async () => {
    const { machine, answers } = mockedMachine()
    answers.refresh.mockRejectedValueOnce(failure(401, 'session_expired'))
    const actor = createActor(machine, { input: { session: { ...sessionFor(60_000), refreshable: false } } }).start()
    await vi.advanceTimersByTimeAsync(59_000)
    expect(answers.refresh).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(answers.refresh).toHaveBeenCalledTimes(1)
    expect(actor.getSnapshot().value).toBe('anonymous')
    expect(actor.getSnapshot().context.error).toMatchObject({ code: 'session_expired' })
  })

  it('signs out locally even when the logout call fails', async () => {
    const { machine, answers } = mockedMachine()
    answers.logout.mockRejectedValueOnce(failure(0, 'network_error'))
    const actor = createActor(machine, { input: { session: sessionFor(60_000) } }).start()
    actor.send({ type: 'auth.logout' })
    expect(actor.getSnapshot().value).toBe('loggingOut')
    await settle()
    expect(actor.getSnapshot().value).toBe('anonymous')
    expect(actor.getSnapshot().context.user).toBeNull()
  })

  it('reaches every state by some path of events', () => {
    const session = sessionFor(60_000)
    type Step = AuthEvent | { type: string; output?: unknown; error?: unknown }
    const events: Step[] = [
      { type: 'auth.login', credentials },
      { type: 'auth.logout' },
      { type: 'auth.refresh' },
      { type: 'xstate.done.actor.loadSession', output: session },
      { type: 'xstate.done.actor.login', output: session },
      { type: 'xstate.error.actor.login', error: failure(401, 'invalid_credentials') },
      { type: 'xstate.error.actor.refresh', error: failure(503, 'backend_unavailable') },
      { type: 'xstate.done.actor.logout', output: null },
    ]
    const paths = getShortestPaths(authMachine, { input: {}, events: events as AuthEvent[] })
    const reached = new Set(paths.map((path) => String((path.state as SnapshotFrom<typeof authMachine>).value)))
    expect([...reached].sort()).toEqual(['anonymous', 'authenticated', 'authenticating', 'degraded', 'hydrating', 'loggingOut', 'refreshing'])
  })
})
