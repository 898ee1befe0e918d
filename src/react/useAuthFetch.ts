'use client'
import { useMemo } from 'react'
import { createAuthFetch } from '../core/createAuthFetch'
import { useAuthActor } from './AuthProvider'

/**
 * `fetch` for the app's own routes: a 401 refreshes the session once (shared by concurrent
 * requests) and replays the request once.
 *
 * @example
 * const authFetch = useAuthFetch()
 * const orders = await authFetch('/api/orders').then((response) => response.json())
 */
export function useAuthFetch(): typeof fetch {
  const actorRef = useAuthActor()
  return useMemo(() => createAuthFetch(actorRef), [actorRef])
}
