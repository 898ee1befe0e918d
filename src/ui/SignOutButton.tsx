'use client'
import type { ComponentProps } from 'react'
import { useAuth } from '../react/useAuth'
import { composeEventHandlers } from './composeEventHandlers'
import { joinClassNames } from './joinClassNames'

/**
 * Every text the sign-out button shows.
 *
 * @example
 * const messages: Partial<SignOutButtonMessages> = { signOut: 'Abmelden', signingOut: 'Abmelden…' }
 */
export interface SignOutButtonMessages {
  /** The button. */
  signOut: string
  /** While the server ends the session. */
  signingOut: string
}

/**
 * The sign-out button's own props, and any `<button>` attribute but `type` (always `button`)
 * and its content (the texts are `messages`).
 *
 * @example
 * const props: SignOutButtonProps = { onSignedOut: () => router.replace('/'), className: 'wide' }
 */
export interface SignOutButtonProps extends Omit<ComponentProps<'button'>, 'type' | 'children'> {
  /** Replaces either text; the other keeps its default. */
  messages?: Partial<SignOutButtonMessages>
  /** Called once the cookies are cleared, e.g. to leave a signed-in page. */
  onSignedOut?: () => void
}

const DEFAULT_MESSAGES: SignOutButtonMessages = { signOut: 'Sign out', signingOut: 'Signing out…' }

/**
 * Signs out, disabled while signing out or when nobody is signed in.
 *
 * `className`, `ref` and other `<button>` attributes reach the button. An `onClick` runs before
 * the sign-out; calling `event.preventDefault()` in it keeps the person signed in.
 *
 * @example
 * <SignOutButton onSignedOut={() => router.replace('/')} />
 * <SignOutButton onClick={(event) => hasUnsavedChanges && event.preventDefault()} messages={{ signOut: 'Leave' }} />
 */
export function SignOutButton({ messages, onSignedOut, onClick, className, disabled, ...buttonProps }: SignOutButtonProps) {
  const text = { ...DEFAULT_MESSAGES, ...messages }
  const { status, pending, signOut } = useAuth()
  const signOutThenNotify = async () => {
    await signOut()
    onSignedOut?.()
  }
  return (
    <button
      {...buttonProps}
      type="button"
      className={joinClassNames('gatehouse-button', className)}
      disabled={disabled || pending || status !== 'signedIn'}
      onClick={composeEventHandlers(onClick, signOutThenNotify)}
    >
      {pending ? text.signingOut : text.signOut}
    </button>
  )
}
