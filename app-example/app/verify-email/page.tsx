import { authErrorFromSearchParams } from 'gatehouse/next'
import { ResendVerificationForm, VerifyEmail } from 'gatehouse/ui'
import { notFound } from 'next/navigation'
import { afterSignInPath, backend } from '../../auth'
import { OutboxHint } from '../OutboxHint'
import { type PageSearchParams, readSearchParams } from '../readSearchParams'

/**
 * Where the link in the confirmation mail leads (`?token=`): confirms the address, which signs the
 * person in with the demo backend. Open to signed-in visitors too, unlike the other account pages.
 */
export default async function VerifyEmailPage({ searchParams }: { searchParams: PageSearchParams }) {
  if (!backend.verifyEmail) notFound()
  const query = await searchParams
  const { token, outcome } = readSearchParams(query)
  const error = authErrorFromSearchParams(query)
  const identifier = backend.identifier ?? 'email'
  return (
    <section className="narrow">
      <h1>Confirm your email</h1>
      {token ? (
        <VerifyEmail
          token={token}
          identifier={identifier}
          redirectTo={afterSignInPath}
          signInHref="/sign-in"
          error={error}
          outcome={outcome}
        />
      ) : (
        // Reached without the mail's link (or it lost its token on the way): offer a new one.
        <ResendVerificationForm identifier={identifier} error={error} outcome={outcome} />
      )}
      <OutboxHint />
    </section>
  )
}
