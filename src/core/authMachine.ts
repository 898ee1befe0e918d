import { assign, setup } from 'xstate'
import { createTransport } from './createTransport'
import { transportActors, type TransportFailure } from './transportActors'
import type { AuthError, Credentials, Session, User } from './types'

export interface AuthContext {
  user: User | null
  /** ISO expiry of the access token; drives the refresh timer. */
  expiresAt: string | null
  /** `false` when the backend gives no refresh token: the timer then waits for the expiry itself. */
  refreshable: boolean
  error: AuthError | null
  refreshMarginMs: number
  /** Whether the server handed over the first session, so hydrating needs no request. */
  serverRendered: boolean
}

export interface AuthMachineInput {
  /**
   * The session the server rendered with. `null` means the server knows nobody is signed in;
   * leaving it out makes the machine ask the session route.
   */
  session?: Session | null
  /** How long before expiry to refresh. Default 30 s, never more than half the remaining lifetime. */
  refreshMarginMs?: number
}

export type AuthEvent =
  | { type: 'auth.login'; credentials: Credentials }
  | { type: 'auth.logout' }
  | { type: 'auth.refresh' }

const SIGNED_OUT = { user: null, expiresAt: null, refreshable: true } as const
const RETRY_DELAY_MS = 5_000
const MIN_REFRESH_DELAY_MS = 1_000

const failureOf = (error: unknown): TransportFailure =>
  (error as TransportFailure | undefined)?.error
    ? (error as TransportFailure)
    : { status: 0, error: { code: 'unexpected_error', message: 'Something went wrong. Please try again.' } }

const sessionContext = (session: Session | null | undefined) =>
  session ? { user: session.user, expiresAt: session.expiresAt, refreshable: session.refreshable !== false, error: null } : { ...SIGNED_OUT, error: null }

/**
 * The browser's picture of the session: hydrating, signed out, signing in, signed in,
 * refreshing, retrying a refresh after a transient failure, signing out.
 *
 * @example
 * const actor = createActor(authMachine, { input: { session: null } }).start()
 * actor.send({ type: 'auth.login', credentials: { email: 'demo@example.com', password: 'demo-password' } })
 */
export const authMachine = setup({
  types: {
    context: {} as AuthContext,
    events: {} as AuthEvent,
    input: {} as AuthMachineInput,
  },
  actors: transportActors(createTransport()),
  guards: {
    serverSignedIn: ({ context }) => context.serverRendered && context.user !== null,
    serverSignedOut: ({ context }) => context.serverRendered && context.user === null,
    sessionRejected: ({ event }) => failureOf((event as { error?: unknown }).error).status === 401,
  },
  actions: {
    storeSession: assign((_, params: { session: Session | null }) => sessionContext(params.session)),
    storeError: assign((_, params: { error: unknown }) => ({ error: failureOf(params.error).error })),
    signOut: assign((_, params: { error: AuthError | null }) => ({ ...SIGNED_OUT, error: params.error })),
  },
  delays: {
    refreshDelay: ({ context }) => {
      const remaining = Date.parse(context.expiresAt ?? '') - Date.now()
      if (!Number.isFinite(remaining)) return MIN_REFRESH_DELAY_MS
      // Nothing to refresh with: asking at expiry ends the session then, with session_expired, not a margin early.
      if (!context.refreshable) return Math.max(MIN_REFRESH_DELAY_MS, remaining)
      return Math.max(MIN_REFRESH_DELAY_MS, remaining - Math.min(context.refreshMarginMs, remaining / 2))
    },
    retryDelay: RETRY_DELAY_MS,
  },
}).createMachine({
  id: 'auth',
  context: ({ input }) => ({
    ...sessionContext(input.session),
    refreshMarginMs: input.refreshMarginMs ?? 30_000,
    serverRendered: input.session !== undefined,
  }),
  initial: 'hydrating',
  states: {
    hydrating: {
      always: [
        { guard: 'serverSignedIn', target: 'authenticated' },
        { guard: 'serverSignedOut', target: 'anonymous' },
      ],
      invoke: {
        id: 'loadSession',
        src: 'loadSession',
        onDone: [
          { guard: ({ event }) => event.output !== null, target: 'authenticated', actions: { type: 'storeSession', params: ({ event }) => ({ session: event.output }) } },
          { target: 'anonymous' },
        ],
        onError: { target: 'anonymous', actions: { type: 'storeError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    anonymous: {
      on: { 'auth.login': 'authenticating' },
    },
    authenticating: {
      entry: assign({ error: null }),
      invoke: {
        id: 'login',
        src: 'login',
        input: ({ event }) => (event as Extract<AuthEvent, { type: 'auth.login' }>).credentials,
        onDone: { target: 'authenticated', actions: { type: 'storeSession', params: ({ event }) => ({ session: event.output }) } },
        onError: { target: 'anonymous', actions: { type: 'storeError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    authenticated: {
      after: { refreshDelay: 'refreshing' },
      on: { 'auth.refresh': 'refreshing', 'auth.logout': 'loggingOut' },
    },
    refreshing: {
      invoke: {
        id: 'refresh',
        src: 'refresh',
        onDone: [
          { guard: ({ event }) => event.output !== null, target: 'authenticated', actions: { type: 'storeSession', params: ({ event }) => ({ session: event.output }) } },
          { target: 'anonymous', actions: { type: 'signOut', params: { error: null } } },
        ],
        onError: [
          { guard: 'sessionRejected', target: 'anonymous', actions: { type: 'signOut', params: ({ event }) => ({ error: failureOf(event.error).error }) } },
          { target: 'degraded', actions: { type: 'storeError', params: ({ event }) => ({ error: event.error }) } },
        ],
      },
      on: { 'auth.logout': 'loggingOut' },
    },
    degraded: {
      after: { retryDelay: 'refreshing' },
      on: { 'auth.refresh': 'refreshing', 'auth.logout': 'loggingOut' },
    },
    loggingOut: {
      invoke: {
        id: 'logout',
        src: 'logout',
        onDone: { target: 'anonymous', actions: { type: 'signOut', params: { error: null } } },
        onError: { target: 'anonymous', actions: { type: 'signOut', params: { error: null } } },
      },
    },
  },
})
