// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useActorRef, useSelector } from '@xstate/react'
import { fromPromise } from 'xstate'
import { accountFlowMachine, type AccountFlowActorRef } from '../account/accountFlowMachine'
import { selectAccountFlow, type AccountFlowView } from '../account/selectAccountFlow'
import { authMachine } from '../core/authMachine'
import type { Session } from '../contract/types'
import { AuthProvider, useAuthActor } from './AuthProvider'
import { useAuth, type UseAuthResult } from './useAuth'

const session: Session = { user: { id: '1', name: 'Demo User', roles: [] }, expiresAt: '2099-01-01T00:00:00.000Z' }
const credentials = { email: 'demo@example.com', password: 'demo-password' }
// Tells React that updates are wrapped in act(), so it flushes them there.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** What the probe rendered last. */
const latest: { auth?: UseAuthResult; flows?: AccountFlowActorRef; flowView?: AccountFlowView } = {}
function Probe() {
  latest.auth = useAuth()
  return null
}

/** gatehouse/account's flows beside the provider, as its documentation shows: the sign-up route signs in. */
const flowsMachine = accountFlowMachine.provide({
  actors: {
    signUp: fromPromise(async () => session) as never,
    verifyEmail: fromPromise(async () => ({ user: null, outcome: 'email_verified' })) as never,
  },
})
function FlowsProbe() {
  const flows = useActorRef(flowsMachine, { input: { auth: useAuthActor() } })
  latest.flows = flows
  latest.flowView = useSelector(flows, selectAccountFlow)
  return null
}

/** Renders `useAuth` under a provider whose sign-in asks for a second factor, and hands back its latest result. */
function mountWithSecondFactor() {
  const secondFactor = vi.fn(async () => session)
  const machine = authMachine.provide({
    actors: {
      signIn: fromPromise(() => Promise.reject({ status: 401, error: { code: 'second_factor_required', message: 'Enter the code.' } })),
      secondFactor: fromPromise(secondFactor) as never,
    },
  })
  const root = createRoot(document.createElement('div'))
  act(() =>
    root.render(
      <AuthProvider machine={machine} session={null}>
        <Probe />
        <FlowsProbe />
      </AuthProvider>,
    ),
  )
  return { auth: () => latest.auth!, secondFactor, unmount: () => act(() => root.unmount()) }
}

describe('useAuth account flows', () => {
  const cleanups: Array<() => void> = []
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup()
  })

  it('is signed in when an account flow beside it signs the person in, and the flow shows what it did otherwise', async () => {
    const { auth, unmount } = mountWithSecondFactor()
    cleanups.push(unmount)
    expect(Object.keys(auth())).not.toContain('outcome')
    act(() => latest.flows!.send({ type: 'account.verifyEmail', token: 'mailed' }))
    expect(latest.flowView?.pending).toBe(true)
    await act(async () => {
      await vi.waitFor(() => expect(latest.flowView?.outcome).toBe('email_verified'))
    })
    expect(auth().status).toBe('signedOut')
    act(() => latest.flows!.send({ type: 'account.signUp', details: { email: 'new@example.com', password: 'long-password' } }))
    await act(async () => {
      await vi.waitFor(() => expect(latest.flowView?.pending).toBe(false))
    })
    expect([auth().status, auth().user, latest.flowView?.outcome]).toEqual(['signedIn', session.user, null])
  })

  it('says when a sign-in waits for its second factor, cancels it, and finishes it', async () => {
    const { auth, secondFactor, unmount } = mountWithSecondFactor()
    cleanups.push(unmount)
    await act(async () => {
      await auth().signIn(credentials)
    })
    expect([auth().status, auth().secondFactorRequired, auth().error?.code]).toEqual(['signedOut', true, 'second_factor_required'])
    act(() => auth().cancelSecondFactor())
    expect([auth().secondFactorRequired, auth().error]).toEqual([false, null])

    await act(async () => {
      await auth().signIn(credentials)
      await expect(auth().submitSecondFactor({ code: '123456' })).resolves.toEqual({ ok: true })
    })
    expect(secondFactor).toHaveBeenCalledWith(expect.objectContaining({ input: { code: '123456' } }))
    expect([auth().status, auth().secondFactorRequired, auth().user]).toEqual(['signedIn', false, session.user])
  })
})
