import { fromCallback, type AnyActorRef, type EventObject } from 'xstate'
import type { AuthContext } from './authMachineTypes'

/** What one tab tells the others after signing in, refreshing or signing out: who is signed in now, never a token. */
export type TabMessage = Pick<AuthContext, 'user' | 'expiresAt' | 'refreshable' | 'error'>
export type TabSyncEvent = { type: 'auth.synced'; message: TabMessage }
export type PublishEvent = { type: 'tabs.publish'; message: TabMessage }
export type WakeEvent = { type: 'auth.wake' }

/**
 * Hears the other tabs (as `auth.synced`) and tells them what the machine it is given publishes
 * (its emitted `tabs.publish`), over a BroadcastChannel, which every browser Next.js supports has.
 * A tab never hears its own messages. Outside a browser it does nothing.
 */
export const tabSync = fromCallback<EventObject, AnyActorRef>(({ input: machine, sendBack }) => {
  if (typeof BroadcastChannel !== 'function') return undefined
  // Named for the message shape: tabs still running a build with another shape don't hear these.
  const channel = new BroadcastChannel('gatehouse.session')
  channel.onmessage = ({ data }: MessageEvent<TabMessage>) => sendBack({ type: 'auth.synced', message: data } satisfies TabSyncEvent)
  const published = machine.on('tabs.publish', ({ message }: PublishEvent) => channel.postMessage(message))
  return () => {
    published.unsubscribe()
    channel.close()
  }
})

/**
 * Sends `auth.wake` when the page comes back — shown again, focused, or back online — because a
 * laptop that slept may have outlived its token while no timer ran.
 */
export const wakeWatcher = fromCallback(({ sendBack }) => {
  if (typeof document === 'undefined') return undefined
  const wake = () => {
    if (document.visibilityState !== 'hidden') sendBack({ type: 'auth.wake' } satisfies WakeEvent)
  }
  const signals = [[document, 'visibilitychange'], [window, 'focus'], [window, 'online']] as const
  for (const [target, type] of signals) target.addEventListener(type, wake)
  return () => {
    for (const [target, type] of signals) target.removeEventListener(type, wake)
  }
})
