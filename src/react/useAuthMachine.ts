import { useEffect, useState } from 'react'
import type { AuthActorRef, AuthMachineInput, AuthSnapshot } from '../core/authMachine'

/**
 * The session a stopped actor knew for sure; `undefined` (ask the session route) when it stopped
 * mid-request, since a sign-in, refresh or sign-out may still have changed the cookies.
 */
const settledSession = (snapshot: AuthSnapshot): AuthMachineInput['session'] => {
  const { user, expiresAt, idleEndsAt, refreshable } = snapshot.context
  if (snapshot.hasTag('busy')) return undefined
  return user && expiresAt ? { user, expiresAt, idleEndsAt: idleEndsAt ?? undefined, ...(!refreshable && { refreshable }) } : null
}

/**
 * The actor a provider runs. `given`, made outside React, is started if it is not running and
 * left to its owner to stop. Otherwise `create` makes one that runs while the component is
 * mounted; an actor cannot start again once stopped, so a remount (StrictMode's second effect, a
 * hidden `<Activity>` shown again) runs a new one, which starts from what the stopped one knew.
 */
export function useAuthMachine(given: AuthActorRef | undefined, create: (input?: AuthMachineInput) => AuthActorRef): AuthActorRef {
  const [actor, setActor] = useState(() => given ?? create())
  const owned = actor !== given
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per actor; `owned` and `create` belong to the actor it made
  useEffect(() => {
    const snapshot = actor.getSnapshot()
    if (owned && snapshot.status === 'stopped') {
      setActor(create({ session: settledSession(snapshot) }))
      return undefined
    }
    actor.start()
    return owned ? () => actor.stop() : undefined
  }, [actor])
  return actor
}
