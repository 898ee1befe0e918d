'use client'
import type { ReactNode } from 'react'
import type { User } from '../contract/types'
import { useAuth } from '../react/useAuth'

/**
 * What `SignedIn` shows: elements, or a function of the signed-in user.
 *
 * @example
 * const props: SignedInProps = { children: (user) => <p>Hello {user.name}</p> }
 */
export interface SignedInProps {
  /** Shown while someone is signed in: elements, or a function of the signed-in user that returns them. */
  children: ReactNode | ((user: User) => ReactNode)
}

/**
 * Renders its children only while someone is signed in; nothing while the session is restored.
 * It renders no element of its own, so it takes no `className` or `ref`: its children are the
 * elements to style.
 *
 * @example
 * <SignedIn>{(user) => <p>Hello {user.name}</p>}</SignedIn>
 */
export function SignedIn({ children }: SignedInProps) {
  const { status, user } = useAuth()
  if (status !== 'signedIn' || !user) return null
  return <>{typeof children === 'function' ? children(user) : children}</>
}
