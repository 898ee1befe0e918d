// biome-ignore-all lint/correctness/noComponentHookFactories: each test's probe component closes over that test's spies
// @vitest-environment happy-dom
import { act, Activity, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createActor, fromPromise, type InspectionEvent } from 'xstate'
import { authMachine } from '../core/authMachine'
import type { Session } from '../contract/types'
import { AuthProvider, useAuthActor } from './AuthProvider'
import { useAuth } from './useAuth'
import { useAuthSelector } from './useAuthSelector'

const session: Session = { user: { id: '1', name: 'Demo User', roles: [] }, expiresAt: '2099-01-01T00:00:00.000Z' }

function mount(children: React.ReactNode) {
  const container = document.createElement('div')
  const root = createRoot(container)
  act(() => root.render(<StrictMode>{children}</StrictMode>))
  return { container, unmount: () => act(() => root.unmount()) }
}
// Tells React that updates are wrapped in act(), so it flushes them there.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

describe('AuthProvider under StrictMode (mount, unmount, mount again)', () => {
  const cleanups: Array<() => void> = []
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup()
  })

  it('ends with one running machine that kept the session and still answers events', async () => {
    const signOut = vi.fn(async (): Promise<Session | null> => null)
    const machine = authMachine.provide({ actors: { signOut: fromPromise(signOut) } })
    let actor: ReturnType<typeof useAuthActor> | undefined
    function Probe() {
      actor = useAuthActor()
      const { status, user } = useAuth()
      return (
        <p>
          {status} {user?.name}
        </p>
      )
    }
    const { container, unmount } = mount(
      <AuthProvider machine={machine} session={session}>
        <Probe />
      </AuthProvider>,
    )
    cleanups.push(unmount)
    expect(container.textContent).toBe('signedIn Demo User')
    expect(actor!.getSnapshot().status).toBe('active')
    await act(async () => actor!.send({ type: 'auth.signOut' }))
    expect(signOut).toHaveBeenCalledTimes(1)
    expect(container.textContent).toBe('signedOut ')
  })

  it('asks the session route again when the remount came before the first answer', async () => {
    const loadSession = vi.fn(async (): Promise<Session | null> => session)
    const machine = authMachine.provide({ actors: { loadSession: fromPromise(loadSession) } })
    function Probe() {
      const { status, user } = useAuth()
      return (
        <p>
          {status} {user?.name}
        </p>
      )
    }
    const { container, unmount } = mount(
      <AuthProvider machine={machine}>
        <Probe />
      </AuthProvider>,
    )
    cleanups.push(unmount)
    await act(async () => {})
    expect(container.textContent).toBe('signedIn Demo User')
    expect(loadSession).toHaveBeenCalledTimes(2)
  })
})

describe('AuthProvider hidden and shown again by <Activity>', () => {
  it('asks the session route after a remount in the middle of a sign-in, and settles the pending signIn()', async () => {
    let answerSignIn = (_: Session | null) => {}
    const loadSession = vi.fn(async (): Promise<Session | null> => session)
    const machine = authMachine.provide({
      actors: {
        loadSession: fromPromise(loadSession),
        signIn: fromPromise(() => new Promise<Session | null>((resolve) => (answerSignIn = resolve))),
      },
    })
    let auth: ReturnType<typeof useAuth> | undefined
    function Probe() {
      auth = useAuth()
      return <p>{auth.status}</p>
    }
    const container = document.createElement('div')
    const root = createRoot(container)
    const render = (mode: 'visible' | 'hidden') =>
      act(() =>
        root.render(
          <Activity mode={mode}>
            <AuthProvider machine={machine} session={null}>
              <Probe />
            </AuthProvider>
          </Activity>,
        ),
      )
    render('visible')
    let signIn: Promise<unknown> | undefined
    act(() => {
      signIn = auth!.signIn({ email: 'demo@example.com', password: 'demo-password' })
    })
    render('hidden')
    render('visible')
    await act(async () => answerSignIn(session))
    expect(container.textContent).toBe('signedIn')
    expect(loadSession).toHaveBeenCalledTimes(1)
    await expect(signIn).resolves.toMatchObject({ ok: false })
    act(() => root.unmount())
  })
})

describe('useAuth', () => {
  it('re-renders when the view changes, not on every transition', async () => {
    const renewed = { ...session, expiresAt: '2099-01-02T00:00:00.000Z' }
    let finishRefresh = (_: Session) => {}
    const machine = authMachine.provide({
      actors: { refresh: fromPromise(() => new Promise<Session | null>((resolve) => (finishRefresh = resolve))) },
    })
    let actor: ReturnType<typeof useAuthActor> | undefined
    const renders = vi.fn()
    function Probe() {
      actor = useAuthActor()
      renders(useAuth().expiresAt)
      return null
    }
    const { unmount } = mount(
      <AuthProvider machine={machine} session={session}>
        <Probe />
      </AuthProvider>,
    )
    renders.mockClear()
    await act(async () => actor!.send({ type: 'auth.refresh' }))
    expect(actor!.getSnapshot().value).toBe('refreshing')
    expect(renders).not.toHaveBeenCalled()
    await act(async () => finishRefresh(renewed))
    expect(renders).toHaveBeenLastCalledWith(renewed.expiresAt)
    unmount()
  })
})

describe('AuthProvider given an actor made outside React', () => {
  it('starts it, shares it with the tree, and leaves it running when the tree goes', async () => {
    const actor = createActor(authMachine, { input: { session } })
    function Probe() {
      const roles = useAuthSelector(({ context }) => context.user?.roles.length)
      return (
        <p>
          {useAuthActor() === actor ? 'shared' : 'another'} {roles}
        </p>
      )
    }
    const { container, unmount } = mount(
      <AuthProvider actor={actor}>
        <Probe />
      </AuthProvider>,
    )
    expect(container.textContent).toBe('shared 0')
    expect(actor.getSnapshot().status).toBe('active')
    unmount()
    expect(actor.getSnapshot().status).toBe('active')
    actor.stop()
  })
})

describe('AuthProvider inspect', () => {
  it('hands the observer to the actor it makes, from its start', () => {
    const seen: InspectionEvent['type'][] = []
    const { unmount } = mount(
      <AuthProvider session={null} inspect={(event) => seen.push(event.type)}>
        <p />
      </AuthProvider>,
    )
    expect(seen).toContain('@xstate.actor')
    expect(seen).toContain('@xstate.snapshot')
    unmount()
  })
})
