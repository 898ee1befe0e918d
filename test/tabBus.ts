import { fromCallback } from 'xstate'
import type { PublishEvent, TabSyncEvent } from '../src/core/browserActors'

/** An in-memory stand-in for BroadcastChannel: the machines given one bus behave as tabs of one browser. */
export function createTabBus() {
  const tabs = new Set<(event: TabSyncEvent) => void>()
  return fromCallback(({ sendBack, receive }) => {
    const deliver = (event: TabSyncEvent) => sendBack(event)
    tabs.add(deliver)
    receive((event) => {
      const { message } = event as PublishEvent
      for (const tab of tabs) if (tab !== deliver) queueMicrotask(() => tab({ type: 'auth.synced', message }))
    })
    return () => tabs.delete(deliver)
  })
}
