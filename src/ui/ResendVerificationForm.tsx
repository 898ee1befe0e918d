'use client'
import type { ComponentProps } from 'react'
import type { AuthError } from '../contract/types'
import { joinClassNames } from './joinClassNames'
import { MailRequestForm } from './MailRequestForm'
import { tryAgainIn } from './tryAgainIn'
import { useAccountFlows } from './useAccountFlows'

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
export function ResendVerificationForm({ identifier = 'email', messages, className, ...props }: ResendVerificationFormProps) {
  const { verificationSent: sent, ...texts } = { ...DEFAULT_MESSAGES, ...messages }
  const { resendVerification } = useAccountFlows()
  return (
    <MailRequestForm
      {...props}
      identifier={identifier}
      className={joinClassNames('gatehouse-resend-verification-form', className)}
      flow="resendVerification"
      sentOutcome="verification_sent"
      send={resendVerification}
      texts={{ ...texts, sent }}
    />
  )
}
