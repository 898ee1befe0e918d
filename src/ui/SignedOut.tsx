'use client'
import type { ReactNode } from 'react'
import { useAuth } from '../react/useAuth'

/**
 * What `SignedOut` shows.
 *
 * @example
 * const props: SignedOutProps = { children: <a href="/sign-in">Sign in</a> }
 */
export interface SignedOutProps {
  /** Shown while nobody is signed in. */
  children: ReactNode
}

/**
 * Renders its children only while nobody is signed in; nothing while the session is restored.
 * It renders no element of its own, so it takes no `className` or `ref`: its children are the
 * elements to style.
 *
 * @example
 * <SignedOut><a href="/sign-in">Sign in</a></SignedOut>
 */
export function SignedOut({ children }: SignedOutProps) {
  const { status } = useAuth()
  return status === 'signedOut' ? children : null
}
