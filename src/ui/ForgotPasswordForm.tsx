'use client'
import type { ComponentProps } from 'react'
import type { AuthError } from '../contract/types'
import { joinClassNames } from './joinClassNames'
import { MailRequestForm } from './MailRequestForm'
import { tryAgainIn } from './tryAgainIn'
import { useAccountFlows } from './useAccountFlows'

/**
 * Every text the forgotten-password form shows of its own.
 *
 * @example
 * const messages: Partial<ForgotPasswordFormMessages> = { send: 'Link senden' }
 */
export interface ForgotPasswordFormMessages {
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
  /** Instead of the form once asked, whether or not the account exists. */
  resetRequested: string
  /** While a `rate_limited` answer is waited out, counted down each second. */
  tryAgainIn: (seconds: number) => string
}

/**
 * The forgotten-password form's own props, and any `<form>` attribute but `action`, `method` and its content.
 *
 * @example
 * const props: ForgotPasswordFormProps = { identifier: 'username', className: 'narrow' }
 */
export interface ForgotPasswordFormProps extends Omit<ComponentProps<'form'>, 'action' | 'method' | 'children'> {
  /** What the account is known by, as the backend expects it. Default `'email'`. */
  identifier?: 'email' | 'username'
  /**
   * The error the page was sent back with after a form sent without script: build it on the server
   * with `authErrorFromSearchParams(await searchParams)` from `gatehouse/next`.
   */
  error?: AuthError | null
  /** An outcome the page received in its URL (`?outcome=`): `reset_requested` shows the panel that says a link is on its way. */
  outcome?: string | null
  /** Replaces any of the form's texts; the rest keep their defaults. */
  messages?: Partial<ForgotPasswordFormMessages>
}

const DEFAULT_MESSAGES: ForgotPasswordFormMessages = {
  intro: 'Enter the address you signed up with, and we will send you a link to choose a new password.',
  email: 'Email',
  username: 'Username',
  send: 'Send the link',
  sending: 'Sending…',
  resetRequested: 'If an account exists for that address, we have sent a link to reset its password. Check your email.',
  tryAgainIn,
}

/**
 * Asks for a password reset link. Its answer never says whether the account exists: the same
 * status shows either way. A plain form posting to the forgotten-password route underneath.
 *
 * `className`, `ref` and other `<form>` attributes reach the form element. An `onSubmit` runs
 * before the request; calling `event.preventDefault()` in it cancels it.
 *
 * @example
 * <ForgotPasswordForm />
 * <ForgotPasswordForm identifier="username" messages={{ send: 'Email me a link' }} />
 */
export function ForgotPasswordForm({ identifier = 'email', messages, className, ...props }: ForgotPasswordFormProps) {
  const { resetRequested: sent, ...texts } = { ...DEFAULT_MESSAGES, ...messages }
  const { requestPasswordReset } = useAccountFlows()
  return (
    <MailRequestForm
      {...props}
      identifier={identifier}
      className={joinClassNames('gatehouse-forgot-password-form', className)}
      flow="requestPasswordReset"
      sentOutcome="reset_requested"
      send={requestPasswordReset}
      texts={{ ...texts, sent }}
    />
  )
}
