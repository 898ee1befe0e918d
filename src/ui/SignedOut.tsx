'use client'
import type { ReactNode } from 'react'
import { useAuth } from '../react/useAuth'

/**
 * Renders its children only while nobody is signed in; nothing while the session is restored.
 *
 * @example
 * <SignedOut><a href="/login">Sign in</a></SignedOut>
 */
export function SignedOut({ children }: { children: ReactNode }) {
  const { status } = useAuth()
  return status === 'signedOut' ? <>{children}</> : null
}
