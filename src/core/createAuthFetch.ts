import { CLIENT_HEADER } from '../contract/clientHeader'
import type { AuthActorRef } from './authMachine'
import { refresh } from './refresh'

/**
 * A `fetch` for the app's own routes that survives an expired access token: a 401 triggers one
 * refresh (shared by every request that sees a 401 meanwhile) and the request is replayed once.
 * Requests to this origin carry `x-gatehouse-client`, which the backend proxy route requires.
 *
 * @example
 * const authFetch = createAuthFetch(actor)
 * const response = await authFetch('/api/orders')
 */
export function createAuthFetch(actor: AuthActorRef, fetchImpl: typeof fetch = (...args) => fetch(...args)): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    // The backend proxy route refuses every request without it (CSRF); same-origin calls only.
    if (new URL(request.url).origin === globalThis.location?.origin) request.headers.set(CLIENT_HEADER, '1')
    const replay = request.clone()
    // The expiry this request went out with: a refresh that ended since then already renewed it.
    const before = actor.getSnapshot().context.expiresAt
    const response = await fetchImpl(request)
    // Signed out, `refresh` answers false at once: there is nothing to renew.
    return response.status === 401 && (await refresh(actor, before)) ? fetchImpl(replay) : response
  }
}
