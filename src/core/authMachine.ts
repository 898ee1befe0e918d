import { assign, sendTo, setup } from 'xstate'
import type { AuthContext, AuthEvent, AuthMachineInput } from './authMachineTypes'
import { tabSync, wakeWatcher, type TabSyncEvent } from './browserActors'
import { createTransport } from './createTransport'
import type { TabMessage } from './openTabChannel'
import { DEFAULT_REFRESH_TIMING, refreshDelay, refreshDue, retryDelay, type RefreshTiming } from './refreshTiming'
import { transportActors, type TransportFailure } from './transportActors'
import type { AuthError, Session } from './types'

const SIGNED_OUT = { user: null, expiresAt: null, refreshable: true } as const
const SESSION_ENDED: AuthError = { code: 'session_expired', message: 'Your session has ended. Please sign in again.' }

const failureOf = (error: unknown): TransportFailure =>
  (error as TransportFailure | undefined)?.error
    ? (error as TransportFailure)
    : { status: 0, error: { code: 'unexpected_error', message: 'Something went wrong. Please try again.' } }

const sessionContext = (session: Session | null | undefined) =>
  session
    ? { user: session.user, expiresAt: session.expiresAt, refreshable: session.refreshable !== false, error: null, retries: 0 }
    : { ...SIGNED_OUT, error: null, retries: 0 }

const messageOf = (event: AuthEvent) => (event as TabSyncEvent).message

/** A session that cannot be refreshed is kept to its very end: no margin. */
const timingOf = (context: AuthContext): RefreshTiming => (context.refreshable ? context.timing : { ...context.timing, marginMs: 0 })

const authSetup = setup({
  types: { context: {} as AuthContext, events: {} as AuthEvent, input: {} as AuthMachineInput },
  actors: { ...transportActors(createTransport()), tabSync, wakeWatcher },
  guards: {
    serverSignedIn: ({ context }) => context.serverRendered && context.user !== null,
    serverSignedOut: ({ context }) => context.serverRendered && context.user === null,
    hasSession: (_, params: { session: Session | null }) => params.session !== null,
    sessionRejected: (_, params: { error: unknown }) => failureOf(params.error).status === 401,
    refreshDue: ({ context }) => refreshDue(context.expiresAt, timingOf(context)),
    signedInElsewhere: ({ event }) => messageOf(event).kind === 'session',
  },
  actions: {
    storeSession: assign((_, params: { session: Session | null }) => sessionContext(params.session)),
    storeFailure: assign(({ context }, params: { error: unknown }) => ({ error: failureOf(params.error).error, retries: context.retries + 1 })),
    signOut: assign((_, params: { error: AuthError | null }) => ({ ...SIGNED_OUT, error: params.error, retries: 0 })),
    adoptTabMessage: assign(({ event }) => {
      const message = messageOf(event)
      return message.kind === 'session' ? sessionContext(message.session) : { ...SIGNED_OUT, error: message.expired ? SESSION_ENDED : null, retries: 0 }
    }),
    publish: sendTo('tabSync', (_, params: { message: TabMessage }) => ({ type: 'tabs.publish' as const, message: params.message })),
  },
  delays: {
    refreshDelay: ({ context }) => refreshDelay(context.expiresAt, timingOf(context)),
    retryDelay: ({ context }) => retryDelay(context.retries - 1, context.timing),
  },
})

/** Another tab signed in, refreshed or signed out: take its word, without a request. */
const followOtherTab = [
  { guard: 'signedInElsewhere', target: '#auth.authenticated', reenter: true, actions: 'adoptTabMessage' },
  { target: '#auth.anonymous', actions: 'adoptTabMessage' },
] as const

/** The person signed out in this tab, whatever the server said: tell the others. */
const signedOutHere = {
  target: 'anonymous',
  actions: [
    { type: 'signOut', params: { error: null } },
    { type: 'publish', params: { message: { kind: 'signedOut', expired: false } } },
  ],
} as const

/**
 * The browser's picture of the session: hydrating, signed out, signing in, signed in,
 * refreshing, retrying a refresh after a transient failure, signing out. Tabs of one browser
 * share sign-in, refresh and sign-out through the `tabSync` actor.
 *
 * @example
 * const actor = createActor(authMachine, { input: { session: null } }).start()
 * actor.send({ type: 'auth.login', credentials: { email: 'demo@example.com', password: 'demo-password' } })
 */
export const authMachine = authSetup.createMachine({
  id: 'auth',
  context: ({ input }) => ({
    ...sessionContext(input.session),
    serverRendered: input.session !== undefined,
    timing: { ...DEFAULT_REFRESH_TIMING, ...input.timing },
    lockTimeoutMs: input.lockTimeoutMs ?? 10_000,
  }),
  invoke: { id: 'tabSync', src: 'tabSync' },
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
          { guard: { type: 'hasSession', params: ({ event }) => ({ session: event.output }) }, target: 'authenticated', actions: { type: 'storeSession', params: ({ event }) => ({ session: event.output }) } },
          { target: 'anonymous' },
        ],
        onError: { target: 'anonymous', actions: { type: 'storeFailure', params: ({ event }) => ({ error: event.error }) } },
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
        onDone: {
          target: 'authenticated',
          actions: [
            { type: 'storeSession', params: ({ event }) => ({ session: event.output }) },
            { type: 'publish', params: ({ event }) => ({ message: { kind: 'session', session: event.output! } }) },
          ],
        },
        onError: { target: 'anonymous', actions: { type: 'storeFailure', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    authenticated: {
      invoke: { id: 'wakeWatcher', src: 'wakeWatcher' },
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
        onDone: [
          {
            guard: { type: 'hasSession', params: ({ event }) => ({ session: event.output }) },
            target: 'authenticated',
            actions: [
              { type: 'storeSession', params: ({ event }) => ({ session: event.output }) },
              { type: 'publish', params: ({ event }) => ({ message: { kind: 'session', session: event.output! } }) },
            ],
          },
          { target: 'anonymous', actions: [{ type: 'signOut', params: { error: SESSION_ENDED } }, { type: 'publish', params: { message: { kind: 'signedOut', expired: true } } }] },
        ],
        onError: [
          {
            guard: { type: 'sessionRejected', params: ({ event }) => ({ error: event.error }) },
            target: 'anonymous',
            actions: [{ type: 'signOut', params: ({ event }) => ({ error: failureOf(event.error).error }) }, { type: 'publish', params: { message: { kind: 'signedOut', expired: true } } }],
          },
          { target: 'degraded', actions: { type: 'storeFailure', params: ({ event }) => ({ error: event.error }) } },
        ],
      },
      on: { 'auth.logout': 'loggingOut', 'auth.synced': followOtherTab },
    },
    degraded: {
      invoke: { id: 'wakeWatcher', src: 'wakeWatcher' },
      after: { retryDelay: 'refreshing' },
      on: { 'auth.refresh': 'refreshing', 'auth.wake': 'refreshing', 'auth.logout': 'loggingOut', 'auth.synced': followOtherTab },
    },
    loggingOut: {
      invoke: {
        id: 'logout',
        src: 'logout',
        onDone: signedOutHere,
        onError: signedOutHere,
      },
    },
  },
})
