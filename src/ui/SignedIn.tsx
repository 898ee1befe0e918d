'use client'
import type { ReactNode } from 'react'
import type { User } from '../core/types'
import { useAuth } from '../react/useAuth'

/**
 * Renders its children only while someone is signed in; nothing while the session is restored.
 *
 * @example
 * <SignedIn>{(user) => <p>Hello {user.name}</p>}</SignedIn>
 */
export function SignedIn({ children }: { children: ReactNode | ((user: User) => ReactNode) }) {
  const { status, user } = useAuth()
  if (status !== 'signedIn' || !user) return null
  return <>{typeof children === 'function' ? children(user) : children}</>
}
