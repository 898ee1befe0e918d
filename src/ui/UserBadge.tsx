'use client'
import type { ReactNode } from 'react'
import type { User } from '../core/types'
import { useAuth } from '../react/useAuth'
import { LogoutButton } from './LogoutButton'

export interface UserBadgeProps {
  /** Who is signed in, as a sentence. Default "Signed in as <name>". */
  label?: (user: User) => ReactNode
  /** The sign-out button's text. Default "Sign out"; `null` hides the button. */
  signOutLabel?: ReactNode | null
  /** Called once signed out, e.g. to leave a signed-in page. */
  onSignedOut?: () => void
}

const displayName = (user: User) => user.name ?? user.email ?? user.id

const initials = (user: User) =>
  displayName(user)
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('')

const defaultLabel = (user: User) => <>Signed in as {displayName(user)}</>

/**
 * Who is signed in (initials, name, email) with a sign-out button; nothing when signed out.
 *
 * @example
 * <UserBadge onSignedOut={() => router.replace('/login')} />
 * <UserBadge label={(user) => `Hi ${user.name}`} signOutLabel={null} />
 */
export function UserBadge({ label = defaultLabel, signOutLabel = 'Sign out', onSignedOut }: UserBadgeProps) {
  const { status, user } = useAuth()
  if (status === 'loading') return <span className="gatehouse-user-badge-loading" aria-busy="true" />
  if (status !== 'signedIn' || !user) return null
  return (
    <div className="gatehouse-user-badge">
      <span className="gatehouse-avatar" aria-hidden="true">
        {initials(user)}
      </span>
      <span className="gatehouse-user-badge-who">
        <span className="gatehouse-user-badge-name">{label(user)}</span>
        {user.email && user.email !== displayName(user) ? <span className="gatehouse-user-badge-email">{user.email}</span> : null}
      </span>
      {signOutLabel === null ? null : <LogoutButton onSignedOut={onSignedOut}>{signOutLabel}</LogoutButton>}
    </div>
  )
}
