import { authErrorFromSearchParams } from 'gatehouse/next'
import { ForgotPasswordForm } from 'gatehouse/ui'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { backend, redirectIfSignedIn } from '../../auth'
import { OutboxHint } from '../OutboxHint'
import { type PageSearchParams, readSearchParams } from '../readSearchParams'

/** Asking for a link to choose a new password; it says the same whether or not the account exists. */
export default async function ForgotPasswordPage({ searchParams }: { searchParams: PageSearchParams }) {
  if (!backend.requestPasswordReset) notFound()
  const query = await searchParams
  const { next, outcome } = readSearchParams(query)
  await redirectIfSignedIn(next)
  return (
    <section className="narrow">
      <h1>Forgot your password?</h1>
      <ForgotPasswordForm identifier={backend.identifier ?? 'email'} error={authErrorFromSearchParams(query)} outcome={outcome} />
      <OutboxHint />
      <p className="page-links">
        <Link className="gatehouse-link" href="/sign-in">
          Back to sign in
        </Link>
      </p>
    </section>
  )
}
