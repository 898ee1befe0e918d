import { assign, createMachine, emit, type ActorRefFrom, type DoneActorEvent, type ErrorActorEvent } from 'xstate'
import type { AuthContext, AuthEvent, AuthMachineTypes } from './authMachineTypes'
import { tabSync, wakeWatcher, type TabMessage, type TabSyncEvent } from './browserActors'
import { DEFAULT_REFRESH_TIMING, MIN_REFRESH_DELAY_MS, refreshDelay, retryDelay, type RefreshTiming } from './refreshTiming'
import { transportActors, type TransportFailure } from './transportActors'
import type { AuthError, Session } from './types'

const SESSION_ENDED: AuthError = { code: 'session_expired', message: 'Your session has ended. Please sign in again.' }

const sessionContext = (session: Session | null, error: AuthError | null = null) => ({
  user: session?.user ?? null,
  expiresAt: session?.expiresAt ?? null,
  refreshable: session?.refreshable !== false,
  error,
  retries: 0,
})

// The invoked actors' done and error events are not part of `AuthEvent`; these read them.
const outputOf = (event: AuthEvent) => (event as unknown as DoneActorEvent<Session | null>).output
const failureOf = (event: AuthEvent): TransportFailure => {
  const { error } = event as unknown as ErrorActorEvent<Partial<TransportFailure> | undefined>
  return error?.error ? (error as TransportFailure) : { status: 0, error: { code: 'unexpected_error', message: 'Something went wrong. Please try again.' } }
}
/** Only what tabs tell each other, whatever else the context or a message holds. */
const tabMessage = ({ user, expiresAt, refreshable, error }: TabMessage): TabMessage => ({ user, expiresAt, refreshable, error })
const messageOf = (event: AuthEvent) => tabMessage((event as TabSyncEvent).message)

/** A session that cannot be refreshed is kept to its very end: no margin. */
const timingOf = (context: AuthContext): RefreshTiming => (context.refreshable ? context.timing : { ...context.timing, marginMs: 0 })

/** Another tab signed in, refreshed or signed out: take its word, without a request. */
const followOtherTab = [
  { guard: 'signedInElsewhere', target: '#auth.authenticated', reenter: true, actions: 'adoptTabMessage' },
  { target: '#auth.anonymous', actions: 'adoptTabMessage' },
] as const
const signedIn = { target: '#auth.authenticated', actions: ['storeSession', 'publish'] } as const
const sessionEnded = { target: '#auth.anonymous', actions: ['endSession', 'publish'] } as const
/** The person signed out in this tab, whatever the server said: tell the others. */
const signedOutHere = { target: '#auth.anonymous', actions: ['signOut', 'publish'] } as const
const failed = (target: 'anonymous' | 'degraded') => ({ target, actions: 'storeFailure' }) as const

/**
 * The browser's picture of the session: hydrating, signed out, signing in, signed in,
 * refreshing, retrying a refresh after a transient failure, signing out. Tabs of one browser
 * share sign-in, refresh and sign-out through the `tabSync` actor.
 *
 * @example
 * const actor = createActor(authMachine, { input: { session: null } }).start()
 * actor.send({ type: 'auth.login', credentials: { email: 'demo@example.com', password: 'demo-password' } })
 */
export const authMachine = createMachine({
  types: {} as AuthMachineTypes,
  id: 'auth',
  context: ({ input }) => ({
    ...sessionContext(input.session ?? null),
    serverRendered: input.session !== undefined,
    timing: { ...DEFAULT_REFRESH_TIMING, ...input.timing },
    lockTimeoutMs: input.lockTimeoutMs ?? 10_000,
  }),
  invoke: [
    { id: 'tabSync', src: 'tabSync', input: ({ self }) => self },
    { id: 'wakeWatcher', src: 'wakeWatcher' },
  ],
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
        onDone: [{ guard: 'hasSession', target: 'authenticated', actions: 'storeSession' }, { target: 'anonymous' }],
        onError: failed('anonymous'),
      },
      on: { 'auth.synced': followOtherTab },
    },
    anonymous: {
      on: {
        'auth.login': 'authenticating',
        'auth.synced': { guard: 'signedInElsewhere', target: 'authenticated', actions: 'adoptTabMessage' },
      },
    },
    authenticating: {
      entry: assign({ error: null }),
      invoke: {
        id: 'login',
        src: 'login',
        input: ({ event }) => (event as Extract<AuthEvent, { type: 'auth.login' }>).credentials,
        onDone: signedIn,
        onError: failed('anonymous'),
      },
    },
    authenticated: {
      after: { refreshDelay: 'refreshing' },
      on: {
        'auth.refresh': 'refreshing',
        'auth.wake': { guard: 'refreshDue', target: 'refreshing' },
        'auth.logout': 'loggingOut',
        'auth.synced': followOtherTab,
      },
    },
    refreshing: {
      invoke: {
        id: 'refresh',
        src: 'refresh',
        input: ({ context }) => ({ knownExpiresAt: context.expiresAt, lockTimeoutMs: context.lockTimeoutMs }),
        onDone: [{ guard: 'hasSession', ...signedIn }, sessionEnded],
        onError: [{ guard: 'sessionRejected', ...sessionEnded }, failed('degraded')],
      },
      on: { 'auth.logout': 'loggingOut', 'auth.synced': followOtherTab },
    },
    degraded: {
      after: { retryDelay: 'refreshing' },
      on: { 'auth.refresh': 'refreshing', 'auth.wake': 'refreshing', 'auth.logout': 'loggingOut', 'auth.synced': followOtherTab },
    },
    loggingOut: {
      invoke: { id: 'logout', src: 'logout', onDone: signedOutHere, onError: signedOutHere },
    },
  },
}, {
  // Implementations given here rather than through setup(), whose result holds every action creator
  // XState has, which no bundler can then drop: 0.8 kB gzipped of the core's 15 kB budget.
  actors: { ...transportActors(), tabSync, wakeWatcher },
  guards: {
    serverSignedIn: ({ context }) => context.serverRendered && context.user !== null,
    serverSignedOut: ({ context }) => context.serverRendered && context.user === null,
    hasSession: ({ event }) => outputOf(event) !== null,
    sessionRejected: ({ event }) => failureOf(event).status === 401,
    // After a sleep the timer may have fired late or not at all: due once only the floor is left.
    refreshDue: ({ context }) => refreshDelay(context.expiresAt, timingOf(context)) <= MIN_REFRESH_DELAY_MS,
    signedInElsewhere: ({ event }) => messageOf(event).user !== null,
  },
  actions: {
    storeSession: assign(({ event }) => sessionContext(outputOf(event))),
    storeFailure: assign(({ context, event }) => ({ error: failureOf(event).error, retries: context.retries + 1 })),
    signOut: assign(sessionContext(null)),
    endSession: assign(sessionContext(null, SESSION_ENDED)),
    adoptTabMessage: assign(({ event }) => ({ ...messageOf(event), retries: 0 })),
    // After storeSession, signOut or endSession: the tabSync actor passes it on to the other tabs.
    publish: emit(({ context }) => ({ type: 'tabs.publish' as const, message: tabMessage(context) })),
  },
  delays: {
    refreshDelay: ({ context }) => refreshDelay(context.expiresAt, timingOf(context)),
    retryDelay: ({ context }) => retryDelay(context.retries - 1, context.timing),
  },
})

/** A running auth machine, as `createActor(authMachine)` returns it. */
export type AuthActorRef = ActorRefFrom<typeof authMachine>
