import type { AuthActorRef } from './authMachine'
import { waitForSnapshot } from './waitForSnapshot'

/**
 * Signs out through the running machine and resolves once the cookies are cleared. The tab is
 * signed out even when the server cannot be reached, and the other tabs follow.
 *
 * @example
 * await signOut(actor)
 * location.assign('/')
 */
export async function signOut(actor: AuthActorRef): Promise<void> {
  actor.send({ type: 'auth.signOut' })
  await waitForSnapshot(actor, (snapshot) => !snapshot.hasTag('pending'))
}
