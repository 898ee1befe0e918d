import { useEffect, useState } from 'react'
import type { AuthError } from '../contract/types'

/**
 * The seconds left before a throttled attempt may be tried again, counted down each second:
 * a number while a `rate_limited` error with `retryAfterSeconds` is waited out (0 once it is
 * over), `null` for any other error or none. `null` too until the page's script runs, so a page
 * rendered on the server keeps its button usable without the script that would count.
 *
 * @example
 * const seconds = useRetryCountdown(error)
 * <button disabled={Boolean(seconds)}>{seconds ? `Try again in ${seconds} seconds` : 'Sign in'}</button>
 */
export function useRetryCountdown(error: AuthError | null): number | null {
  const [seconds, setSeconds] = useState<number | null>(null)
  useEffect(() => {
    const wait = error?.code === 'rate_limited' && error.retryAfterSeconds
    if (!wait) return setSeconds(null)
    // From the clock, not by counting ticks: a background tab runs its timers late.
    const endsAt = Date.now() + wait * 1000
    const tick = () => {
      const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000))
      setSeconds(left)
      if (!left) clearInterval(timer)
    }
    const timer = setInterval(tick, 1000)
    tick()
    return () => clearInterval(timer)
  }, [error])
  return seconds
}
