'use client'
import { useLayoutEffect, useRef, type ReactNode } from 'react'

/**
 * What a flow ended with when it signed nobody in ("Check your email…"), in a status region that
 * takes the focus: the form it replaces, and the focus with it, is gone.
 *
 * @example
 * <OutcomePanel message="Your password has been changed." link={<a href="/sign-in">Sign in</a>} />
 */
export function OutcomePanel({ message, link }: { message: string; link?: ReactNode }) {
  const panel = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => panel.current?.focus(), [])
  return (
    <div ref={panel} role="status" tabIndex={-1} className="gatehouse-outcome">
      <p>{message}</p>
      {link}
    </div>
  )
}
