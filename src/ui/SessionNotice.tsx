'use client'
import { useEffect, useState } from 'react'
import { useAuth } from '../react/useAuth'

export interface SessionNoticeTexts {
  reconnecting: string
  expired: string
  signInAgain: string
  expiring: string
}

export interface SessionNoticeProps {
  /** How long before a session that cannot be refreshed ends to warn, in ms. Default 2 minutes. */
  warnBeforeMs?: number
  /** The login page the expired notice links to. Default `/login`. */
  loginPath?: string
  texts?: Partial<SessionNoticeTexts>
}

const DEFAULT_TEXTS: SessionNoticeTexts = {
  reconnecting: 'Reconnecting… Your session is kept while the server is unreachable.',
  expired: 'Your session has ended.',
  signInAgain: 'Sign in again',
  expiring: 'Your session ends in a few minutes. Save your work; you will need to sign in again.',
}

/** Whether `expiresAt` is within `warnBeforeMs`; re-renders when it comes within. */
function useExpiringSoon(expiresAt: string | null, warnBeforeMs: number): boolean {
  const [, rerender] = useState(0)
  const warnInMs = expiresAt ? Date.parse(expiresAt) - warnBeforeMs - Date.now() : Infinity
  useEffect(() => {
    if (!Number.isFinite(warnInMs) || warnInMs <= 0) return
    const timer = setTimeout(() => rerender((count) => count + 1), warnInMs)
    return () => clearTimeout(timer)
  }, [warnInMs])
  return warnInMs <= 0
}

/**
 * Tells the person what is happening to their session: reconnecting while a refresh is
 * retried, ended when the backend rejected it, about to end when the backend gave no refresh
 * token (a session that can be refreshed is renewed silently, so there is nothing to say).
 * Renders nothing otherwise.
 *
 * @example
 * <SessionNotice warnBeforeMs={60_000} loginPath="/sign-in" />
 */
export function SessionNotice({ warnBeforeMs = 120_000, loginPath = '/login', texts }: SessionNoticeProps) {
  const text = { ...DEFAULT_TEXTS, ...texts }
  const { status, expiresAt, refreshable, sessionEnded, reconnecting } = useAuth()
  const expiringSoon = useExpiringSoon(status === 'signedIn' && !refreshable ? expiresAt : null, warnBeforeMs)

  if (reconnecting) {
    return (
      <div className="gatehouse-notice gatehouse-notice-warning" role="status">
        <p>{text.reconnecting}</p>
      </div>
    )
  }
  if (sessionEnded) {
    return (
      <div className="gatehouse-notice gatehouse-notice-danger" role="alert">
        <p>{text.expired}</p>
        <a className="gatehouse-link" href={loginPath}>
          {text.signInAgain}
        </a>
      </div>
    )
  }
  if (!expiringSoon) return null
  return (
    <div className="gatehouse-notice" role="status">
      <p>{text.expiring}</p>
    </div>
  )
}
