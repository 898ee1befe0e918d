import { assign, sendTo, setup, type ActorRefFrom, type SnapshotFrom } from 'xstate'
import type { ErrorCode } from '../contract/errorCatalogue'
import { internal_error, session_expired } from '../contract/errorMessages'
import type { AuthError, Credentials, SecondFactorCode, Session, User } from '../contract/types'
import { DEFAULT_REFRESH_TIMING, MIN_REFRESH_DELAY_MS, refreshDelay, retryDelay, type RefreshTiming } from './refreshTiming'
import type { TabMessage, TabSyncEvent } from './tabMessage'
import { transportActors, type TransportFailure } from './transportActors'
import { browserWatcher, type BrowserEvent } from './browserWatcher'

/** What the machine knows: what it tells the other tabs, and what it keeps to itself. */
export interface AuthContext extends TabMessage {
  /** Whether the server handed over the first session, so hydrating needs no request. */
  serverRendered: boolean
  /** Failed refresh attempts in a row, for the backoff. */
  retries: number
  /** The session came from another tab: this tab refreshes after the one that refreshed it (see `refreshDelay`). */
  follows: boolean
  /** When the person last used the page (`Date.now()`): what a refresh reports to the idle timeout. */
  activeAt: number
  /** The `activeAt` the server was last told, by a sign-in or a refresh. */
  reportedAt: number
  /** The input's `timing` over the defaults, complete. */
  timing: RefreshTiming
}

/** What `createActor(authMachine, { input })` takes; every field may be left out. */
export interface AuthMachineInput {
  /**
   * The session the server rendered with. `null` means the server knows nobody is signed in;
   * leaving it out makes the machine ask the session route.
   */
  session?: Session | null
  /** Refresh margin and retry backoff. Default: 30 s before expiry; retries from 1 s doubling to 10 s. */
  timing?: Partial<RefreshTiming>
}

/**
 * What the machine can be sent. Callers send the `auth.*` events below (or use `signIn`, `signOut`,
 * `refresh` and `submitSecondFactor`, which wait for the answer); the machine's own
 * `browserWatcher` sends the rest. The account flows run beside it (gatehouse/account's
 * `accountFlowMachine`), which sends `auth.signedIn` when one signs the person in.
 */
export type AuthEvent =
  | {
      /** Sign in with `credentials`; ignored unless signed out. */
      type: 'auth.signIn'
      /** What the person typed: it goes to the sign-in route and never into the context. */
      credentials: Credentials
    }
  | {
      /** Sign out, here and in every other tab, whatever the server answers. */
      type: 'auth.signOut'
    }
  | {
      /** Refresh now rather than at the scheduled time, e.g. after the backend refused the access token. */
      type: 'auth.refresh'
    }
  | {
      /**
       * Finish a sign-in that answered `second_factor_required`: taken while one waits (tag `secondFactor`), and when
       * signed out, since a sign-in posted before the script ran leaves its challenge in the cookie of a signed-out page.
       */
      type: 'auth.submitSecondFactor'
      /** The authenticator app's code, or a recovery code. */
      code: SecondFactorCode
    }
  | {
      /** Give up a sign-in waiting for its second factor: signed out, with no error. */
      type: 'auth.cancelSecondFactor'
    }
  | {
      /** A session another part of the page started (an account flow that signed the person in): signed in, and the other tabs told. */
      type: 'auth.signedIn'
      /** The route's answer. */
      session: Session
    }
  | BrowserEvent

/**
 * What views read instead of state names (`snapshot.hasTag('pending')`), so the states can change
 * without them: `loading` (nobody knows yet who is signed in), `signedIn` (someone is, refreshing
 * or signing out included), `pending` (a sign-in, a second factor or a sign-out is in flight), `refreshing`,
 * `reconnecting` (a refresh failed for a transient reason and is retried; the session is kept),
 * `busy` (a request is in flight whose answer may change the cookies), `secondFactor` (a sign-in
 * waits for its second factor, still signed out).
 */
