'use client'
import { DEFAULT_SIGN_IN_PATH } from '../contract/signInUrl'
import { useEffect, useState, type ComponentProps } from 'react'
import { useAuth } from '../react/useAuth'
import { joinClassNames } from './joinClassNames'

/**
 * Every text the session notice shows.
 *
 * @example
 * const messages: Partial<SessionNoticeMessages> = { sessionEnded: 'Sitzung beendet.', signInAgain: 'Erneut anmelden' }
 */
export interface SessionNoticeMessages {
  /** While a refresh the network or a 5xx stopped is retried. */
  reconnecting: string
  /** Once the backend has refused the refresh. */
  sessionEnded: string
  /** The link to the sign-in page beside `sessionEnded`. */
  signInAgain: string
  /** Within `warnBeforeMs` of the end of a session that cannot be refreshed. */
  endingSoon: string
}

/**
 * The notice's own props, and any `<div>` attribute but `role` (set per notice) and its content.
 *
 * @example
 * const props: SessionNoticeProps = { warnBeforeMs: 60_000, signInPath: '/sign-in', className: 'sticky' }
 */
export interface SessionNoticeProps extends Omit<ComponentProps<'div'>, 'role' | 'children'> {
  /** How long before a session that cannot be refreshed ends to warn, in ms. Default 2 minutes. */
  warnBeforeMs?: number
  /** The sign-in page the session-ended notice links to. Default `/login`. */
  signInPath?: string
  /** Replaces any of the notice's texts; the rest keep their defaults. */
  messages?: Partial<SessionNoticeMessages>
}

const DEFAULT_MESSAGES: SessionNoticeMessages = {
  reconnecting: 'Reconnecting… Your session is kept while the server is unreachable.',
  sessionEnded: 'Your session has ended.',
  signInAgain: 'Sign in again',
  endingSoon: 'Your session ends in a few minutes. Save your work; you will need to sign in again.',
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
 * `className`, `ref` and other `<div>` attributes reach the notice's element while it shows.
 *
 * @example
 * <SessionNotice warnBeforeMs={60_000} signInPath="/sign-in" />
 * <SessionNotice messages={{ reconnecting: 'Offline: trying again…' }} className="sticky" />
 */
export function SessionNotice({
  warnBeforeMs = 120_000,
  signInPath = DEFAULT_SIGN_IN_PATH,
  messages,
  className,
  ...divProps
}: SessionNoticeProps) {
  const text = { ...DEFAULT_MESSAGES, ...messages }
  const { status, expiresAt, refreshable, sessionEnded, reconnecting } = useAuth()
  const expiringSoon = useExpiringSoon(status === 'signedIn' && !refreshable ? expiresAt : null, warnBeforeMs)

  if (reconnecting) {
    return (
      <div {...divProps} className={joinClassNames('gatehouse-notice gatehouse-notice-warning', className)} role="status">
        <p>{text.reconnecting}</p>
      </div>
    )
  }
  if (sessionEnded) {
    return (
      <div {...divProps} className={joinClassNames('gatehouse-notice gatehouse-notice-danger', className)} role="alert">
        <p>{text.sessionEnded}</p>
        <a className="gatehouse-link" href={signInPath}>
          {text.signInAgain}
        </a>
      </div>
    )
  }
  if (!expiringSoon) return null
  return (
    <div {...divProps} className={joinClassNames('gatehouse-notice', className)} role="status">
      <p>{text.endingSoon}</p>
    </div>
  )
}
