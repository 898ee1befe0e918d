'use client'
import { useRef, useState, type ComponentProps } from 'react'
import { SECOND_FACTOR_ROUTE } from '../contract/authRoutes'
import type { AuthError, SecondFactorCode } from '../contract/types'
import { useAuthBasePath } from '../react/AuthProvider'
import { useAuth } from '../react/useAuth'
import { composeEventHandlers } from './composeEventHandlers'
import { joinClassNames } from './joinClassNames'
import { TextField } from './TextField'
import { tryAgainIn } from './tryAgainIn'
import { useAuthForm } from './useAuthForm'

/**
 * Every text the second-factor form shows of its own.
 *
 * @example
 * const messages: Partial<SecondFactorFormMessages> = { code: 'Bestätigungscode', verify: 'Bestätigen' }
 */
export interface SecondFactorFormMessages {
  /** What to do, above the code field. */
  codeIntro: string
  /** What to do, above the recovery code field. */
  recoveryCodeIntro: string
  /** The code field's label. */
  code: string
  /** The recovery code field's label. */
  recoveryCode: string
  /** The button. */
  verify: string
  /** The button while the backend is asked. */
  verifying: string
  /** Switches to a recovery code. */
  useRecoveryCode: string
  /** Switches back to the authenticator app's code. */
  useCode: string
  /** Gives up the sign-in. */
  cancel: string
  /** While a `rate_limited` answer is waited out, counted down each second. */
  tryAgainIn: (seconds: number) => string
}

/**
 * The second-factor form's own props, and any `<form>` attribute but `action`, `method` and its content.
 *
 * @example
 * const props: SecondFactorFormProps = { redirectTo: '/dashboard', allowRecoveryCode: false }
 */
export interface SecondFactorFormProps extends Omit<ComponentProps<'form'>, 'action' | 'method' | 'children'> {
  /** Where to go once signed in (a path on this site); also honoured when the form is sent without script. */
  redirectTo?: string
  /** Called once signed in instead of a full page load to `redirectTo`. */
  onSuccess?: () => void
  /** Whether the person may use one of their recovery codes instead. Default `true`. */
  allowRecoveryCode?: boolean
  /**
   * The error the page was sent back with after a form sent without script (`invalid_code`, say):
   * build it on the server with `authErrorFromSearchParams(await searchParams)` from `gatehouse/next`.
   */
  error?: AuthError | null
  /**
   * Called when the person cancels (`null`) or the sign-in waited too long (`challenge_expired`):
   * the place to show the sign-in form again. Without it the form shows that error itself.
   */
  onBack?: (error: AuthError | null) => void
  /** Replaces any of the form's texts; the rest keep their defaults. */
  messages?: Partial<SecondFactorFormMessages>
}

const DEFAULT_MESSAGES: SecondFactorFormMessages = {
  codeIntro: 'Enter the six-digit code from your authenticator app.',
  recoveryCodeIntro: 'Enter one of the recovery codes you saved when you set up the app.',
  code: 'Authentication code',
  recoveryCode: 'Recovery code',
  verify: 'Verify',
  verifying: 'Verifying…',
  useRecoveryCode: 'Use a recovery code',
  useCode: 'Use the authenticator app',
  cancel: 'Cancel',
  tryAgainIn,
}

// The route answers a wrong code without `fields`; it belongs under the field it was typed in.
const atField = (error: AuthError | null, name: string): AuthError | null =>
  error?.code === 'invalid_code' ? { ...error, fields: { [name]: [error.message] } } : error

/**
 * The second step of signing in to an account with a second factor: the code from an
 * authenticator app (numeric keyboard, filled from the phone's one-time codes), or a recovery
 * code. A wrong code is shown at the field and may be tried again; a sign-in that waited too long
 * goes back to the start. A plain form posting to the second-factor route underneath, so a sign-in
 * sent without script can finish without it too. `SignInForm` shows it by itself when the account
 * asks for a code.
 *
 * @example
 * <SecondFactorForm redirectTo="/dashboard" onBack={() => setStep('signIn')} />
 */
export function SecondFactorForm({
  redirectTo = '/',
  onSuccess,
  allowRecoveryCode = true,
  error,
  onBack,
  messages,
  className,
  onSubmit,
  ...formProps
}: SecondFactorFormProps) {
  const text = { ...DEFAULT_MESSAGES, ...messages }
  const { submitSecondFactor, cancelSecondFactor } = useAuth()
  const basePath = useAuthBasePath()
  const [name, setName] = useState<'code' | 'recoveryCode'>('code')
  const form = useAuthForm({ error: atField(error ?? null, 'code'), redirectTo, onSuccess })
  // Only a switch moves the focus, not the first render.
  const switched = useRef(false)
  const isCode = name === 'code'

  return (
    <form
      {...formProps}
      className={joinClassNames('gatehouse-form gatehouse-second-factor-form', className)}
      method="post"
      action={`${basePath}/${SECOND_FACTOR_ROUTE.path}`}
      onSubmit={composeEventHandlers(
        onSubmit,
        form.submit(async (data) => {
          const value = String(data.get(name)).trim()
          const result = await submitSecondFactor({ [name]: value } as SecondFactorCode)
          if (result.ok) return result
          if (result.error.code === 'challenge_expired') onBack?.(result.error)
          return { ok: false, error: atField(result.error, name)! }
        }),
      )}
      noValidate
      aria-busy={form.busy}
    >
      <input type="hidden" name="next" value={redirectTo} />
      <div role="alert" className="gatehouse-form-error">
        {form.alert(text.tryAgainIn, [name])}
      </div>
      <p className="gatehouse-intro">{isCode ? text.codeIntro : text.recoveryCodeIntro}</p>
      <TextField
        key={name}
        label={text[name]}
        // The switch replaced the field the person was in: the new one takes the focus.
        autoFocus={switched.current}
        required
        {...(isCode
          ? { inputMode: 'numeric', autoComplete: 'one-time-code', pattern: '[0-9]{6}', maxLength: 6 }
          : { autoComplete: 'off', autoCapitalize: 'none', spellCheck: false })}
        {...form.field(name)}
      />
      <button type="submit" className="gatehouse-button gatehouse-button-primary" disabled={form.locked}>
        {form.busy ? text.verifying : text.verify}
      </button>
      <div className="gatehouse-form-links">
        {allowRecoveryCode && (
          <button
            type="button"
            className="gatehouse-link-button"
            onClick={() => {
              switched.current = true
              form.setError(null)
              setName(isCode ? 'recoveryCode' : 'code')
            }}
          >
            {isCode ? text.useRecoveryCode : text.useCode}
          </button>
        )}
        <button
          type="button"
          className="gatehouse-link-button"
          onClick={() => {
            cancelSecondFactor()
            onBack?.(null)
          }}
        >
          {text.cancel}
        </button>
      </div>
    </form>
  )
}
