import { assign, sendTo, setup, type ActorRefFrom, type SnapshotFrom } from 'xstate'
import { internal_error } from '../contract/errorMessages'
import type { AccountIdentifier, AccountOutcome, AuthError, Session, SignUpDetails } from '../contract/types'
import type { AuthActorRef } from '../core/authMachine'
import type { TransportFailure } from '../core/transportActors'
import { accountTransportActors, type AccountFlowAnswer } from './accountTransportActors'

/** What `createActor(accountFlowMachine, { input })` takes. */
export interface AccountFlowInput {
  /** The page's auth machine: a flow that signs the person in hands it the session (`auth.signedIn`). */
  auth: AuthActorRef
}

/** What the flows' machine knows: the last flow's result, to show. Never what the person typed. */
export interface AccountFlowContext {
  /** The page's auth machine, from the input. */
  auth: AuthActorRef
  /** What the last flow did without signing anyone in (`verification_sent`, `email_verified`, `reset_requested`, `password_reset`); `null` once another starts. */
  outcome: AccountOutcome | null
  /** Why the last flow failed (a 422's `fields`, a 429's `retryAfterSeconds`); `null` once another starts. */
  error: AuthError | null
}

/** What the flows' machine can be sent: one event per flow, each taken only while no other is in flight. */
export type AccountFlowEvent =
  | {
      /** Create an account; the route signs the person in, or answers `verification_sent`. */
      type: 'account.signUp'
      /** What the person typed: it goes to the sign-up route and never into the context. */
      details: SignUpDetails
    }
  | {
      /** Confirm an email address with the token from the link the backend mailed. */
      type: 'account.verifyEmail'
      /** The link's token. */
      token: string
    }
  | {
      /** Ask for the verification link again. */
      type: 'account.resendVerification'
      /** Whose account. */
      identifier: AccountIdentifier
    }
  | {
      /** Ask for a password reset link; the answer is `reset_requested` whether or not the account exists. */
      type: 'account.requestPasswordReset'
      /** Whose account. */
      identifier: AccountIdentifier
    }
  | {
      /** Set a new password with the token from the reset link. */
      type: 'account.resetPassword'
      /** The link's token. */
      token: string
      /** The new password: it goes to the reset route and never into the context. */
      password: string
    }

/** What views read instead of state names: `pending` while a flow's request is in flight. */
export type AccountFlowTag = 'pending'

/** An effect that failed some other way than through the transport (a bug, say) still leaves the shared error shape. */
const errorOf = (error: unknown): AuthError =>
  (error as Partial<TransportFailure> | null)?.error ?? { code: 'internal_error', message: internal_error }

const flowSetup = setup({
  types: {} as {
    context: AccountFlowContext
    events: AccountFlowEvent
    input: AccountFlowInput
    tags: AccountFlowTag
    // Each invoked actor's id is its source's name, as in ACCOUNT_FLOW_ROUTES.
    children: {
      signUp: 'signUp'
      verifyEmail: 'verifyEmail'
      resendVerification: 'resendVerification'
      requestPasswordReset: 'requestPasswordReset'
      resetPassword: 'resetPassword'
    }
  },
  actors: accountTransportActors(),
  guards: {
    signedIn: (_, answer: AccountFlowAnswer) => answer.user !== null,
  },
  actions: {
    clearResult: assign({ outcome: null, error: null }),
    storeOutcome: assign((_, answer: AccountFlowAnswer) => ({ outcome: answer.user ? null : answer.outcome })),
    storeError: assign((_, error: unknown) => ({ error: errorOf(error) })),
    // The auth machine keeps the session, tells the other tabs and schedules its refresh.
    handOver: sendTo(
      ({ context }) => context.auth,
      (_, session: Session) => ({ type: 'auth.signedIn' as const, session }),
    ),
  },
})

const answerOf = ({ event }: { event: { output: AccountFlowAnswer } }) => event.output

/**
 * A flow's request state. The effect's input is the payload of the event that entered it (its
 * one object field, or its fields but `type`): never taken from the context or put into it.
 */
const flow = <Src extends keyof ReturnType<typeof accountTransportActors>>(src: Src) =>
  ({
    tags: ['pending'],
    entry: 'clearResult',
    invoke: {
      id: src,
      src,
      input: ({ event }: { event: AccountFlowEvent }) => {
        const { type, details, identifier, ...fields } = event as unknown as Record<string, never>
        return details ?? identifier ?? (fields as never)
      },
      onDone: [
        {
          guard: { type: 'signedIn', params: answerOf },
          target: 'idle',
          actions: { type: 'handOver', params: ({ event }: { event: { output: AccountFlowAnswer } }) => event.output as Session },
        },
        { target: 'idle', actions: { type: 'storeOutcome', params: answerOf } },
      ],
      onError: { target: 'idle', actions: { type: 'storeError', params: ({ event }: { event: { error: unknown } }) => event.error } },
    },
  }) as const

/**
 * The account flows besides signing in: signing up, verifying an email address, resending the
 * verification, requesting and resetting a password. It runs beside the page's auth machine, in
 * whatever state that is (a verification link opened while signed in works), one flow at a time
 * (an event sent while one is in flight is ignored); a flow that signs the person in hands the
 * session to the auth machine (`auth.signedIn`), one that does not leaves its `outcome`, and one
 * that fails its `error`. Views read `selectAccountFlow`, not its states.
 *
 * @example
 * const flows = createActor(accountFlowMachine, { input: { auth } }).start()
 * flows.send({ type: 'account.requestPasswordReset', identifier: { email: 'demo@example.com' } })
 *
 * @example
 * // In React, beside AuthProvider (@xstate/react)
 * const flows = useActorRef(accountFlowMachine, { input: { auth: useAuthActor() } })
 * const { pending, outcome, error } = useSelector(flows, selectAccountFlow)
 *
 * @example
 * // Routes mounted elsewhere than /api/auth
 * const machine = accountFlowMachine.provide({ actors: accountTransportActors({ basePath: '/auth' }) })
 */
export const accountFlowMachine = flowSetup.createMachine({
  id: 'accountFlow',
  context: ({ input }) => ({ auth: input.auth, outcome: null, error: null }),
  initial: 'idle',
  states: {
    idle: {
      on: {
        'account.signUp': 'signingUp',
        'account.verifyEmail': 'verifyingEmail',
        'account.resendVerification': 'resendingVerification',
        'account.requestPasswordReset': 'requestingPasswordReset',
        'account.resetPassword': 'resettingPassword',
      },
    },
    signingUp: flow('signUp'),
    verifyingEmail: flow('verifyEmail'),
    resendingVerification: flow('resendVerification'),
    requestingPasswordReset: flow('requestPasswordReset'),
    resettingPassword: flow('resetPassword'),
  },
})

/** A running flows' machine, as `createActor(accountFlowMachine, { input })` returns it. */
export type AccountFlowActorRef = ActorRefFrom<typeof accountFlowMachine>

/** One of the flows' machine's snapshots. */
export type AccountFlowSnapshot = SnapshotFrom<typeof accountFlowMachine>
