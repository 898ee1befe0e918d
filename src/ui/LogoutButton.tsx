'use client'
import type { ButtonHTMLAttributes, ReactNode } from 'react'
import { useAuth } from '../react/useAuth'

export interface LogoutButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'type'> {
  /** The button's text. Default "Sign out". */
  children?: ReactNode
  /** The text while signing out. Default "Signing out…". */
  pendingLabel?: ReactNode
  /** Called once the cookies are cleared, e.g. to leave a signed-in page. */
  onSignedOut?: () => void
}

/**
 * Signs out, disabled while signing out or when nobody is signed in.
 *
 * @example
 * <LogoutButton onSignedOut={() => router.replace('/login')} />
 */
export function LogoutButton({ children = 'Sign out', pendingLabel = 'Signing out…', onSignedOut, className, disabled, ...buttonProps }: LogoutButtonProps) {
  const { status, pending, signOut } = useAuth()
  const signOutThenNotify = async () => {
    await signOut()
    onSignedOut?.()
  }
  return (
    <button
      {...buttonProps}
      type="button"
      className={['gatehouse-button', className].filter(Boolean).join(' ')}
      disabled={disabled || pending || status !== 'signedIn'}
      onClick={signOutThenNotify}
    >
      {pending ? pendingLabel : children}
    </button>
  )
}
