'use client'
import { SignInForm } from 'gatehouse/ui'
import { useRouter } from 'next/navigation'

export function SignInPanel({ next, errorCode, identifier }: { next: string; errorCode: string | null; identifier: 'email' | 'username' }) {
  const router = useRouter()
  const enter = () => {
    // Pages prefetched while signed out are cached as redirects to this page: drop them.
    router.refresh()
    router.replace(next)
  }
  return <SignInForm redirectTo={next} errorCode={errorCode} onSuccess={enter} identifier={identifier} />
}
