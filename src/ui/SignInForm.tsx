'use client'
import { useState, type ComponentProps, type ReactNode } from 'react'
import { authRouteUrl } from '../contract/authRoutes'
import type { AuthError, Credentials } from '../contract/types'
import { useAuthBasePath } from '../react/AuthProvider'
import { useAuth } from '../react/useAuth'
import { composeEventHandlers } from './composeEventHandlers'
import { joinClassNames } from './joinClassNames'
import { TextField } from './TextField'
import { tryAgainIn } from './tryAgainIn'
import { useAuthForm } from './useAuthForm'

/**
 * Every text the sign-in form shows of its own. Error sentences are not among them: they come
 * from the server's answer, or from the page's `error`.
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
  /** While a `rate_limited` answer is waited out, counted down each second. */
  tryAgainIn: (seconds: number) => string
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
  /** Called once signed in instead of a full page load to `redirectTo`. */
  onSuccess?: () => void
  /**
   * The error the page was sent back with after a form sent without script: build it on the server
   * with `authErrorFromSearchParams(await searchParams)` from `gatehouse/next`. `second_factor_required`
   * (and `invalid_code`, the second step's refusal) show the second step; `rate_limited` counts down.
   */
  error?: AuthError | null
  /**
   * The second step, for accounts that ask for a code: shown in the form's place while the sign-in
   * waits for it. `back` brings the form back (with the error that ended the wait, if one did);
   * hand it to `SecondFactorForm`'s `onBack`. A slot, so a site without second factors carries
   * none of it; without one the form says what the account asks for. `Authenticator` fills it.
   *
   * @example
   * <SignInForm secondFactor={(back) => <SecondFactorForm redirectTo="/dashboard" onBack={back} />} />
   */
  secondFactor?: (back: (error: AuthError | null) => void) => ReactNode
  /** Replaces any of the form's texts; the rest keep their defaults. */
  messages?: Partial<SignInFormMessages>
}

const DEFAULT_MESSAGES: SignInFormMessages = {
  email: 'Email',
  username: 'Username',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  tryAgainIn,
}

/**
 * An accessible sign-in form: visible labels, per-field messages tied to their inputs, a
 * form-level alert, focus on the first invalid field, and no double submit. It is a plain form
 * posting to the sign-in route, so it also works before the page's script has run. When the
 * account asks for a second factor, the form gives way to its `secondFactor` slot (a
 * `SecondFactorForm`); after a `rate_limited` answer it counts the wait down with its button disabled.
 *
 * `className`, `ref` and other `<form>` attributes reach the form element. An `onSubmit` runs
 * before the sign-in; calling `event.preventDefault()` in it cancels the sign-in.
 *
 * @example
 * <SignInForm redirectTo="/dashboard" />
 * <SignInForm identifier="username" messages={{ signIn: 'Continue' }} onSuccess={() => router.replace(next)} />
 * <SignInForm secondFactor={(back) => <SecondFactorForm redirectTo="/dashboard" onBack={back} />} />
 */
export function SignInForm({
  identifier = 'email',
  redirectTo = '/',
  onSuccess,
  error,
  messages,
  secondFactor,
  className,
  onSubmit,
  ...formProps
}: SignInFormProps) {
  const text = { ...DEFAULT_MESSAGES, ...messages }
  const { signIn, pending, secondFactorRequired } = useAuth()
  const basePath = useAuthBasePath()
  // A form sent without script left the challenge in a cookie: the page's error says so, the machine does not know it yet.
  const [challenged, setChallenged] = useState(error?.code === 'second_factor_required' || error?.code === 'invalid_code')
  const form = useAuthForm({ error: challenged ? null : error, redirectTo, onSuccess })

  if (secondFactor && (secondFactorRequired || challenged))
    return secondFactor((reason) => {
      setChallenged(false)
      form.setError(reason)
    })

  return (
    <form
      {...formProps}
      className={joinClassNames('gatehouse-sign-in-form', className)}
      method="post"
      action={authRouteUrl(basePath, 'signIn')}
      onSubmit={composeEventHandlers(
        onSubmit,
        // Both fields are in the form: `get` finds them.
        form.submit((data) => signIn({ [identifier]: data.get(identifier), password: data.get('password') } as Credentials)),
      )}
      noValidate
      aria-busy={pending || form.busy}
    >
      <input type="hidden" name="next" value={redirectTo} />
      <div role="alert" className="gatehouse-form-error">
        {form.alert(text.tryAgainIn, [identifier, 'password'])}
      </div>
      <TextField
        label={text[identifier]}
        type={identifier === 'email' ? 'email' : 'text'}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        {...form.field(identifier)}
      />
      <TextField label={text.password} type="password" autoComplete="current-password" required {...form.field('password')} />
      <button type="submit" className="gatehouse-button gatehouse-button-primary" disabled={pending || form.locked}>
        {pending || form.busy ? text.signingIn : text.signIn}
      </button>
    </form>
  )
}
