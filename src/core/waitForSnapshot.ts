import type { ActorRefFrom, SnapshotFrom } from 'xstate'
import type { authMachine } from './authMachine'

type AuthActor = ActorRefFrom<typeof authMachine>
type AuthSnapshot = SnapshotFrom<typeof authMachine>

/** Resolves with the first snapshot, the current one included, that `done` accepts. */
export function waitForSnapshot(actor: AuthActor, done: (snapshot: AuthSnapshot) => boolean): Promise<AuthSnapshot> {
  return new Promise((resolve) => {
    if (done(actor.getSnapshot())) return resolve(actor.getSnapshot())
    const subscription = actor.subscribe((snapshot) => {
      if (!done(snapshot)) return
      subscription.unsubscribe()
      resolve(snapshot)
    })
  })
}
