'use client'
import { useCallback, useRef, useState, type ComponentProps, type ReactNode } from 'react'
import { useAuth } from '../react/useAuth'
import { ForgotPasswordForm, type ForgotPasswordFormMessages } from './ForgotPasswordForm'
import { joinClassNames } from './joinClassNames'
import { SecondFactorForm, type SecondFactorFormMessages } from './SecondFactorForm'
import { SignInForm, type SignInFormMessages } from './SignInForm'
import { SignUpForm, type SignUpFormMessages } from './SignUpForm'

/**
 * Every text the authenticator shows of its own: the headings and the links between its views.
 *
 * @example
 * const messages: Partial<AuthenticatorMessages> = { signInTitle: 'Anmelden', createAccount: 'Konto anlegen' }
 */
export interface AuthenticatorMessages {
  /** The heading of the sign-in view. */
  signInTitle: string
  /** The heading of the sign-up view. */
  signUpTitle: string
  /** The heading of the forgotten-password view. */
  forgotPasswordTitle: string
  /** The heading while the sign-in waits for the second factor. */
  secondFactorTitle: string
  /** The link to the sign-up view. */
  createAccount: string
  /** The link to the forgotten-password view. */
  forgotPassword: string
  /** The link back to the sign-in view. */
  backToSignIn: string
}

/** The view an authenticator shows: sign in, sign up, or ask for a password reset link. */
export type AuthenticatorView = 'signIn' | 'signUp' | 'forgotPassword'

/**
 * The authenticator's own props, and any `<div>` attribute but its content.
 *
 * @example
 * const props: AuthenticatorProps = { initialView: 'signUp', flows: { forgotPassword: false }, redirectTo: '/dashboard' }
 */
export interface AuthenticatorProps extends Omit<ComponentProps<'div'>, 'children'> {
  /** The view to start in. Default `'signIn'`. */
  initialView?: AuthenticatorView
  /** What accounts are known by, as the backend expects it. Default `'email'`. */
  identifier?: 'email' | 'username'
  /** Where to go once signed in (a path on this site), unless there are `children` or `onSuccess`. */
  redirectTo?: string
  /** Called once signed in instead of a full page load to `redirectTo`. */
  onSuccess?: () => void
  /** The flows the site offers besides signing in; `false` hides one. Both default to `true`. */
  flows?: {
    /** Whether to offer "Create an account". */
    signUp?: boolean
    /** Whether to offer "Forgot your password?". */
    forgotPassword?: boolean
  }
  /** What to show once signed in, in place of the authenticator (then nothing redirects). */
  children?: ReactNode
  /** Each part's texts, passed on to it. */
  messages?: {
    /** The sign-in form's. */
    signIn?: Partial<SignInFormMessages>
    /** The sign-up form's. */
    signUp?: Partial<SignUpFormMessages>
    /** The forgot-password form's. */
    forgotPassword?: Partial<ForgotPasswordFormMessages>
    /** The second step's. */
    secondFactor?: Partial<SecondFactorFormMessages>
    /** The authenticator's own: its titles and the links between its views. */
    authenticator?: Partial<AuthenticatorMessages>
  }
}

const DEFAULT_MESSAGES: AuthenticatorMessages = {
  signInTitle: 'Sign in',
  signUpTitle: 'Create an account',
  forgotPasswordTitle: 'Reset your password',
  secondFactorTitle: 'Two-step verification',
  createAccount: 'Create an account',
  forgotPassword: 'Forgot your password?',
  backToSignIn: 'Back to sign in',
}

// With children, being signed in renders them: the forms must not also leave the page.
const stay = () => {}

/**
 * Sign-in, sign-up and the forgotten password in one place, following the machine: the view
 * switches in place by its links, the second factor shows when the account asks for it, each
 * flow's outcome shows where its form was, and once signed in the `children` render (or the page
 * goes to `redirectTo`, or `onSuccess` is called). Flows the site has not turned on are hidden
 * with `flows`.
 *
 * `className`, `ref` and other `<div>` attributes reach its element.
 *
 * @example
 * <Authenticator redirectTo="/dashboard" flows={{ signUp: false }} />
 * <Authenticator identifier="username" initialView="signUp">
 *   <Dashboard />
 * </Authenticator>
 */
export function Authenticator({
  initialView = 'signIn',
  identifier = 'email',
  redirectTo,
  onSuccess,
  flows,
  children,
  messages = {},
  className,
  ...divProps
}: AuthenticatorProps) {
  const text = { ...DEFAULT_MESSAGES, ...messages.authenticator }
  const { status, secondFactorRequired } = useAuth()
  const offers = { signIn: true, signUp: flows?.signUp !== false, forgotPassword: flows?.forgotPassword !== false }
  const [view, setView] = useState<AuthenticatorView>(offers[initialView] ? initialView : 'signIn')
  // Only a switch moves the focus (to the new view's heading, which a switch mounts anew), not the first render.
  const switched = useRef(false)
  const focusAfterSwitch = useCallback((heading: HTMLHeadingElement | null) => {
    if (switched.current) heading?.focus()
  }, [])

  if (status === 'signedIn' && children) return children

  const done = onSuccess ?? (children ? stay : undefined)
  const show = (next: AuthenticatorView) => {
    switched.current = true
    setView(next)
  }
  const link = (to: AuthenticatorView, label: string) =>
    offers[to] ? (
      <button type="button" className="gatehouse-link-button" onClick={() => show(to)}>
        {label}
      </button>
    ) : null
  const title =
    view === 'signUp'
      ? text.signUpTitle
      : view === 'forgotPassword'
        ? text.forgotPasswordTitle
        : secondFactorRequired
          ? text.secondFactorTitle
          : text.signInTitle

  return (
    <div {...divProps} className={joinClassNames('gatehouse-authenticator', className)}>
      <h2 key={view} ref={focusAfterSwitch} tabIndex={-1} className="gatehouse-title">
        {title}
      </h2>
      {view === 'signUp' ? (
        <SignUpForm identifier={identifier} redirectTo={redirectTo} onSuccess={done} messages={messages.signUp} />
      ) : view === 'forgotPassword' ? (
        <ForgotPasswordForm identifier={identifier} messages={messages.forgotPassword} />
      ) : (
        <SignInForm
          identifier={identifier}
          redirectTo={redirectTo}
          onSuccess={done}
          messages={messages.signIn}
          secondFactor={(back) => (
            <SecondFactorForm redirectTo={redirectTo} onSuccess={done} messages={messages.secondFactor} onBack={back} />
          )}
        />
      )}
      {secondFactorRequired ? null : (
        <div className="gatehouse-form-links">
          {view === 'signIn' ? (
            <>
              {link('forgotPassword', text.forgotPassword)}
              {link('signUp', text.createAccount)}
            </>
          ) : (
            link('signIn', text.backToSignIn)
          )}
        </div>
      )}
    </div>
  )
}