export type AuthTag = 'loading' | 'signedIn' | 'pending' | 'refreshing' | 'reconnecting' | 'busy' | 'secondFactor'

const SESSION_ENDED: AuthError = { code: 'session_expired', message: session_expired }

const sessionContext = (session: Session | null, error: AuthError | null = null) => ({
  user: session?.user ?? null,
  expiresAt: session?.expiresAt ?? null,
  idleEndsAt: session?.idleEndsAt ?? null,
  refreshable: session?.refreshable !== false,
  error,
  retries: 0,
  follows: false,
})

/** An effect that failed some other way than through the transport (a bug, say) still leaves the shared error shape. */
const failureOf = (error: unknown): TransportFailure =>
  (error as Partial<TransportFailure> | null)?.error
    ? (error as TransportFailure)
    : { status: 0, error: { code: 'internal_error', message: internal_error } }

/** How much of the refresh margin this tab keeps (see `refreshDelay`). */
const marginShare = (context: AuthContext) => (context.refreshable ? (context.follows ? 0.5 : 1) : 0)
const activeSinceReport = (context: AuthContext) => context.activeAt > context.reportedAt

/**
 * The next refresh: before the access token expires, and before the idle timeout ends when the
 * person acted since the server last heard (so it hears in time). Without such activity the
 * refresh waits for the idle end itself, where the server ends the session.
 */
const nextRefreshDelay = (context: AuthContext) =>
  Math.min(
    refreshDelay(context.expiresAt, context.timing, marginShare(context)),
    context.idleEndsAt ? refreshDelay(context.idleEndsAt, context.timing, activeSinceReport(context) ? marginShare(context) : 0) : Infinity,
  )

const authSetup = setup({
  types: {} as {
    context: AuthContext
    events: AuthEvent
    input: AuthMachineInput
    tags: AuthTag
    // Each invoked actor's id is its source's name: the children are typed by id, with no catch-all.
    children: {
      loadSession: 'loadSession'
      signIn: 'signIn'
      refresh: 'refresh'
      signOut: 'signOut'
      secondFactor: 'secondFactor'
      browserWatcher: 'browserWatcher'
    }
  },
  actors: { ...transportActors(), browserWatcher },
  guards: {
    // A session route answers a session or `{ user: null }`.
    hasSession: (_, answer: { user: User | null } | null) => !!answer?.user,
    failedWith: (_, { failure, code }: { failure: TransportFailure; code: ErrorCode }) => failure.error.code === code,
    sessionRejected: (_, failure: TransportFailure) => failure.status === 401,
    // After a sleep the timer may have fired late or not at all: due once only the floor is left.
    refreshDue: ({ context }) => nextRefreshDelay(context) <= MIN_REFRESH_DELAY_MS,
    // The server has heard of all the person's activity so far.
    allReported: ({ context }) => !activeSinceReport(context),
    signedInElsewhere: (_, message: TabMessage) => message.user !== null,
  },
  actions: {
    // A sign-in or a refresh (with `inactiveMs`) has told the server of the activity so far; a
    // session read takes the page load as told.
    storeSession: assign(({ context }, session: Session | null) => ({ ...sessionContext(session), reportedAt: context.activeAt })),
    storeFailure: assign(({ context }, failure: TransportFailure) => ({ error: failure.error, retries: context.retries + 1 })),
    clearError: assign({ error: null }),
    forgetSession: assign(sessionContext(null)),
    endSession: assign(sessionContext(null, SESSION_ENDED)),
    adoptTabMessage: assign((_, message: TabMessage) => ({ ...message, retries: 0, follows: true })),
    noteActivity: assign({ activeAt: () => Date.now() }),
    // After storeSession, forgetSession or endSession: browserWatcher passes on to the other tabs only a TabMessage's fields.
    publish: sendTo('browserWatcher', ({ context }) => ({ type: 'tabs.publish' as const, message: context })),
  },
  delays: {
    refreshDelay: ({ context }) => nextRefreshDelay(context),
    retryDelay: ({ context }) => retryDelay(context.retries - 1, context.timing),
  },
})

