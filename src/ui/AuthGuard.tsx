'use client'
import { useEffect, type ReactNode } from 'react'
import { DEFAULT_SIGN_IN_PATH, signInUrl } from '../contract/signInUrl'
import type { User } from '../contract/types'
import { useAuth } from '../react/useAuth'

/**
 * Every text the guard's default `fallback` and `forbidden` show.
 *
 * @example
 * const messages: Partial<AuthGuardMessages> = { forbidden: 'Only administrators see this page.' }
 */
export interface AuthGuardMessages {
  /** The default `fallback`, while the session is restored. */
  checkingSession: string
  /** The default `forbidden`, for signed-in people `allow` refuses. */
  forbidden: string
}

/**
 * What the guard shows in each state, and where it sends signed-out visitors.
 *
 * @example
 * const props: AuthGuardProps = { children: <AdminPanel />, allow: (user) => user.roles.includes('admin') }
 */
export interface AuthGuardProps {
  /** What only signed-in people `allow` accepts see. */
  children: ReactNode
  /** Shown while the session is being restored. Default: a status line with `messages.checkingSession`. */
  fallback?: ReactNode
  /** Shown to signed-out visitors instead of sending them to the sign-in page. */
  signedOut?: ReactNode
  /** The sign-in page signed-out visitors are sent to, with `?next=` the current page. Default `/login`. */
  signInPath?: string
  /** Does the navigation to the sign-in page, e.g. with the app's router. Default: `window.location.assign`. */
  onSignedOut?: (signInUrl: string) => void
  /** Whether this signed-in person may see the children (roles, permissions). Default: everyone signed in. */
  allow?: (user: User) => boolean
  /** Shown to signed-in people `allow` refuses. Default: an alert with `messages.forbidden`. */
  forbidden?: ReactNode
  /** Replaces either text of the default `fallback` and `forbidden`. */
  messages?: Partial<AuthGuardMessages>
}

const DEFAULT_MESSAGES: AuthGuardMessages = {
  checkingSession: 'Checking your session…',
  forbidden: 'You do not have access to this page.',
}

/**
 * Shows its children only to signed-in people `allow` accepts. This is a matter of display:
 * protect the data itself on the server (`requireSession`).
 *
 * It renders no element of its own, only one of the slots, so it takes no `className` or `ref`:
 * style and reach the slots' own elements.
 *
 * @example
 * <AuthGuard allow={(user) => user.roles.includes('admin')} forbidden={<h1>Forbidden</h1>}>
 *   <AdminPanel />
 * </AuthGuard>
 * <AuthGuard onSignedOut={(url) => router.replace(url)}>…</AuthGuard>
 */
export function AuthGuard({
  children,
  fallback,
  signedOut,
  signInPath = DEFAULT_SIGN_IN_PATH,
  onSignedOut,
  allow,
  forbidden,
  messages,
}: AuthGuardProps) {
  const text = { ...DEFAULT_MESSAGES, ...messages }
  const { status, user } = useAuth()
  const redirects = status === 'signedOut' && signedOut === undefined

  useEffect(() => {
    if (!redirects) return
    const url = signInUrl(signInPath, window.location.pathname + window.location.search)
    if (onSignedOut) onSignedOut(url)
    else window.location.assign(url)
  }, [redirects, signInPath, onSignedOut])

  // `null` is a slot's value too (show nothing): only a missing slot gets the default.
  if (status === 'loading' || redirects) {
    if (fallback !== undefined) return <>{fallback}</>
    return (
      <p className="gatehouse-guard-status" role="status">
        {text.checkingSession}
      </p>
    )
  }
  if (status === 'signedOut') return <>{signedOut}</>
  if (allow && user && !allow(user)) {
    if (forbidden !== undefined) return <>{forbidden}</>
    return (
      <div className="gatehouse-notice gatehouse-notice-danger" role="alert">
        <p>{text.forbidden}</p>
      </div>
    )
  }
  return <>{children}</>
}
