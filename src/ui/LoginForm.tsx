'use client'
import { useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react'
import { describeError } from './describeError'
import type { AuthError, Credentials } from '../core/types'
import { useAuthBasePath } from '../react/AuthProvider'
import { useAuth } from '../react/useAuth'
import { FieldError } from './FieldError'
import { safeRedirectPath } from '../core/safeRedirectPath'

export interface LoginFormLabels {
  email: string
  username: string
  password: string
  submit: string
  pending: string
}

export interface LoginFormProps {
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
  labels?: Partial<LoginFormLabels>
}

const DEFAULT_LABELS: LoginFormLabels = { email: 'Email', username: 'Username', password: 'Password', submit: 'Sign in', pending: 'Signing in…' }

/**
 * An accessible sign-in form: visible labels, per-field messages tied to their inputs, a
 * form-level alert, focus on the first invalid field, and no double submit. It is a plain form
 * posting to the login route, so it also works before the page's script has run.
 *
 * @example
 * <LoginForm redirectTo="/dashboard" />
 * <LoginForm identifier="username" labels={{ submit: 'Log in' }} onSuccess={() => router.replace(next)} />
 */
export function LoginForm({ identifier = 'email', redirectTo = '/', onSuccess, errorCode, labels }: LoginFormProps) {
  const text = { ...DEFAULT_LABELS, ...labels }
  const { signIn, pending } = useAuth()
  const basePath = useAuthBasePath()
  const [error, setError] = useState<AuthError | null>(errorCode ? { code: errorCode, message: describeError(errorCode) } : null)
  // The machine's `pending` arrives with the next render; a second click can come before it.
  const submitting = useRef(false)
  const id = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const fields = error?.fields ?? {}
  const fieldNames = [identifier, 'password'] as const

  useLayoutEffect(() => {
    const firstInvalid = fieldNames.find((name) => fields[name])
    if (firstInvalid) formRef.current?.querySelector<HTMLInputElement>(`[name="${firstInvalid}"]`)?.focus()
  }, [error]) // eslint-disable-line react-hooks/exhaustive-deps -- focus moves once per answer

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (submitting.current) return
    submitting.current = true
    const form = new FormData(event.currentTarget)
    const password = String(form.get('password') ?? '')
    const credentials: Credentials =
      identifier === 'username' ? { username: String(form.get('username') ?? ''), password } : { email: String(form.get('email') ?? ''), password }
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
    <form ref={formRef} className="gatehouse-login-form" method="post" action={`${basePath}/login`} onSubmit={submit} noValidate aria-busy={pending}>
      <input type="hidden" name="next" value={redirectTo} />
      <div role="alert" className="gatehouse-form-error">
        {error && !error.fields ? error.message : null}
      </div>
      <div className="gatehouse-field">
        <label className="gatehouse-label" htmlFor={`${id}-${identifier}`}>
          {text[identifier]}
        </label>
        <input type={identifier === 'email' ? 'email' : 'text'} autoComplete="username" autoCapitalize="none" spellCheck={false} {...fieldProps(identifier)} />
        <FieldError id={`${id}-${identifier}-error`} messages={fields[identifier]} />
      </div>
      <div className="gatehouse-field">
        <label className="gatehouse-label" htmlFor={`${id}-password`}>
          {text.password}
        </label>
        <input type="password" autoComplete="current-password" {...fieldProps('password')} />
        <FieldError id={`${id}-password-error`} messages={fields.password} />
      </div>
      <button type="submit" className="gatehouse-button gatehouse-button-primary" disabled={pending}>
        {pending ? text.pending : text.submit}
      </button>
    </form>
  )
}
