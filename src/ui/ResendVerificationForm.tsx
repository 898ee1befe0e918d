'use client'
import type { ComponentProps } from 'react'
import { accountFlowUrl } from '../contract/authRoutes'
import type { AuthError } from '../contract/types'
import { useAuthBasePath } from '../react/AuthProvider'
import { composeEventHandlers } from './composeEventHandlers'
import { IdentifierField } from './IdentifierField'
import { joinClassNames } from './joinClassNames'
import { OutcomePanel } from './OutcomePanel'
import { readIdentifier } from './readIdentifier'
import { tryAgainIn } from './tryAgainIn'
import { useAccountFlows } from './useAccountFlows'
import { useAuthForm } from './useAuthForm'

/**
 * Every text the form that sends a new confirmation link shows of its own.
 *
 * @example
 * const messages: Partial<ResendVerificationFormMessages> = { send: 'Neuen Link senden' }
 */
export interface ResendVerificationFormMessages {
  /** What the form does, above the field. */
  intro: string
  /** The identifier field's label when `identifier="email"`. */
  email: string
  /** The identifier field's label when `identifier="username"`. */
  username: string
  /** The button. */
  send: string
  /** The button while the backend is asked. */
  sending: string
  /** Instead of the form once a new link is on its way. */
  verificationSent: string
  /** While a `rate_limited` answer is waited out, counted down each second. */
  tryAgainIn: (seconds: number) => string
}

/**
 * The resend form's own props, and any `<form>` attribute but `action`, `method` and its content.
 *
 * @example
 * const props: ResendVerificationFormProps = { identifier: 'username', className: 'narrow' }
 */
export interface ResendVerificationFormProps extends Omit<ComponentProps<'form'>, 'action' | 'method' | 'children'> {
  /** What the account is known by, as the backend expects it. Default `'email'`. */
  identifier?: 'email' | 'username'
  /**
   * The error the page was sent back with after a form sent without script: build it on the server
   * with `authErrorFromSearchParams(await searchParams)` from `gatehouse/next`.
   */
  error?: AuthError | null
  /** An outcome the page received in its URL (`?outcome=`): `verification_sent` shows the panel that says a new link is on its way. */
  outcome?: string | null
  /** Replaces any of the form's texts; the rest keep their defaults. */
  messages?: Partial<ResendVerificationFormMessages>
}

const DEFAULT_MESSAGES: ResendVerificationFormMessages = {
  intro: 'Enter the address you signed up with, and we will send you a new link to confirm it.',
  email: 'Email',
  username: 'Username',
  send: 'Send a new link',
  sending: 'Sending…',
  verificationSent: 'We have sent you a new link. Check your email.',
  tryAgainIn,
}

/**
 * Asks for a new link to confirm an email address, for when the first one expired or never came.
 * A plain form posting to the resend-verification route underneath. `VerifyEmail` shows it after
 * a link that no longer works.
 *
 * `className`, `ref` and other `<form>` attributes reach the form element. An `onSubmit` runs
 * before the request; calling `event.preventDefault()` in it cancels it.
 *
 * @example
 * <ResendVerificationForm />
 * <ResendVerificationForm identifier="username" messages={{ send: 'Email me a new link' }} />
 */
export function ResendVerificationForm({
  identifier = 'email',
  error,
  outcome,
  messages,
  className,
  onSubmit,
  ref,
  ...formProps
}: ResendVerificationFormProps) {
  const text = { ...DEFAULT_MESSAGES, ...messages }
  const { resendVerification } = useAccountFlows()
  const basePath = useAuthBasePath()
  const form = useAuthForm({ error, outcome: outcome === 'verification_sent' ? outcome : null })

  if (form.outcome === 'verification_sent') return <OutcomePanel message={text.verificationSent} />

  return (
    <form
      {...formProps}
      ref={ref}
      className={joinClassNames('gatehouse-form gatehouse-resend-verification-form', className)}
      method="post"
      action={accountFlowUrl(basePath, 'resendVerification')}
      onSubmit={composeEventHandlers(
        onSubmit,
        form.submit((data) => resendVerification(readIdentifier(data, identifier))),
      )}
      noValidate
      aria-busy={form.busy}
    >
      <div role="alert" className="gatehouse-form-error">
        {form.alert(text.tryAgainIn, [identifier])}
      </div>
      <p className="gatehouse-intro">{text.intro}</p>
      <IdentifierField
        identifier={identifier}
        label={text[identifier]}
        autoComplete={identifier === 'email' ? 'email' : 'username'}
        {...form.field(identifier)}
      />
      <button type="submit" className="gatehouse-button gatehouse-button-primary" disabled={form.locked}>
        {form.busy ? text.sending : text.send}
      </button>
    </form>
  )
}