// Guards and actions that read an event's payload take it as their params, typed where the event is known.
const messageOf = ({ event }: { event: TabSyncEvent }) => event.message
const outputOf = ({ event }: { event: { output: Session | null } }) => event.output
const failureOfEvent = ({ event }: { event: { error: unknown } }) => failureOf(event.error)
const failedWith = (code: ErrorCode) =>
  ({ type: 'failedWith', params: ({ event }: { event: { error: unknown } }) => ({ failure: failureOf(event.error), code }) }) as const
const hasSession = { type: 'hasSession', params: outputOf } as const
const storeSession = { type: 'storeSession', params: outputOf } as const
const sessionRejected = { type: 'sessionRejected', params: failureOfEvent } as const
const storeFailure = { type: 'storeFailure', params: failureOfEvent } as const
const signedInElsewhere = { type: 'signedInElsewhere', params: messageOf } as const
const adoptTabMessage = { type: 'adoptTabMessage', params: messageOf } as const

/** Another tab signed in, refreshed or signed out: take its word, without a request. */
const followOtherTab = [
  { guard: signedInElsewhere, target: 'signedIn', reenter: true, actions: adoptTabMessage },
  { target: 'signedOut', actions: adoptTabMessage },
] as const
const signedIn = { target: 'signedIn', actions: [storeSession, 'publish'] } as const
const sessionEnded = { target: 'signedOut', actions: ['endSession', 'publish'] } as const
/** The person signed out in this tab, whatever the server said: tell the others. */
const signedOutHere = { target: 'signedOut', actions: ['forgetSession', 'publish'] } as const
const failed = (target: 'signedOut' | 'degraded' | 'secondFactor') => ({ target, actions: storeFailure }) as const

/** How a second-factor answer fails: only an expired challenge needs the password again; a wrong code, throttling or the network may be retried. */
const secondFactorFailed = [{ guard: failedWith('challenge_expired'), ...failed('signedOut') }, failed('secondFactor')] as const

/** A session another part of the page started (`auth.signedIn`): kept as a sign-in's, and told to the other tabs. */
const signedInBeside = {
  target: 'signedIn',
  reenter: true,
  actions: [{ type: 'storeSession', params: ({ event }: { event: { session: Session } }) => event.session }, 'publish'],
} as const

/**
 * The browser's picture of the session: hydrating, signed out, signing in (and waiting for, then
 * verifying, a second factor), signed in, refreshing, retrying a refresh after a transient
 * failure (degraded), signing out. The account flows (gatehouse/account) run beside it and hand
 * it the session they sign in with (`auth.signedIn`). Tabs of one
 * browser share sign-in, refresh and sign-out through the `browserWatcher` actor. Views read its tags
 * (`AuthTag`), not its state names.
 *
 * @example
 * const actor = createActor(authMachine, { input: { session: null } }).start()
 * actor.send({ type: 'auth.signIn', credentials: { email: 'demo@example.com', password: 'demo-password' } })
 */
