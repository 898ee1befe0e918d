import type { Observer, Subscription } from 'xstate'

/** What `waitForSnapshot` watches: any running actor (the auth machine, gatehouse/account's flows). */
interface Watchable<Snapshot> {
  getSnapshot(): Snapshot
  subscribe(observer: Observer<Snapshot>): Subscription
}

/**
 * Resolves with the first snapshot, the current one included, that `done` accepts — or with the
 * last one once the actor stops, so nobody waits on an unmounted provider forever.
 */
export function waitForSnapshot<Snapshot extends { status: string }>(
  actor: Watchable<Snapshot>,
  done: (snapshot: Snapshot) => boolean,
): Promise<Snapshot> {
  return new Promise((resolve) => {
    const settled = (snapshot: Snapshot) => snapshot.status !== 'active' || done(snapshot)
    if (settled(actor.getSnapshot())) return resolve(actor.getSnapshot())
    const finish = () => {
      subscription.unsubscribe()
      resolve(actor.getSnapshot())
    }
    const subscription = actor.subscribe({ next: (snapshot) => settled(snapshot) && finish(), complete: finish })
  })
}
