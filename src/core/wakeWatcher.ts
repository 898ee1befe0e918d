import { fromCallback } from 'xstate'

export type WakeEvent = { type: 'auth.wake' }

/**
 * Sends `auth.wake` when the page comes back — shown again, focused, or back online — because a
 * laptop that slept may have outlived its token while no timer ran. Outside a browser it does nothing.
 *
 * @example
 * invoke: { src: wakeWatcher }
 */
export const wakeWatcher = fromCallback(({ sendBack }) => {
  if (typeof document === 'undefined') return undefined
  const wake = () => {
    if (document.visibilityState !== 'hidden') sendBack({ type: 'auth.wake' } satisfies WakeEvent)
  }
  const stop = new AbortController()
  const listening = { signal: stop.signal }
  document.addEventListener('visibilitychange', wake, listening)
  window.addEventListener('focus', wake, listening)
  window.addEventListener('online', wake, listening)
  return () => stop.abort()
})