export const authMachine = authSetup.createMachine({
  id: 'auth',
  context: ({ input }) => ({
    ...sessionContext(input.session ?? null),
    serverRendered: input.session !== undefined,
    // Loading the page is the person's doing, which the server has not heard of.
    activeAt: Date.now(),
    reportedAt: 0,
    timing: { ...DEFAULT_REFRESH_TIMING, ...input.timing },
  }),
  invoke: { id: 'browserWatcher', src: 'browserWatcher' },
  on: { 'auth.active': { actions: 'noteActivity' } },
  initial: 'hydrating',
  states: {
    hydrating: {
      tags: ['loading', 'busy'],
      always: [
        // The server rendered with the session: no request needed.
        { guard: ({ context }) => context.serverRendered && context.user !== null, target: 'signedIn' },
        { guard: ({ context }) => context.serverRendered, target: 'signedOut' },
      ],
      invoke: {
        id: 'loadSession',
        src: 'loadSession',
        onDone: [{ guard: hasSession, target: 'signedIn', actions: storeSession }, { target: 'signedOut' }],
        onError: failed('signedOut'),
      },
      on: { 'auth.synced': followOtherTab },
    },
    signedOut: {
      on: {
        'auth.signIn': 'signingIn',
        'auth.submitSecondFactor': 'verifyingSecondFactor',
        'auth.signedIn': signedInBeside,
        'auth.synced': followOtherTab,
      },
    },
    signingIn: {
      tags: ['pending', 'busy'],
      entry: 'clearError',
      invoke: {
        id: 'signIn',
        src: 'signIn',
        // The credentials go straight to the effect: never into the context, which inspectors and snapshots show.
        // Only `auth.signIn` enters this state.
        input: ({ event }) => (event as Extract<AuthEvent, { type: 'auth.signIn' }>).credentials,
        onDone: signedIn,
        // The password was right: the challenge cookie is set, and the error tells `signIn` what is asked.
        onError: [{ guard: failedWith('second_factor_required'), ...failed('secondFactor') }, failed('signedOut')],
      },
    },
    secondFactor: {
      tags: ['secondFactor'],
      on: {
        'auth.submitSecondFactor': 'verifyingSecondFactor',
        'auth.cancelSecondFactor': { target: 'signedOut', actions: 'clearError' },
        'auth.signedIn': signedInBeside,
        'auth.synced': followOtherTab,
      },
    },
    verifyingSecondFactor: {
      tags: ['secondFactor', 'pending', 'busy'],
      entry: 'clearError',
      invoke: {
        id: 'secondFactor',
        src: 'secondFactor',
        // Like the credentials, the code goes to the effect only. Only `auth.submitSecondFactor` enters this state.
        input: ({ event }) => (event as Extract<AuthEvent, { type: 'auth.submitSecondFactor' }>).code,
        onDone: [{ guard: hasSession, ...signedIn }, { target: 'signedOut' }],
        onError: secondFactorFailed,
      },
      on: { 'auth.synced': followOtherTab },
    },
    signedIn: {
      tags: ['signedIn'],
      after: { refreshDelay: 'refreshing' },
      on: {
        'auth.refresh': 'refreshing',
        'auth.wake': { guard: 'refreshDue', target: 'refreshing' },
        // The first activity the server has not heard of brings the next refresh forward, to tell it
        // in time (the machine's own handler notes any other).
        'auth.active': { guard: 'allReported', target: 'signedIn', reenter: true, actions: 'noteActivity' },
        'auth.signOut': 'signingOut',
        'auth.signedIn': signedInBeside,
        'auth.synced': followOtherTab,
      },
    },
    refreshing: {
      tags: ['signedIn', 'refreshing', 'busy'],
      invoke: {
        id: 'refresh',
        src: 'refresh',
        input: ({ context }) => ({ knownExpiresAt: context.expiresAt, inactiveMs: Date.now() - context.activeAt }),
        onDone: [{ guard: hasSession, ...signedIn }, sessionEnded],
        onError: [{ guard: sessionRejected, ...sessionEnded }, failed('degraded')],
      },
      on: { 'auth.signOut': 'signingOut', 'auth.synced': followOtherTab },
    },
    degraded: {
      tags: ['signedIn', 'reconnecting'],
      after: { retryDelay: 'refreshing' },
      on: {
        'auth.refresh': 'refreshing',
        'auth.wake': 'refreshing',
        'auth.signOut': 'signingOut',
        'auth.signedIn': signedInBeside,
        'auth.synced': followOtherTab,
      },
    },
    signingOut: {
      tags: ['signedIn', 'pending', 'busy'],
      invoke: { id: 'signOut', src: 'signOut', onDone: signedOutHere, onError: signedOutHere },
    },
  },
})

/** A running auth machine, as `createActor(authMachine)` returns it. */
export type AuthActorRef = ActorRefFrom<typeof authMachine>

/** One of the machine's snapshots, as `actor.getSnapshot()` returns it. */
export type AuthSnapshot = SnapshotFrom<typeof authMachine>
