'use client'
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react'
import { authMachine, type AuthActorRef } from '../core/authMachine'
import { transportActors } from '../core/transportActors'
import type { RefreshTiming } from '../core/refreshTiming'
import type { Session } from '../core/types'
import { useAuthMachine } from './useAuthMachine'

const AuthActorContext = createContext<{ actorRef: AuthActorRef; basePath: string } | null>(null)

export interface AuthProviderProps {
  /**
   * The session the server rendered with (`getSession()` in the root layout), so the first paint
   * is already signed in or out. Leave it out to ask the session route after mounting.
   */
  session?: Session | null
  /** Where the proxy routes are mounted. Default `/api/auth`. */
  basePath?: string
  /** Refresh margin and retry backoff; see `RefreshTiming`. Read once, when the provider mounts. */
  timing?: Partial<RefreshTiming>
  /** Replaces the machine, e.g. one with mocked actors in tests. */
  machine?: typeof authMachine
  children: ReactNode
}

/**
 * Runs one auth machine for the tree below it.
 *
 * @example
 * // app/layout.tsx (a Server Component)
 * const session = await getSession()
 * return <AuthProvider session={session}>{children}</AuthProvider>
 */
export function AuthProvider({ session, basePath = '/api/auth', timing, machine, children }: AuthProviderProps) {
  const [logic] = useState(() => machine ?? authMachine.provide({ actors: transportActors({ basePath }) }))
  const actorRef = useAuthMachine(logic, { session, timing })
  const value = useMemo(() => ({ actorRef, basePath }), [actorRef, basePath])
  return <AuthActorContext.Provider value={value}>{children}</AuthActorContext.Provider>
}

function useAuthContext() {
  const value = useContext(AuthActorContext)
  if (!value) throw new Error('gatehouse: useAuth(), useAuthActor() and the gatehouse components must be used inside <AuthProvider>.')
  return value
}

/** The running auth machine, for sending events or inspecting it directly. */
export function useAuthActor(): AuthActorRef {
  return useAuthContext().actorRef
}

/** Where the proxy routes are mounted, for forms that must also work before the script runs. */
export function useAuthBasePath(): string {
  return useAuthContext().basePath
}
