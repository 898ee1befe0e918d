import { useEffect, useState } from 'react'
import { createActor, type ActorRefFrom } from 'xstate'
import type { authMachine } from '../core/authMachine'
import type { AuthMachineInput } from '../core/authMachineTypes'

/**
 * Runs `machine` while the component is mounted. An actor cannot start again once stopped, so a
 * remount (StrictMode's second effect, a hidden `<Activity>` shown again) runs a new one, which
 * starts from the session the stopped one knew.
 */
export function useAuthMachine(machine: typeof authMachine, input: AuthMachineInput): ActorRefFrom<typeof authMachine> {
  const [actor, setActor] = useState(() => createActor(machine, { input }))
  useEffect(() => {
    const stopped = actor.getSnapshot()
    if (stopped.status === 'stopped') {
      const { user, expiresAt, refreshable } = stopped.context
      const session = stopped.matches('hydrating') ? input.session : user && { user, expiresAt: expiresAt!, ...(!refreshable && { refreshable }) }
      setActor(createActor(machine, { input: { ...input, session } }))
      return undefined
    }
    actor.start()
    return () => {
      actor.stop()
    }
  }, [actor])
  return actor
}
