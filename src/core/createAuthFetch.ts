import { CLIENT_HEADER } from './clientHeader'
import type { AuthActorRef } from './authMachine'
import { waitForSnapshot } from './waitForSnapshot'

/**
 * Waits for the refresh that follows a 401 seen while the session expired at `before`: starts
 * one unless one is running or already done, so concurrent 401s share it. True when the tab is
 * signed in with a newer session afterwards.
 */
async function refreshedSince(actor: AuthActorRef, before: string | null): Promise<boolean> {
  const now = actor.getSnapshot()
  if (now.context.expiresAt === before && !now.matches('refreshing')) actor.send({ type: 'auth.refresh' })
  const settled = await waitForSnapshot(actor, (snapshot) => !snapshot.matches('refreshing'))
  return settled.matches('authenticated') && settled.context.expiresAt !== before
}

/**
 * A `fetch` for the app's own routes that survives an expired access token: a 401 triggers one
 * refresh (shared by every request that sees a 401 meanwhile) and the request is replayed once.
 * Requests to this origin carry `x-gatehouse-client`, which the backend proxy route requires.
 *
 * @example
 * const authFetch = createAuthFetch(actor)
 * const response = await authFetch('/api/orders')
 */
export function createAuthFetch(actor: AuthActorRef, fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    // The backend proxy route refuses unsafe requests without it (CSRF); same-origin calls only.
    if (new URL(request.url).origin === globalThis.location?.origin) request.headers.set(CLIENT_HEADER, '1')
    const replay = request.clone()
    const before = actor.getSnapshot().context.expiresAt
    const response = await fetchImpl(request)
    if (response.status !== 401 || actor.getSnapshot().context.user === null) return response
    return (await refreshedSince(actor, before)) ? fetchImpl(replay) : response
  }
}
