import { useEffect, useState } from 'react'
import { createActor, type SnapshotFrom } from 'xstate'
import type { authMachine, AuthActorRef } from '../core/authMachine'
import type { AuthMachineInput } from '../core/authMachineTypes'

/**
 * The session a stopped actor knew for sure; `undefined` (ask the session route) when it stopped
 * mid-request, since a sign-in, refresh or sign-out may still have changed the cookies.
 */
const settledSession = ({ context: { user, expiresAt, refreshable }, value }: SnapshotFrom<typeof authMachine>): AuthMachineInput['session'] =>
  value === 'authenticated' || value === 'degraded' ? { user: user!, expiresAt: expiresAt!, ...(!refreshable && { refreshable }) } : value === 'anonymous' ? null : undefined

/**
 * Runs `machine` while the component is mounted. An actor cannot start again once stopped, so a
 * remount (StrictMode's second effect, a hidden `<Activity>` shown again) runs a new one, which
 * starts from what the stopped one knew.
 */
export function useAuthMachine(machine: typeof authMachine, input: AuthMachineInput): AuthActorRef {
  const [actor, setActor] = useState(() => createActor(machine, { input }))
  useEffect(() => {
    const snapshot = actor.getSnapshot()
    if (snapshot.status === 'stopped') {
      setActor(createActor(machine, { input: { ...input, session: settledSession(snapshot) } }))
      return undefined
    }
    actor.start()
    return () => {
      actor.stop()
    }
  }, [actor])
  return actor
}
