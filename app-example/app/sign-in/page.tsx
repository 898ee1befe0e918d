import { authErrorFromSearchParams } from 'gatehouse/next'
import { safeRedirectPath } from 'gatehouse/server'
import Link from 'next/link'
import { afterSignInPath, backend, redirectIfSignedIn } from '../../auth'
import { type PageSearchParams, readSearchParams } from '../readSearchParams'
import { SignInPanel } from './SignInPanel'

/** Signing in, with the ways on to signing up and to a forgotten password when the backend has them. */
export default async function SignInPage({ searchParams }: { searchParams: PageSearchParams }) {
  const query = await searchParams
  const next = safeRedirectPath(readSearchParams(query).next, afterSignInPath)
  await redirectIfSignedIn(next)
  // Someone who came from a protected page and signs up instead still ends up there.
  const signUpHref = next === afterSignInPath ? '/sign-up' : `/sign-up?next=${encodeURIComponent(next)}`
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <SignInPanel next={next} error={authErrorFromSearchParams(query)} identifier={backend.identifier ?? 'email'} />
      <p className="page-links">
        {backend.requestPasswordReset ? (
          <Link className="gatehouse-link" href="/forgot-password">
            Forgot your password?
          </Link>
        ) : null}
        {backend.signUp ? (
          <Link className="gatehouse-link" href={signUpHref}>
            Create an account
          </Link>
        ) : null}
      </p>
    </section>
  )
}
