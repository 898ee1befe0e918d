'use client'
import { useAuth } from 'gatehouse/react'
import Link from 'next/link'
import { useRouter } from 'next/navigation'

export function SiteHeader() {
  const { status, user, pending, signOut } = useAuth()
  const router = useRouter()
  const signOutAndLeave = async () => {
    await signOut()
    router.replace('/login')
    router.refresh()
  }
  return (
    <header className="site-header">
      <nav aria-label="Main">
        <Link href="/">Home</Link>
        <Link href="/dashboard">Dashboard</Link>
        <Link href="/admin">Admin</Link>
      </nav>
      {status === 'signedIn' && user ? (
        <div className="site-header-user">
          <span data-testid="signed-in-as">Signed in as {user.name ?? user.email}</span>
          <button type="button" onClick={signOutAndLeave} disabled={pending}>
            Sign out
          </button>
        </div>
      ) : status === 'signedOut' ? (
        <Link href="/login">Sign in</Link>
      ) : null}
    </header>
  )
}
