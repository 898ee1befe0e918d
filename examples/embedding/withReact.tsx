'use client'
// AuthProvider runs one machine for the tree below it; useAuth reads it, useAuthActor reaches the actor itself.
import { useEffect } from 'react'
import { AuthProvider, useAuth, useAuthActor } from 'gatehouse/react'
import type { Session } from 'gatehouse'

export function App({ session }: { session: Session | null }) {
  return (
    <AuthProvider session={session}>
      <Account />
      <StateLogger />
    </AuthProvider>
  )
}

function Account() {
  const { status, user, pending, signIn, signOut } = useAuth()
  if (status === 'loading') return null
  if (status === 'signedIn') return <button disabled={pending} onClick={signOut}>Sign out {user?.name}</button>
  return <button disabled={pending} onClick={() => signIn({ email: 'demo@example.com', password: 'demo-password' })}>Sign in</button>
}

/** The raw actor, for what the view does not show: here, every state it passes through. */
function StateLogger() {
  const actorRef = useAuthActor()
  useEffect(() => {
    const subscription = actorRef.subscribe((snapshot) => console.debug('auth state', snapshot.value))
    return () => subscription.unsubscribe()
  }, [actorRef])
  return null
}
