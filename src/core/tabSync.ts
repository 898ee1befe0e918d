import { fromCallback } from 'xstate'
import type { AuthError, User } from '../contract/types'

/** What one tab tells the others after signing in, refreshing or signing out: who is signed in now, never a token. */
export interface TabMessage {
  user: User | null
  expiresAt: string | null
  refreshable: boolean
  error: AuthError | null
}

export type TabSyncEvent = { type: 'auth.synced'; message: TabMessage }
export type PublishEvent = { type: 'tabs.publish'; message: TabMessage }

/** Only what tabs tell each other, whatever else the sender's context or a message holds. */
export const tabMessage = ({ user, expiresAt, refreshable, error }: TabMessage): TabMessage => ({ user, expiresAt, refreshable, error })

/**
 * Tells the other tabs what the machine sends it (`tabs.publish`) and hears theirs (as
 * `auth.synced`), over a BroadcastChannel, which every browser Next.js supports has. Only the
 * fields of a `TabMessage` cross, either way. A tab never hears its own messages. Outside a
 * browser it does nothing.
 *
 * @example
 * invoke: { id: 'tabSync', src: tabSync }
 */
export const tabSync = fromCallback<PublishEvent>(({ receive, sendBack }) => {
  if (typeof BroadcastChannel !== 'function') return undefined
  // Named for the message shape: tabs still running a build with another shape don't hear these.
  const channel = new BroadcastChannel('gatehouse.session')
  channel.onmessage = ({ data }: MessageEvent<TabMessage>) => {
    sendBack({ type: 'auth.synced', message: tabMessage(data) } satisfies TabSyncEvent)
  }
  receive(({ message }) => channel.postMessage(tabMessage(message)))
  return () => channel.close()
})
