'use client'
import { useActorRef } from '@xstate/react'
import { createContext, useContext, useState, type ReactNode } from 'react'
import type { ActorRefFrom } from 'xstate'
import { authMachine } from '../core/authMachine'
import { createTransport } from '../core/createTransport'
import { transportActors } from '../core/transportActors'
import type { Session } from '../core/types'

export type AuthActorRef = ActorRefFrom<typeof authMachine>

const AuthActorContext = createContext<AuthActorRef | null>(null)

export interface AuthProviderProps {
  /**
   * The session the server rendered with (`getSession()` in the root layout), so the first paint
   * is already signed in or out. Leave it out to ask the session route after mounting.
   */
  session?: Session | null
  /** Where the proxy routes are mounted. Default `/api/auth`. */
  basePath?: string
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
export function AuthProvider({ session, basePath, machine, children }: AuthProviderProps) {
  const [logic] = useState(() => machine ?? authMachine.provide({ actors: transportActors(createTransport({ basePath })) }))
  const actorRef = useActorRef(logic, { input: { session } })
  return <AuthActorContext.Provider value={actorRef}>{children}</AuthActorContext.Provider>
}

/** The running auth machine, for sending events or inspecting it directly. */
export function useAuthActor(): AuthActorRef {
  const actorRef = useContext(AuthActorContext)
  if (!actorRef) throw new Error('gatehouse: useAuth() and useAuthActor() must be used inside <AuthProvider>.')
  return actorRef
}
