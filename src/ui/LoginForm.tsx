'use client'
import { useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react'
import type { AuthError } from '../core/types'
import { describeError } from '../core/describeError'
import { useAuthBasePath } from '../react/AuthProvider'
import { useAuth } from '../react/useAuth'

export interface LoginFormLabels {
  email: string
  password: string
  submit: string
  pending: string
}

export interface LoginFormProps {
  /** Where to go once signed in; also honoured when the form is sent before the page's script has run. */
  redirectTo?: string
  /** Called once signed in instead of a full page load to `redirectTo`, e.g. to use the app's router. */
  onSuccess?: () => void
  /** An error code the page received in its URL (`?error=`) after a form sent without script. */
  errorCode?: string | null
  labels?: Partial<LoginFormLabels>
}

const DEFAULT_LABELS: LoginFormLabels = { email: 'Email', password: 'Password', submit: 'Sign in', pending: 'Signing in…' }

/**
 * An accessible sign-in form: visible labels, per-field messages tied to their inputs, a
 * form-level alert, focus on the first invalid field, and no double submit.
 *
 * @example
 * <LoginForm onSuccess={() => router.replace(next)} />
 */
export function LoginForm({ redirectTo = '/', onSuccess, errorCode, labels }: LoginFormProps) {
  const text = { ...DEFAULT_LABELS, ...labels }
  const { signIn, pending } = useAuth()
  const basePath = useAuthBasePath()
  const [error, setError] = useState<AuthError | null>(errorCode ? { code: errorCode, message: describeError(errorCode) } : null)
  const id = useId()
  const emailRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)
  const fields = error?.fields ?? {}

  useLayoutEffect(() => {
    if (fields.email) emailRef.current?.focus()
    else if (fields.password) passwordRef.current?.focus()
  }, [error]) // eslint-disable-line react-hooks/exhaustive-deps -- focus moves once per answer

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (pending) return
    const form = new FormData(event.currentTarget)
    setError(null)
    const result = await signIn({ email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') })
    if (!result.ok) setError(result.error)
    else if (onSuccess) onSuccess()
    else window.location.assign(redirectTo)
  }

  const fieldProps = (name: 'email' | 'password') => ({
    id: `${id}-${name}`,
    name,
    'aria-invalid': fields[name] ? true : undefined,
    'aria-describedby': fields[name] ? `${id}-${name}-error` : undefined,
  })
  const fieldError = (name: 'email' | 'password') =>
    fields[name] ? (
      <p id={`${id}-${name}-error`} className="gatehouse-field-error">
        {fields[name].join(' ')}
      </p>
    ) : null

  return (
    <form className="gatehouse-login-form" method="post" action={`${basePath}/login`} onSubmit={submit} noValidate aria-busy={pending}>
      <input type="hidden" name="next" value={redirectTo} />
      <div role="alert" className="gatehouse-form-error">
        {error && !error.fields ? error.message : null}
      </div>
      <div className="gatehouse-field">
        <label htmlFor={`${id}-email`}>{text.email}</label>
        <input ref={emailRef} type="email" autoComplete="username" required {...fieldProps('email')} />
        {fieldError('email')}
      </div>
      <div className="gatehouse-field">
        <label htmlFor={`${id}-password`}>{text.password}</label>
        <input ref={passwordRef} type="password" autoComplete="current-password" required {...fieldProps('password')} />
        {fieldError('password')}
      </div>
      <button type="submit" disabled={pending}>
        {pending ? text.pending : text.submit}
      </button>
    </form>
  )
}
