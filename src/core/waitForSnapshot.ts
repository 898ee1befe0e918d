import type { AuthActorRef, AuthSnapshot } from './authMachine'

/**
 * Resolves with the first snapshot, the current one included, that `done` accepts — or with the
 * last one once the actor stops, so nobody waits on an unmounted provider forever.
 */
export function waitForSnapshot(actor: AuthActorRef, done: (snapshot: AuthSnapshot) => boolean): Promise<AuthSnapshot> {
  return new Promise((resolve) => {
    const settled = (snapshot: AuthSnapshot) => snapshot.status !== 'active' || done(snapshot)
    if (settled(actor.getSnapshot())) return resolve(actor.getSnapshot())
    const finish = () => {
      subscription.unsubscribe()
      resolve(actor.getSnapshot())
    }
    const subscription = actor.subscribe({ next: (snapshot) => settled(snapshot) && finish(), complete: finish })
  })
}
