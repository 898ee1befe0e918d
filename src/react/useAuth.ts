'use client'
import { shallowEqual } from '@xstate/react'
import { useMemo } from 'react'
import type { Credentials, SecondFactorCode } from '../contract/types'
import { refresh } from '../core/refresh'
import { selectAuth, type AuthView } from '../core/selectAuth'
import { signIn, type SignInResult } from '../core/signIn'
import { signOut } from '../core/signOut'
import { submitSecondFactor } from '../core/submitSecondFactor'
import { useAuthActor } from './AuthProvider'
import { useAuthSelector } from './useAuthSelector'

/** What `useAuth` returns: the view of the session, and the actions that change it. */
export interface UseAuthResult extends AuthView {
  /** Resolves once the backend has answered; see `signIn` in `gatehouse`. */
  signIn(credentials: Credentials): Promise<SignInResult>
  /** Resolves once the cookies are cleared. */
  signOut(): Promise<void>
  /** Resolves once the refresh has settled: `true` when signed in with a newer session; see `refresh` in `gatehouse`. */
  refresh(): Promise<boolean>
  /** Finishes a sign-in that asked for a second factor (`secondFactorRequired`); see `submitSecondFactor` in `gatehouse`. */
  submitSecondFactor(code: SecondFactorCode): Promise<SignInResult>
  /** Gives up a sign-in that waits for its second factor: signed out, with no error. */
  cancelSecondFactor(): void
}

/**
 * Who is signed in, and the actions to change it. Re-renders only when the view changes. The
 * other account flows are gatehouse/account's `accountFlowMachine`, run beside this one.
 *
 * @example
 * const { status, user, signOut } = useAuth()
 * if (status === 'signedIn') return <button onClick={signOut}>Sign out {user?.name}</button>
 */
export function useAuth(): UseAuthResult {
  const actorRef = useAuthActor()
  const view = useAuthSelector(selectAuth, shallowEqual)
  // Arguments of their own only: an `onClick={signOut}` must not hand the click event on.
  const actions = useMemo(
    () => ({
      signIn: (credentials: Credentials) => signIn(actorRef, credentials),
      signOut: () => signOut(actorRef),
      refresh: () => refresh(actorRef),
      submitSecondFactor: (code: SecondFactorCode) => submitSecondFactor(actorRef, code),
      cancelSecondFactor: () => actorRef.send({ type: 'auth.cancelSecondFactor' }),
    }),
    [actorRef],
  )
  return { ...view, ...actions }
}
