import type { AuthActorRef } from './authMachine'
import { waitForSnapshot } from './waitForSnapshot'

/**
 * Refreshes the session, or joins the refresh already running, and resolves once it has settled:
 * `true` when the tab is signed in afterwards with a newer session than the one that expired at
 * `since`. A session already newer than that counts as refreshed without another request, so
 * callers that saw the same expired token share one refresh.
 *
 * @example
 * if (!(await refresh(actor))) console.info('still the old session: signed out, or the backend is unreachable')
 */
export async function refresh(actor: AuthActorRef, since = actor.getSnapshot().context.expiresAt): Promise<boolean> {
  // A refresh in flight ignores the event, and a retrying one (degraded) takes it as a cue to retry now.
  if (actor.getSnapshot().context.expiresAt === since) actor.send({ type: 'auth.refresh' })
  const settled = await waitForSnapshot(actor, (snapshot) => !snapshot.hasTag('refreshing'))
  return settled.hasTag('signedIn') && settled.context.expiresAt !== since
}
