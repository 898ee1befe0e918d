'use client'
import type { ComponentProps, HTMLInputTypeAttribute } from 'react'
import { accountFlowUrl } from '../contract/authRoutes'
import type { AuthError, SignUpDetails } from '../contract/types'
import { useAuthBasePath } from '../react/AuthProvider'
import { composeEventHandlers } from './composeEventHandlers'
import { IdentifierField } from './IdentifierField'
import { joinClassNames } from './joinClassNames'
import { OutcomePanel } from './OutcomePanel'
import { TextField } from './TextField'
import { tryAgainIn } from './tryAgainIn'
import { useAccountFlows } from './useAccountFlows'
import { useAuthForm } from './useAuthForm'

/**
 * Every text the sign-up form shows of its own (the extra fields bring their own labels).
 *
 * @example
 * const messages: Partial<SignUpFormMessages> = { name: 'Name', signUp: 'Registrieren' }
 */
export interface SignUpFormMessages {
  /** The name field's label. */
  name: string
  /** The identifier field's label when `identifier="email"`. */
  email: string
  /** The identifier field's label when `identifier="username"`. */
  username: string
  /** The password field's label. */
  password: string
  /** The button. */
  signUp: string
  /** The button while the backend is asked. */
  signingUp: string
  /** Instead of the form, once the backend has sent the link that confirms the address. */
  verificationSent: string
  /** While a `rate_limited` answer is waited out, counted down each second. */
  tryAgainIn: (seconds: number) => string
}

/** One more field the backend takes at sign-up, sent as a string under its `name`. */
export interface SignUpExtraField {
  /** The field's name, as the backend (and a 422's `fields`) names it. */
  name: string
  /** Its visible label. */
  label: string
  /** The input's type. Default `'text'`. */
  type?: HTMLInputTypeAttribute
  /** The input's `autocomplete`, e.g. `organization`. */
  autoComplete?: string
}

/**
 * The sign-up form's own props, and any `<form>` attribute but `action`, `method` and its content.
 *
 * @example
 * const props: SignUpFormProps = { identifier: 'username', askName: false, extraFields: [{ name: 'company', label: 'Company' }] }
 */
export interface SignUpFormProps extends Omit<ComponentProps<'form'>, 'action' | 'method' | 'children'> {
  /** What the account is known by, as the backend expects it. Default `'email'`. */
  identifier?: 'email' | 'username'
  /** Whether to ask for a name (optional to fill in). Default `true`. */
  askName?: boolean
  /** Fields of the app's own, after the password. */
  extraFields?: SignUpExtraField[]
  /** Where to go when the sign-up signs the person in at once (a path on this site); also honoured without script. */
  redirectTo?: string
  /** Called once signed in instead of a full page load to `redirectTo`. */
  onSuccess?: () => void
  /**
   * The error the page was sent back with after a form sent without script: build it on the server
   * with `authErrorFromSearchParams(await searchParams)` from `gatehouse/next`.
   */
  error?: AuthError | null
  /** An outcome the page received in its URL (`?outcome=`): `verification_sent` shows the "check your email" panel. */
  outcome?: string | null
  /** Replaces any of the form's texts; the rest keep their defaults. */
  messages?: Partial<SignUpFormMessages>
}

const DEFAULT_MESSAGES: SignUpFormMessages = {
  name: 'Name',
  email: 'Email',
  username: 'Username',
  password: 'Password',
  signUp: 'Sign up',
  signingUp: 'Signing up…',
  verificationSent: 'Check your email: we have sent you a link to confirm your address.',
  tryAgainIn,
}

/**
 * An accessible sign-up form: a name (optional), the email or username, a new password and the
 * app's extra fields, with the same labels, per-field messages, alert, focus and single submit as
 * `SignInForm`. When the backend signs the person in at once it goes to `redirectTo` (or calls
 * `onSuccess`); when the address must be confirmed first, a "check your email" status replaces
 * the form. A plain form posting to the sign-up route underneath, so it works without script.
 *
 * `className`, `ref` and other `<form>` attributes reach the form element. An `onSubmit` runs
 * before the sign-up; calling `event.preventDefault()` in it cancels the sign-up.
 *
 * @example
 * <SignUpForm redirectTo="/welcome" />
 * <SignUpForm identifier="username" askName={false} extraFields={[{ name: 'company', label: 'Company', autoComplete: 'organization' }]} />
 */
export function SignUpForm({
  identifier = 'email',
  askName = true,
  extraFields = [],
  redirectTo = '/',
  onSuccess,
  error,
  outcome,
  messages,
  className,
  onSubmit,
  ref,
  ...formProps
}: SignUpFormProps) {
  const text = { ...DEFAULT_MESSAGES, ...messages }
  const { signUp } = useAccountFlows()
  const basePath = useAuthBasePath()
  const form = useAuthForm({
    error,
    outcome: outcome === 'verification_sent' ? outcome : null,
    redirectTo,
    onSuccess,
  })
  const shownFields = [...(askName ? ['name'] : []), identifier, 'password', ...extraFields.map((field) => field.name)]

  if (form.outcome === 'verification_sent') return <OutcomePanel message={text.verificationSent} />

  const signUpWith = (data: FormData) => {
    const read = (name: string) => String(data.get(name) ?? '')
    const password = read('password')
    const details: SignUpDetails = identifier === 'username' ? { username: read('username'), password } : { email: read('email'), password }
    if (read('name')) details.name = read('name')
    if (extraFields.length) details.fields = Object.fromEntries(extraFields.map((field) => [field.name, read(field.name)]))
    return signUp(details)
  }

  return (
    <form
      {...formProps}
      ref={ref}
      className={joinClassNames('gatehouse-form gatehouse-sign-up-form', className)}
      method="post"
      action={accountFlowUrl(basePath, 'signUp')}
      onSubmit={composeEventHandlers(onSubmit, form.submit(signUpWith))}
      noValidate
      aria-busy={form.busy}
    >
      <input type="hidden" name="next" value={redirectTo} />
      <div role="alert" className="gatehouse-form-error">
        {form.alert(text.tryAgainIn, shownFields)}
      </div>
      {askName ? <TextField label={text.name} autoComplete="name" {...form.field('name')} /> : null}
      <IdentifierField
        identifier={identifier}
        label={text[identifier]}
        autoComplete={identifier === 'email' ? 'email' : 'username'}
        {...form.field(identifier)}
      />
      <TextField label={text.password} type="password" autoComplete="new-password" required {...form.field('password')} />
      {extraFields.map(({ name, label, type = 'text', autoComplete }) => (
        <TextField key={name} label={label} type={type} autoComplete={autoComplete} {...form.field(name)} />
      ))}
      <button type="submit" className="gatehouse-button gatehouse-button-primary" disabled={form.locked}>
        {form.busy ? text.signingUp : text.signUp}
      </button>
    </form>
  )
}
