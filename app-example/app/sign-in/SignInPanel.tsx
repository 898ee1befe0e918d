'use client'
import type { AuthError } from 'gatehouse'
import { SecondFactorForm, SignInForm } from 'gatehouse/ui'
import { useRouter } from 'next/navigation'

/** The sign-in form, with its second step for the TOTP account, entering `next` through the app's router once signed in. */
export function SignInPanel({ next, error, identifier }: { next: string; error: AuthError | null; identifier: 'email' | 'username' }) {
  const router = useRouter()
  const enter = () => {
    // Pages prefetched while signed out are cached as redirects to this page: drop them.
    router.refresh()
    router.replace(next)
  }
  return (
    <SignInForm
      redirectTo={next}
      error={error}
      onSuccess={enter}
      identifier={identifier}
      secondFactor={(back) => (
        <SecondFactorForm redirectTo={next} onSuccess={enter} error={error?.code === 'invalid_code' ? error : null} onBack={back} />
      )}
    />
  )
}
