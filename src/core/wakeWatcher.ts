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
  const signals = [
    [document, 'visibilitychange'],
    [window, 'focus'],
    [window, 'online'],
  ] as const
  for (const [target, type] of signals) target.addEventListener(type, wake)
  return () => {
    for (const [target, type] of signals) target.removeEventListener(type, wake)
  }
})
