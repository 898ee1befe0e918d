'use client'
import { useMemo } from 'react'
import { selectAuth, type AuthView } from '../core/selectAuth'
import type { AuthError, Credentials } from '../core/types'
import { waitForSnapshot } from '../core/waitForSnapshot'
import { useActorSelector } from './useActorSelector'
import { useAuthActor } from './AuthProvider'

export type SignInResult = { ok: true } | { ok: false; error: AuthError }

export interface UseAuthResult extends AuthView {
  /** Resolves once the backend has answered. */
  signIn(credentials: Credentials): Promise<SignInResult>
  /** Resolves once the cookies are cleared. */
  signOut(): Promise<void>
  refresh(): void
}

const sameView = (a: AuthView, b: AuthView) => (Object.keys(a) as (keyof AuthView)[]).every((key) => a[key] === b[key])

/**
 * Who is signed in, and the actions to change it. Re-renders only when the view changes.
 *
 * @example
 * const { status, user, signOut } = useAuth()
 * if (status === 'signedIn') return <button onClick={signOut}>Sign out {user?.name}</button>
 */
export function useAuth(): UseAuthResult {
  const actorRef = useAuthActor()
  const view = useActorSelector(actorRef, selectAuth, sameView)
  const actions = useMemo(
    () => ({
      async signIn(credentials: Credentials): Promise<SignInResult> {
        actorRef.send({ type: 'auth.login', credentials })
        const snapshot = await waitForSnapshot(actorRef, (current) => !current.matches('authenticating'))
        const { user, error } = snapshot.context
        return user ? { ok: true } : { ok: false, error: error ?? { code: 'not_signed_in', message: 'Sign-in did not complete.' } }
      },
      async signOut() {
        actorRef.send({ type: 'auth.logout' })
        await waitForSnapshot(actorRef, (current) => !current.matches('loggingOut'))
      },
      refresh: () => actorRef.send({ type: 'auth.refresh' }),
    }),
    [actorRef],
  )
  return { ...view, ...actions }
}
