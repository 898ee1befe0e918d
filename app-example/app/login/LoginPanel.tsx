'use client'
import { LoginForm } from 'gatehouse/ui'
import { useRouter } from 'next/navigation'

export function LoginPanel({ next, errorCode, identifier }: { next: string; errorCode: string | null; identifier: 'email' | 'username' }) {
  const router = useRouter()
  const enter = () => {
    // Pages prefetched while signed out are cached as redirects to this page: drop them.
    router.refresh()
    router.replace(next)
  }
  return <LoginForm redirectTo={next} errorCode={errorCode} onSuccess={enter} identifier={identifier} />
}
