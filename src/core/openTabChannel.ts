import type { Session } from './types'

/** What one tab tells the others: events and who is signed in, never a token. */
export type TabMessage = { kind: 'session'; session: Session } | { kind: 'signedOut'; expired: boolean }

export interface TabChannel {
  post(message: TabMessage): void
  close(): void
}

const NAME = 'gatehouse'

/**
 * A channel to the app's other tabs: BroadcastChannel, else `storage` events, else nothing
 * (outside a browser). A tab never hears its own messages.
 */
export function openTabChannel(onMessage: (message: TabMessage) => void): TabChannel {
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(NAME)
    channel.onmessage = (event: MessageEvent<TabMessage>) => onMessage(event.data)
    return { post: (message) => channel.postMessage(message), close: () => channel.close() }
  }
  if (typeof window !== 'undefined' && typeof localStorage !== 'undefined') {
    const listener = (event: StorageEvent) => {
      if (event.key === NAME && event.newValue) onMessage((JSON.parse(event.newValue) as { message: TabMessage }).message)
    }
    window.addEventListener('storage', listener)
    return {
      // A unique stamp makes every message a change, so repeated messages still fire `storage`.
      post: (message) => localStorage.setItem(NAME, JSON.stringify({ message, stamp: `${Date.now()}-${Math.random()}` })),
      close: () => window.removeEventListener('storage', listener),
    }
  }
  return { post: () => {}, close: () => {} }
}
