import { fromCallback } from 'xstate'
import { openTabChannel, type TabMessage } from './openTabChannel'

export type TabSyncEvent = { type: 'auth.synced'; message: TabMessage }
export type PublishEvent = { type: 'tabs.publish'; message: TabMessage }
export type WakeEvent = { type: 'auth.wake' }

/** Hears the other tabs (as `auth.synced`) and tells them what happened here (`tabs.publish`). */
export const tabSync = fromCallback(({ sendBack, receive }) => {
  const channel = openTabChannel((message) => sendBack({ type: 'auth.synced', message } satisfies TabSyncEvent))
  // Typed as receiving any event, like the other callback actors, so the machine's declared type stays checkable.
  receive((event) => {
    if (event.type === 'tabs.publish') channel.post((event as PublishEvent).message)
  })
  return () => channel.close()
})

/**
 * Sends `auth.wake` when the page comes back — shown again, focused, or back online — because a
 * laptop that slept may have outlived its token while no timer ran.
 */
export const wakeWatcher = fromCallback(({ sendBack }) => {
  if (typeof window === 'undefined') return undefined
  const wake = () => {
    if (document.visibilityState !== 'hidden') sendBack({ type: 'auth.wake' } satisfies WakeEvent)
  }
  document.addEventListener('visibilitychange', wake)
  window.addEventListener('focus', wake)
  window.addEventListener('online', wake)
  return () => {
    document.removeEventListener('visibilitychange', wake)
    window.removeEventListener('focus', wake)
    window.removeEventListener('online', wake)
  }
})
