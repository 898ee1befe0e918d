'use client'
import { SignedOut, UserBadge } from 'gatehouse/ui'
import Link from 'next/link'
import { useRouter } from 'next/navigation'

export function SiteHeader() {
  const router = useRouter()
  const leave = () => {
    router.replace('/sign-in')
    router.refresh()
  }
  return (
    <header className="site-header">
      <nav aria-label="Main">
        <Link href="/">Home</Link>
        <Link href="/dashboard">Dashboard</Link>
        <Link href="/admin">Admin</Link>
      </nav>
      <UserBadge
        messages={{ signedInAs: (user) => <span data-testid="signed-in-as">Signed in as {user.name ?? user.email}</span> }}
        onSignedOut={leave}
      />
      <SignedOut>
        <Link className="gatehouse-link" href="/sign-in">
          Sign in
        </Link>
      </SignedOut>
    </header>
  )
}
