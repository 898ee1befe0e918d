'use client'
import type { ComponentProps } from 'react'
import { accountFlowUrl } from '../contract/authRoutes'
import type { AuthError } from '../contract/types'
import { DEFAULT_SIGN_IN_PATH } from '../contract/signInUrl'
import { useAuthBasePath } from '../react/AuthProvider'
import { composeEventHandlers } from './composeEventHandlers'
import { joinClassNames } from './joinClassNames'
import { OutcomePanel } from './OutcomePanel'
import { TextField } from './TextField'
import { tryAgainIn } from './tryAgainIn'
import { useAccountFlows } from './useAccountFlows'
import { useAuthForm } from './useAuthForm'

/**
 * Every text the new-password form shows of its own.
 *
 * @example
 * const messages: Partial<ResetPasswordFormMessages> = { password: 'Neues Passwort' }
 */
export interface ResetPasswordFormMessages {
  /** The password field's label. */
  password: string
  /** The button. */
  changePassword: string
  /** The button while the backend is asked. */
  changing: string
  /** Instead of the form once the password is changed and nobody was signed in. */
  passwordReset: string
  /** The link to the sign-in page beside `passwordReset`. */
  signIn: string
  /** The link to ask for a new link, after one that no longer works. */
  requestNewLink: string
  /** While a `rate_limited` answer is waited out, counted down each second. */
  tryAgainIn: (seconds: number) => string
}

/**
 * The new-password form's own props, and any `<form>` attribute but `action`, `method` and its content.
 *
 * @example
 * const props: ResetPasswordFormProps = { token, signInHref: '/sign-in', forgotPasswordHref: '/forgot-password' }
 */
export interface ResetPasswordFormProps extends Omit<ComponentProps<'form'>, 'action' | 'method' | 'children'> {
  /** The token of the link the email carried (the page's `?token=`). */
  token: string
  /** Where to go when the change signs the person in (a path on this site); also honoured without script. */
  redirectTo?: string
  /** Called once signed in instead of a full page load to `redirectTo`. */
  onSuccess?: () => void
  /** The sign-in page, linked once the password is changed. Default `/sign-in`. */
  signInHref?: string
  /** The page that asks for a new link, linked when this one no longer works. Default `/forgot-password`. */
  forgotPasswordHref?: string
  /**
   * The error the page was sent back with after a form sent without script: build it on the server
   * with `authErrorFromSearchParams(await searchParams)` from `gatehouse/next`.
   */
  error?: AuthError | null
  /** An outcome the page received in its URL (`?outcome=`): `password_reset` shows the "changed" panel. */
  outcome?: string | null
  /** Replaces any of the form's texts; the rest keep their defaults. */
  messages?: Partial<ResetPasswordFormMessages>
}

const DEFAULT_MESSAGES: ResetPasswordFormMessages = {
  password: 'New password',
  changePassword: 'Change the password',
  changing: 'Changing…',
  passwordReset: 'Your password has been changed.',
  signIn: 'Sign in',
  requestNewLink: 'Ask for a new link',
  tryAgainIn,
}

/**
 * Chooses a new password with the token of a reset link. Once changed it signs the person in
 * (then goes to `redirectTo`) or says so with a link to sign in, as the backend does; a link that
 * no longer works says so with a link to ask for a new one. A plain form posting to the reset
 * route underneath.
 *
 * `className`, `ref` and other `<form>` attributes reach the form element. An `onSubmit` runs
 * before the change; calling `event.preventDefault()` in it cancels it.
 *
 * @example
 * <ResetPasswordForm token={searchParams.token} redirectTo="/dashboard" />
 */
export function ResetPasswordForm({
  token,
  redirectTo = '/',
  onSuccess,
  signInHref = DEFAULT_SIGN_IN_PATH,
  forgotPasswordHref = '/forgot-password',
  error,
  outcome,
  messages,
  className,
  onSubmit,
  ref,
  ...formProps
}: ResetPasswordFormProps) {
  const text = { ...DEFAULT_MESSAGES, ...messages }
  const { resetPassword } = useAccountFlows()
  const basePath = useAuthBasePath()
  const form = useAuthForm({
    error,
    outcome: outcome === 'password_reset' ? outcome : null,
    redirectTo,
    onSuccess,
  })

  if (form.outcome === 'password_reset')
    return (
      <OutcomePanel
        message={text.passwordReset}
        link={
          <a className="gatehouse-link" href={signInHref}>
            {text.signIn}
          </a>
        }
      />
    )

  return (
    <form
      {...formProps}
      ref={ref}
      className={joinClassNames('gatehouse-form gatehouse-reset-password-form', className)}
      method="post"
      action={accountFlowUrl(basePath, 'resetPassword')}
      onSubmit={composeEventHandlers(
        onSubmit,
        form.submit((data) => resetPassword({ token, password: String(data.get('password') ?? '') })),
      )}
      noValidate
      aria-busy={form.busy}
    >
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="next" value={redirectTo} />
      <div role="alert" className="gatehouse-form-error">
        {form.alert(text.tryAgainIn, ['password'])}
      </div>
      {form.error?.code === 'invalid_token' ? (
        <a className="gatehouse-link" href={forgotPasswordHref}>
          {text.requestNewLink}
        </a>
      ) : null}
      <TextField label={text.password} type="password" autoComplete="new-password" required {...form.field('password')} />
      <button type="submit" className="gatehouse-button gatehouse-button-primary" disabled={form.locked}>
        {form.busy ? text.changing : text.changePassword}
      </button>
    </form>
  )
}
