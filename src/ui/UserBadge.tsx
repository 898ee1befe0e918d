'use client'
import type { ComponentProps, ReactNode } from 'react'
import type { User } from '../contract/types'
import { useAuth } from '../react/useAuth'
import { joinClassNames } from './joinClassNames'
import { SignOutButton, type SignOutButtonMessages } from './SignOutButton'

/**
 * Every text the badge shows: who is signed in, and its sign-out button's texts.
 *
 * @example
 * const messages: Partial<UserBadgeMessages> = { signedInAs: (user) => `Hi ${user.name}`, signOut: 'Leave' }
 */
export interface UserBadgeMessages extends SignOutButtonMessages {
  /** Who is signed in, as a sentence. Default "Signed in as <name>". */
  signedInAs: (user: User) => ReactNode
}

/**
 * The badge's own props, and any `<div>` attribute but its content.
 *
 * @example
 * const props: UserBadgeProps = { hideSignOut: true, className: 'compact' }
 */
export interface UserBadgeProps extends Omit<ComponentProps<'div'>, 'children'> {
  /** Replaces any of the badge's texts; the rest keep their defaults. */
  messages?: Partial<UserBadgeMessages>
  /** Leaves the sign-out button out. */
  hideSignOut?: boolean
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

// The sign-out texts' defaults are the button's own.
const defaultSignedInAs = (user: User) => <>Signed in as {displayName(user)}</>

/**
 * Who is signed in (initials, name, email) with a sign-out button; a placeholder while the
 * session is restored; nothing when signed out.
 *
 * `className`, `ref` and other `<div>` attributes reach the badge's element (or the placeholder).
 *
 * @example
 * <UserBadge onSignedOut={() => router.replace('/')} />
 * <UserBadge messages={{ signedInAs: (user) => `Hi ${user.name}` }} hideSignOut />
 */
export function UserBadge({ messages, hideSignOut = false, onSignedOut, className, ...divProps }: UserBadgeProps) {
  const { signedInAs = defaultSignedInAs, ...signOutMessages } = messages ?? {}
  const { status, user } = useAuth()
  if (status === 'loading') {
    return <div {...divProps} className={joinClassNames('gatehouse-user-badge-loading', className)} aria-busy="true" />
  }
  if (status !== 'signedIn' || !user) return null
  return (
    <div {...divProps} className={joinClassNames('gatehouse-user-badge', className)}>
      <span className="gatehouse-avatar" aria-hidden="true">
        {initials(user)}
      </span>
      <span className="gatehouse-user-badge-who">
        <span className="gatehouse-user-badge-name">{signedInAs(user)}</span>
        {user.email && user.email !== displayName(user) ? <span className="gatehouse-user-badge-email">{user.email}</span> : null}
      </span>
      {hideSignOut ? null : <SignOutButton onSignedOut={onSignedOut} messages={signOutMessages} />}
    </div>
  )
}
