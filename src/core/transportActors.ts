import { fromPromise } from 'xstate'
import type { Transport, TransportResult } from './createTransport'
import type { AuthError, Credentials, Session } from './types'

/** Thrown by the transport actors so the machine sees both the status and the shared error shape. */
export interface TransportFailure {
  status: number
  error: AuthError
}

const settle = async (pending: Promise<TransportResult>): Promise<Session | null> => {
  const result = await pending
  if (result.ok) return result.session
  throw { status: result.status, error: result.error } satisfies TransportFailure
}

/**
 * The machine's effects, one named `fromPromise` actor per proxy route.
 *
 * @example
 * const machine = authMachine.provide({ actors: transportActors(createTransport({ basePath: '/auth' })) })
 */
export function transportActors(transport: Transport) {
  return {
    loadSession: fromPromise<Session | null>(() => settle(transport.session())),
    login: fromPromise<Session | null, Credentials>(({ input }) => settle(transport.login(input))),
    refresh: fromPromise<Session | null>(() => settle(transport.refresh())),
    logout: fromPromise<Session | null>(() => settle(transport.logout())),
  }
}
