'use client'
import type { ComponentProps } from 'react'
import { accountFlowUrl } from '../contract/authRoutes'
import type { AccountIdentifier, AccountOutcome, AuthError } from '../contract/types'
import type { AccountFlowResult } from '../core/AccountFlowResult'
import { useAuthBasePath } from '../react/AuthProvider'
import { composeEventHandlers } from './composeEventHandlers'
import { IdentifierField } from './IdentifierField'
import { joinClassNames } from './joinClassNames'
import { OutcomePanel } from './OutcomePanel'
import { readIdentifier } from './readIdentifier'
import { useAuthForm } from './useAuthForm'

/** The texts of a form that asks the backend to mail a link, as its public form names them. */
export interface MailRequestTexts {
  intro: string
  email: string
  username: string
  send: string
  sending: string
  /** Instead of the form once asked. */
  sent: string
  tryAgainIn: (seconds: number) => string
}

/** What `MailRequestForm` takes: the form's own props, and which flow it is. */
export interface MailRequestFormProps extends Omit<ComponentProps<'form'>, 'action' | 'method' | 'children'> {
  identifier: 'email' | 'username'
  error?: AuthError | null
  outcome?: string | null
  /** The route it posts to without script. */
  flow: 'requestPasswordReset' | 'resendVerification'
  /** The flow's outcome: the answer that shows `texts.sent`. */
  sentOutcome: AccountOutcome
  /** Runs the flow once the script runs. */
  send: (identifier: AccountIdentifier) => Promise<AccountFlowResult>
  texts: MailRequestTexts
}

/**
 * The one form behind `ForgotPasswordForm` and `ResendVerificationForm`: an identifier, a button,
 * and the same status whatever the backend says of the account. A plain form posting to the
 * flow's route underneath.
 *
 * @example
 * <MailRequestForm flow="resendVerification" sentOutcome="verification_sent" send={resendVerification} texts={texts} identifier="email" />
 */
export function MailRequestForm({
  identifier,
  error,
  outcome,
  flow,
  sentOutcome,
  send,
  texts,
  className,
  onSubmit,
  ...formProps
}: MailRequestFormProps) {
  const basePath = useAuthBasePath()
  const form = useAuthForm({ error, outcome: outcome === sentOutcome ? sentOutcome : null })

  if (form.outcome === sentOutcome) return <OutcomePanel message={texts.sent} />

  return (
    <form
      {...formProps}
      className={joinClassNames('gatehouse-form', className)}
      method="post"
      action={accountFlowUrl(basePath, flow)}
      onSubmit={composeEventHandlers(
        onSubmit,
        form.submit((data) => send(readIdentifier(data, identifier))),
      )}
      noValidate
      aria-busy={form.busy}
    >
      <div role="alert" className="gatehouse-form-error">
        {form.alert(texts.tryAgainIn, [identifier])}
      </div>
      <p className="gatehouse-intro">{texts.intro}</p>
      <IdentifierField
        identifier={identifier}
        label={texts[identifier]}
        autoComplete={identifier === 'email' ? 'email' : 'username'}
        {...form.field(identifier)}
      />
      <button type="submit" className="gatehouse-button gatehouse-button-primary" disabled={form.locked}>
        {form.busy ? texts.sending : texts.send}
      </button>
    </form>
  )
}
