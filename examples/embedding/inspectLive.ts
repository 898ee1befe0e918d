// Watch the machine live in the Stately Inspector (npm i -D @statelyai/inspect): states, events, actors.
import { createBrowserInspector } from '@statelyai/inspect'
import { useEffect } from 'react'
import { createActor } from 'xstate'
import { authMachine } from 'gatehouse'
import { useAuthActor } from 'gatehouse/react'

const inspector = createBrowserInspector()

// Hand the inspector over when the actor is made, to see everything from its start. AuthProvider
// takes the same option for the actor it makes: <AuthProvider inspect={inspector.inspect}>.
export const auth = createActor(authMachine, { input: { session: null }, inspect: inspector.inspect }).start()

// Or attach it later to the actor a provider already runs: render <AuthInspector /> inside it.
export function AuthInspector() {
  const actorRef = useAuthActor()
  useEffect(() => {
    const subscription = actorRef.system.inspect(inspector.inspect)
    return () => subscription.unsubscribe()
  }, [actorRef])
  return null
}
