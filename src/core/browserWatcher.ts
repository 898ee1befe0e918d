import { fromCallback } from 'xstate'
import { tabMessage, type PublishEvent, type TabMessage, type TabSyncEvent } from './tabMessage'

export type BrowserEvent = TabSyncEvent | { type: 'auth.wake' } | { type: 'auth.active' }

/** Input that only a person makes: a background refresh, a timer or a script makes none of these. */
const ACTIVITY = ['pointerdown', 'keydown', 'wheel'] as const

/**
 * What the machine hears from the browser around it, and what it tells the other tabs:
 * - `auth.synced`: another tab signed in, refreshed or signed out. The machine's `tabs.publish`
 *   goes to the others over a BroadcastChannel, which every browser Next.js supports has; only
 *   the fields of a `TabMessage` cross, either way, and a tab never hears its own messages.
 * - `auth.wake`: the page came back (shown again, focused, or back online), because a laptop that
 *   slept may have outlived its token while no timer ran.
 * - `auth.active`: the person used the page, which is what keeps a session with an idle timeout.
 *
 * Outside a browser it does nothing.
 *
 * @example
 * invoke: { id: 'browserWatcher', src: browserWatcher }
 */
export const browserWatcher = fromCallback<PublishEvent>(({ receive, sendBack }) => {
  if (typeof document === 'undefined') return undefined
  const send = (event: BrowserEvent) => sendBack(event)
  // Named for the message shape: tabs still running a build with another shape don't hear these.
  const channel = new BroadcastChannel('gatehouse.session')
  channel.onmessage = ({ data }: MessageEvent<TabMessage>) => send({ type: 'auth.synced', message: tabMessage(data) })
  receive(({ message }) => channel.postMessage(tabMessage(message)))
  const wake = () => {
    if (document.visibilityState !== 'hidden') send({ type: 'auth.wake' })
  }
  const stop = new AbortController()
  const listening = { signal: stop.signal }
  document.addEventListener('visibilitychange', wake, listening)
  window.addEventListener('focus', wake, listening)
  window.addEventListener('online', wake, listening)
  // Captured, so a handler that stops the event's propagation does not hide the person's activity.
  for (const type of ACTIVITY) document.addEventListener(type, () => send({ type: 'auth.active' }), { ...listening, capture: true })
  return () => {
    stop.abort()
    channel.close()
  }
})
