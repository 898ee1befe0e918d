'use client'
import { useEffect, type ReactNode } from 'react'
import type { User } from '../core/types'
import { useAuth } from '../react/useAuth'

export interface AuthGuardProps {
  children: ReactNode
  /** Shown while the session is being restored. Default: a short status line. */
  fallback?: ReactNode
  /** Shown to signed-out visitors instead of sending them to the login page. */
  signedOut?: ReactNode
  /** The login page signed-out visitors are sent to, with `?next=` the current page. Default `/login`. */
  loginPath?: string
  /** Does the navigation to the login page, e.g. with the app's router. Default: `window.location.assign`. */
  onSignedOut?: (loginUrl: string) => void
  /** Whether this signed-in person may see the children (roles, permissions). Default: everyone signed in. */
  allow?: (user: User) => boolean
  /** Shown to signed-in people `allow` refuses. */
  forbidden?: ReactNode
}

const DEFAULT_FALLBACK = (
  <p className="gatehouse-guard-status" role="status">
    Checking your session…
  </p>
)

const DEFAULT_FORBIDDEN = (
  <div className="gatehouse-notice gatehouse-notice-danger" role="alert">
    <p>You do not have access to this page.</p>
  </div>
)

const loginUrlFor = (loginPath: string) => `${loginPath}?next=${encodeURIComponent(window.location.pathname + window.location.search)}`

/**
 * Shows its children only to signed-in people `allow` accepts. This is a matter of display:
 * protect the data itself on the server (`requireSession`).
 *
 * @example
 * <AuthGuard allow={(user) => user.roles.includes('admin')} forbidden={<h1>Forbidden</h1>}>
 *   <AdminPanel />
 * </AuthGuard>
 * <AuthGuard onSignedOut={(url) => router.replace(url)}>…</AuthGuard>
 */
export function AuthGuard({ children, fallback = DEFAULT_FALLBACK, signedOut, loginPath = '/login', onSignedOut, allow, forbidden = DEFAULT_FORBIDDEN }: AuthGuardProps) {
  const { status, user } = useAuth()
  const redirects = status === 'signedOut' && signedOut === undefined

  useEffect(() => {
    if (!redirects) return
    const loginUrl = loginUrlFor(loginPath)
    if (onSignedOut) onSignedOut(loginUrl)
    else window.location.assign(loginUrl)
  }, [redirects, loginPath, onSignedOut])

  if (status === 'loading' || redirects) return <>{fallback}</>
  if (status === 'signedOut') return <>{signedOut}</>
  if (allow && user && !allow(user)) return <>{forbidden}</>
  return <>{children}</>
}
