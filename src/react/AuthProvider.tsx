'use client'
import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { createActor, type ActorOptions } from 'xstate'
import { DEFAULT_BASE_PATH } from '../contract/authRoutes'
import type { Session } from '../contract/types'
import { authMachine, type AuthActorRef } from '../core/authMachine'
import type { RefreshTiming } from '../core/refreshTiming'
import { transportActors } from '../core/transportActors'
import { useAuthMachine } from './useAuthMachine'

const AuthActorContext = createContext<{ actorRef: AuthActorRef; basePath: string } | null>(null)

/** What `AuthProvider` takes: the server's session and the machine's settings, or an actor made elsewhere. */
export interface AuthProviderProps {
  /**
   * The session the server rendered with (`getSession()` in the root layout), so the first paint
   * is already signed in or out. Leave it out to ask the session route after mounting.
   */
  session?: Session | null
  /** Where the auth routes are mounted. Default `/api/auth`. */
  basePath?: string
  /** Refresh margin and retry backoff; see `RefreshTiming`. Read once, when the provider mounts. */
  timing?: Partial<RefreshTiming>
  /** Replaces the machine, e.g. one with mocked actors in tests. */
  machine?: typeof authMachine
  /** Watches the machine through XState's inspection API, e.g. `inspect={createBrowserInspector().inspect}`. Read once. */
  inspect?: ActorOptions<typeof authMachine>['inspect']
  /**
   * An actor made outside React, for code that is not React to share (as TanStack Query's
   * provider takes a client): the provider starts it if it is not running and never stops it.
   * `session`, `timing`, `machine` and `inspect` are then the actor's own business. Read once.
   */
  actor?: AuthActorRef
  /** The tree that reads the session, through `useAuth`, `useAuthSelector` and the `gatehouse/ui` components. */
  children: ReactNode
}

/**
 * Runs one auth machine for the tree below it, or shares one made outside React.
 *
 * @example
 * // app/layout.tsx (a Server Component)
 * const session = await getSession()
 * return <AuthProvider session={session}>{children}</AuthProvider>
 *
 * @example
 * // An actor that code without React awaits too: `await signIn(auth, credentials)`
 * const auth = createActor(authMachine, { input: {} })
 * return <AuthProvider actor={auth}>{children}</AuthProvider>
 */
export function AuthProvider({ session, basePath = DEFAULT_BASE_PATH, timing, machine, inspect, actor, children }: AuthProviderProps) {
  const actorRef = useAuthMachine(actor, (input) => {
    const logic = machine ?? authMachine.provide({ actors: transportActors({ basePath }) })
    return createActor(logic, { input: { session, timing, ...input }, inspect })
  })
  const value = useMemo(() => ({ actorRef, basePath }), [actorRef, basePath])
  return <AuthActorContext.Provider value={value}>{children}</AuthActorContext.Provider>
}

function useAuthContext() {
  const value = useContext(AuthActorContext)
  if (!value) throw new Error('gatehouse: render this inside <AuthProvider>.')
  return value
}

/**
 * The running auth machine, for sending events or inspecting it directly.
 *
 * @example
 * const actorRef = useAuthActor()
 * const authFetch = useMemo(() => createAuthFetch(actorRef), [actorRef])
 */
export function useAuthActor(): AuthActorRef {
  return useAuthContext().actorRef
}

/**
 * Where the auth routes are mounted, for forms that must also work before the script runs.
 *
 * @example
 * const basePath = useAuthBasePath() // '/api/auth' unless the provider was given another
 */
export function useAuthBasePath(): string {
  return useAuthContext().basePath
}
