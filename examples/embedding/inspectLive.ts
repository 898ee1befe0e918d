// Watch the machine live in the Stately Inspector (npm i -D @statelyai/inspect): states, events, actors.
import { createBrowserInspector } from '@statelyai/inspect'
import { useEffect } from 'react'
import { createActor } from 'xstate'
import { authMachine } from 'gatehouse'
import { useAuthActor } from 'gatehouse/react'

const inspector = createBrowserInspector()

// Without React: hand the inspector to the actor when creating it, to see everything from its start.
export const auth = createActor(authMachine, { input: { session: null }, inspect: inspector.inspect }).start()

// With React: AuthProvider creates the actor; render <AuthInspector /> inside it to attach the inspector.
export function AuthInspector() {
  const actorRef = useAuthActor()
  useEffect(() => {
    const subscription = actorRef.system.inspect(inspector.inspect)
    return () => subscription.unsubscribe()
  }, [actorRef])
  return null
}
