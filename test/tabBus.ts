import { fromCallback } from 'xstate'
import { tabMessage, type PublishEvent, type TabSyncEvent } from '../src/core/tabMessage'

/** An in-memory stand-in for BroadcastChannel: the machines given one bus behave as tabs of one browser. */
export function createTabBus() {
  const tabs = new Set<(event: TabSyncEvent) => void>()
  return fromCallback<PublishEvent>(({ receive, sendBack }) => {
    const deliver = (event: TabSyncEvent) => sendBack(event)
    tabs.add(deliver)
    receive(({ message }) => {
      for (const tab of tabs) if (tab !== deliver) queueMicrotask(() => tab({ type: 'auth.synced', message: tabMessage(message) }))
    })
    return () => {
      tabs.delete(deliver)
    }
  })
}
