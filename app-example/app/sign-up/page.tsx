import { authErrorFromSearchParams } from 'gatehouse/next'
import { safeRedirectPath } from 'gatehouse/server'
import { SignUpForm } from 'gatehouse/ui'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { afterSignInPath, backend, redirectIfSignedIn } from '../../auth'
import { OutboxHint } from '../OutboxHint'
import { type PageSearchParams, readSearchParams } from '../readSearchParams'

/** Creating an account; with the demo backend, the address is confirmed by a mailed link before anyone is signed in. */
export default async function SignUpPage({ searchParams }: { searchParams: PageSearchParams }) {
  // A backend whose shape has no sign-up: no page that could only answer "not available".
  if (!backend.signUp) notFound()
  const query = await searchParams
  const params = readSearchParams(query)
  const next = safeRedirectPath(params.next, afterSignInPath)
  await redirectIfSignedIn(next)
  return (
    <section className="narrow">
      <h1>Sign up</h1>
      <SignUpForm
        identifier={backend.identifier ?? 'email'}
        redirectTo={next}
        error={authErrorFromSearchParams(query)}
        outcome={params.outcome}
      />
      <OutboxHint />
      <p className="page-links">
        <span>
          Already have an account?{' '}
          <Link className="gatehouse-link" href="/sign-in">
            Sign in
          </Link>
        </span>
      </p>
    </section>
  )
}
