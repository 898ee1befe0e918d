'use client'
import { useId, useLayoutEffect, useRef, useState, type ComponentProps, type FormEvent } from 'react'
import { authRouteUrl } from '../contract/authRoutes'
import { isErrorCode } from '../contract/errorCatalogue'
import { safeRedirectPath } from '../contract/safeRedirectPath'
import type { AuthError, Credentials } from '../contract/types'
import { useAuthBasePath } from '../react/AuthProvider'
import { useAuth } from '../react/useAuth'
import { composeEventHandlers } from './composeEventHandlers'
import { describeError } from './describeError'
import { FieldError } from './FieldError'
import { joinClassNames } from './joinClassNames'

/**
 * Every text the sign-in form shows of its own. Error sentences are not among them: they come
 * from the server's answer, or from the error catalogue for a code in the page's URL.
 *
 * @example
 * const messages: Partial<SignInFormMessages> = { email: 'E-Mail', password: 'Passwort', signIn: 'Anmelden' }
 */
export interface SignInFormMessages {
  /** The identifier field's label when `identifier="email"`. */
  email: string
  /** The identifier field's label when `identifier="username"`. */
  username: string
  /** The password field's label. */
  password: string
  /** The button. */
  signIn: string
  /** The button while the backend is asked. */
  signingIn: string
}

/**
 * The sign-in form's own props, and any `<form>` attribute but the ones it must set itself
 * (`action`, `method`) and its content.
 *
 * @example
 * const props: SignInFormProps = { identifier: 'username', redirectTo: '/dashboard', className: 'stacked' }
 */
export interface SignInFormProps extends Omit<ComponentProps<'form'>, 'action' | 'method' | 'children'> {
  /** What the person signs in with, as the backend expects it. Default `'email'`. */
  identifier?: 'email' | 'username'
  /**
   * Where to go once signed in (a path on this site; anything else falls back to `/`); also
   * honoured when the form is sent before the page's script has run.
   */
  redirectTo?: string
  /** Called once signed in instead of a full page load to `redirectTo`, e.g. to use the app's router. */
  onSuccess?: () => void
  /** An error code the page received in its URL (`?error=`) after a form sent without script. */
  errorCode?: string | null
  /** Replaces any of the form's texts; the rest keep their defaults. */
  messages?: Partial<SignInFormMessages>
}

const DEFAULT_MESSAGES: SignInFormMessages = {
  email: 'Email',
  username: 'Username',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
}

const errorFromUrl = (code: string): AuthError => ({ code: isErrorCode(code) ? code : 'internal_error', message: describeError(code) })

/**
 * An accessible sign-in form: visible labels, per-field messages tied to their inputs, a
 * form-level alert, focus on the first invalid field, and no double submit. It is a plain form
 * posting to the sign-in route, so it also works before the page's script has run.
 *
 * `className`, `ref` and other `<form>` attributes reach the form element. An `onSubmit` runs
 * before the sign-in; calling `event.preventDefault()` in it cancels the sign-in.
 *
 * @example
 * <SignInForm redirectTo="/dashboard" />
 * <SignInForm identifier="username" messages={{ signIn: 'Continue' }} onSuccess={() => router.replace(next)} />
 */
export function SignInForm({
  identifier = 'email',
  redirectTo = '/',
  onSuccess,
  errorCode,
  messages,
  className,
  onSubmit,
  ref,
  ...formProps
}: SignInFormProps) {
  const text = { ...DEFAULT_MESSAGES, ...messages }
  const { signIn, pending } = useAuth()
  const basePath = useAuthBasePath()
  const [error, setError] = useState<AuthError | null>(errorCode ? errorFromUrl(errorCode) : null)
  // The machine's `pending` arrives with the next render; a second click can come before it.
  const submitting = useRef(false)
  const id = useId()
  // The form of the last submit: only an answer to a submit has fields to focus. `ref` stays the caller's.
  const submitted = useRef<HTMLFormElement | null>(null)
  const fields = error?.fields ?? {}
  const fieldNames = [identifier, 'password'] as const

  // Focus moves once per answer: to its first invalid field.
  useLayoutEffect(() => {
    const invalid = error?.fields ?? {}
    const firstInvalid = [identifier, 'password'].find((name) => invalid[name])
    if (firstInvalid) submitted.current?.querySelector<HTMLInputElement>(`[name="${firstInvalid}"]`)?.focus()
  }, [error, identifier])

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (submitting.current) return
    submitted.current = event.currentTarget
    submitting.current = true
    const form = new FormData(event.currentTarget)
    const password = String(form.get('password') ?? '')
    const credentials: Credentials =
      identifier === 'username'
        ? { username: String(form.get('username') ?? ''), password }
        : { email: String(form.get('email') ?? ''), password }
    setError(null)
    const result = await signIn(credentials)
    submitting.current = false
    if (!result.ok) setError(result.error)
    else if (onSuccess) onSuccess()
    else window.location.assign(safeRedirectPath(redirectTo))
  }

  const fieldProps = (name: (typeof fieldNames)[number]) => ({
    id: `${id}-${name}`,
    name,
    className: 'gatehouse-input',
    required: true,
    'aria-invalid': fields[name] ? true : undefined,
    'aria-describedby': fields[name] ? `${id}-${name}-error` : undefined,
  })

  return (
    <form
      {...formProps}
      ref={ref}
      className={joinClassNames('gatehouse-sign-in-form', className)}
      method="post"
      action={authRouteUrl(basePath, 'signIn')}
      onSubmit={composeEventHandlers(onSubmit, submit)}
      noValidate
      aria-busy={pending}
    >
      <input type="hidden" name="next" value={redirectTo} />
      <div role="alert" className="gatehouse-form-error">
        {error && !error.fields ? error.message : null}
      </div>
      <div className="gatehouse-field">
        <label className="gatehouse-label" htmlFor={`${id}-${identifier}`}>
          {text[identifier]}
        </label>
        <input
          type={identifier === 'email' ? 'email' : 'text'}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          {...fieldProps(identifier)}
        />
        <FieldError id={`${id}-${identifier}-error`} errors={fields[identifier]} />
      </div>
      <div className="gatehouse-field">
        <label className="gatehouse-label" htmlFor={`${id}-password`}>
          {text.password}
        </label>
        <input type="password" autoComplete="current-password" {...fieldProps('password')} />
        <FieldError id={`${id}-password-error`} errors={fields.password} />
      </div>
      <button type="submit" className="gatehouse-button gatehouse-button-primary" disabled={pending}>
        {pending ? text.signingIn : text.signIn}
      </button>
    </form>
  )
}
