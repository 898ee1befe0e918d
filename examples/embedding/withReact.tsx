'use client'
// AuthProvider runs one machine for the tree below it; useAuth reads the view, useAuthSelector anything else.
import { AuthProvider, useAuth, useAuthSelector } from 'gatehouse/react'
import type { Session } from 'gatehouse'

export function App({ session }: { session: Session | null }) {
  return (
    <AuthProvider session={session}>
      <Account />
    </AuthProvider>
  )
}

function Account() {
  const { status, user, pending, error, signIn, signOut } = useAuth()
  // Re-renders only when this changes, not on every transition.
  const isAdmin = useAuthSelector(({ context }) => context.user?.roles.includes('admin') ?? false)
  if (status === 'loading') return null
  if (status === 'signedIn')
    return (
      <button type="button" disabled={pending} onClick={signOut}>
        Sign out {user?.name}
        {isAdmin && ' (admin)'}
      </button>
    )
  return (
    <>
      <button type="button" disabled={pending} onClick={() => signIn({ email: 'demo@example.com', password: 'demo-password' })}>
        Sign in
      </button>
      {error && <p role="alert">{error.message}</p>}
    </>
  )
}
