import { authErrorFromSearchParams } from 'gatehouse/next'
import { ResetPasswordForm } from 'gatehouse/ui'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { afterSignInPath, backend, redirectIfSignedIn } from '../../auth'
import { type PageSearchParams, readSearchParams } from '../readSearchParams'

/** Where the link in the password reset mail leads (`?token=`): choosing a new password. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: PageSearchParams }) {
  if (!backend.resetPassword) notFound()
  const query = await searchParams
  const { next, token, outcome } = readSearchParams(query)
  await redirectIfSignedIn(next)
  return (
    <section className="narrow">
      <h1>Choose a new password</h1>
      {token ? (
        <ResetPasswordForm
          token={token}
          redirectTo={afterSignInPath}
          signInHref="/sign-in"
          forgotPasswordHref="/forgot-password"
          error={authErrorFromSearchParams(query)}
          outcome={outcome}
        />
      ) : (
        <p>
          This page opens from the link in the password reset mail.{' '}
          <Link className="gatehouse-link" href="/forgot-password">
            Ask for a link
          </Link>
        </p>
      )}
    </section>
  )
}
