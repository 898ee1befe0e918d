import { fromCallback, type AnyActorRef, type EventObject } from 'xstate'
import type { PublishEvent, TabSyncEvent } from '../src/core/browserActors'

/** An in-memory stand-in for BroadcastChannel: the machines given one bus behave as tabs of one browser. */
export function createTabBus() {
  const tabs = new Set<(event: TabSyncEvent) => void>()
  return fromCallback<EventObject, AnyActorRef>(({ input: machine, sendBack }) => {
    const deliver = (event: TabSyncEvent) => sendBack(event)
    tabs.add(deliver)
    const published = machine.on('tabs.publish', ({ message }: PublishEvent) => {
      for (const tab of tabs) if (tab !== deliver) queueMicrotask(() => tab({ type: 'auth.synced', message }))
    })
    return () => {
      published.unsubscribe()
      tabs.delete(deliver)
    }
  })
}
