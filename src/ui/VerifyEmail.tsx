'use client'
import { useEffect, type ComponentProps } from 'react'
import { accountFlowUrl } from '../contract/authRoutes'
import type { AuthError } from '../contract/types'
import { DEFAULT_SIGN_IN_PATH } from '../contract/signInUrl'
import { useAuthBasePath } from '../react/AuthProvider'
import { joinClassNames } from './joinClassNames'
import { OutcomePanel } from './OutcomePanel'
import { ResendVerificationForm, type ResendVerificationFormMessages } from './ResendVerificationForm'
import { tryAgainIn } from './tryAgainIn'
import { useAccountFlows } from './useAccountFlows'
import { useAuthForm } from './useAuthForm'

/**
 * Every text the email confirmation shows of its own (the resend form's are `resendMessages`).
 *
 * @example
 * const messages: Partial<VerifyEmailMessages> = { confirm: 'E-Mail bestätigen', verified: 'Ihre E-Mail ist bestätigt.' }
 */
export interface VerifyEmailMessages {
  /** The button of the form shown before the page's script runs. */
  confirm: string
  /** While the backend checks the link. */
  verifying: string
  /** Once the address is confirmed and nobody was signed in. */
  verified: string
  /** The link to the sign-in page beside `verified`. */
  signIn: string
  /** While a `rate_limited` answer is waited out, counted down each second. */
  tryAgainIn: (seconds: number) => string
}

/**
 * The email confirmation's own props, and any `<div>` attribute but its content.
 *
 * @example
 * const props: VerifyEmailProps = { token, redirectTo: '/welcome', signInHref: '/sign-in' }
 */
export interface VerifyEmailProps extends Omit<ComponentProps<'div'>, 'children'> {
  /** The token of the link the email carried (the page's `?token=`). */
  token: string
  /** What the account is known by, for the form that sends a new link. Default `'email'`. */
  identifier?: 'email' | 'username'
  /** Where to go when confirming signs the person in (a path on this site); also honoured without script. */
  redirectTo?: string
  /** Called once signed in instead of a full page load to `redirectTo`. */
  onSuccess?: () => void
  /** The sign-in page, linked once the address is confirmed. Default `/sign-in`. */
  signInHref?: string
  /**
   * The error the page was sent back with after a form sent without script: build it on the server
   * with `authErrorFromSearchParams(await searchParams)` from `gatehouse/next`.
   */
  error?: AuthError | null
  /** An outcome the page received in its URL (`?outcome=`): `email_verified`, or `verification_sent` after a new link was asked for. */
  outcome?: string | null
  /** Replaces any of its texts; the rest keep their defaults. */
  messages?: Partial<VerifyEmailMessages>
  /** Replaces any of the texts of the form that sends a new link. */
  resendMessages?: Partial<ResendVerificationFormMessages>
}

const DEFAULT_MESSAGES: VerifyEmailMessages = {
  confirm: 'Confirm my email',
  verifying: 'Confirming your email…',
  verified: 'Your email is confirmed.',
  signIn: 'Sign in',
  tryAgainIn,
}

/**
 * Confirms an email address with the token of the link the person followed: once, as soon as
 * the page's script runs (before that, a form with a "Confirm my email" button does it). Then it
 * signs the person in (and goes to `redirectTo`) or says the address is confirmed, as the backend
 * does; a link that no longer works says so and offers to send a new one.
 *
 * `className`, `ref` and other `<div>` attributes reach its element.
 *
 * @example
 * <VerifyEmail token={searchParams.token} signInHref="/sign-in" />
 */
export function VerifyEmail({
  token,
  identifier = 'email',
  redirectTo = '/',
  onSuccess,
  signInHref = DEFAULT_SIGN_IN_PATH,
  error,
  outcome,
  messages,
  resendMessages,
  className,
  ...divProps
}: VerifyEmailProps) {
  const text = { ...DEFAULT_MESSAGES, ...messages }
  const { verifyEmail } = useAccountFlows()
  const basePath = useAuthBasePath()
  const fromUrl = Boolean(error || outcome)
  const form = useAuthForm({
    error,
    outcome: outcome === 'email_verified' ? outcome : null,
    redirectTo,
    onSuccess,
  })
  const { run } = form
  // Once per page: a page that came back from the form has its answer already. `run` refuses a
  // second call while the first is in flight, which is what a second mount in Strict Mode makes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on mount only; a new `run` each render must not verify again.
  useEffect(() => {
    if (!fromUrl) void run(() => verifyEmail(token))
  }, [])

  const body = () => {
    if (form.outcome === 'email_verified')
      return (
        <OutcomePanel
          message={text.verified}
          link={
            <a className="gatehouse-link" href={signInHref}>
              {text.signIn}
            </a>
          }
        />
      )
    if (form.busy) return <p className="gatehouse-intro">{text.verifying}</p>
    const alert = (
      <div role="alert" className="gatehouse-form-error">
        {form.alert(text.tryAgainIn, [])}
      </div>
    )
    if (form.error?.code === 'invalid_token' || outcome === 'verification_sent')
      return (
        <>
          {alert}
          <ResendVerificationForm identifier={identifier} outcome={outcome} messages={resendMessages} />
        </>
      )
    return (
      <form
        className="gatehouse-form"
        method="post"
        action={accountFlowUrl(basePath, 'verifyEmail')}
        onSubmit={form.submit(() => verifyEmail(token))}
        aria-busy={form.busy}
      >
        {alert}
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="next" value={redirectTo} />
        <button type="submit" className="gatehouse-button gatehouse-button-primary" disabled={form.locked}>
          {text.confirm}
        </button>
      </form>
    )
  }

  return (
    <div {...divProps} className={joinClassNames('gatehouse-verify-email', className)} aria-live="polite">
      {body()}
    </div>
  )
}
