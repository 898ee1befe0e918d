import { fromPromise } from 'xstate'
import { DEFAULT_BASE_PATH, accountFlowUrl, type AccountFlowName } from '../contract/authRoutes'
import type { AccountIdentifier, AccountOutcome, Session, SignUpDetails } from '../contract/types'
import { callRoute } from '../core/callRoute'
import type { TransportOptions } from '../core/transportActors'

/** What an account flow's route answers when it signed nobody in: what it did instead. */
export interface AccountOutcomeAnswer {
  /** Nobody signed in by this answer. */
  user: null
  /** What the flow did, to tell the person. */
  outcome: AccountOutcome
}

/** What an account flow's effect resolves with: the new session, or the outcome. */
export type AccountFlowAnswer = Session | AccountOutcomeAnswer

/**
 * The account flows' effects, one `fromPromise` actor per route, named as in `ACCOUNT_FLOW_ROUTES`
 * (the second factor's aside, which the auth machine calls): each posts its input as JSON and
 * resolves with the session the route signed in with, or `{ user: null, outcome }`, or rejects with
 * a `TransportFailure` (a 429's `retryAfterSeconds` kept). A sign-up's extra `fields` go at the top
 * level of the body, as the route takes them.
 *
 * @example
 * const flows = accountFlowMachine.provide({ actors: accountTransportActors({ basePath: '/auth' }) })
 */
export function accountTransportActors({
  basePath = DEFAULT_BASE_PATH,
  fetch: fetchImpl = (...args) => fetch(...args),
}: TransportOptions = {}) {
  const flow = <Input extends object>(route: Exclude<AccountFlowName, 'secondFactor'>) =>
    fromPromise<AccountFlowAnswer, Input>(({ input }) => {
      const { fields, ...body } = input as Input & { fields?: object }
      return callRoute(fetchImpl, accountFlowUrl(basePath, route), 'POST', { ...body, ...fields }, true) as Promise<AccountFlowAnswer>
    })
  return {
    signUp: flow<SignUpDetails>('signUp'),
    verifyEmail: flow<{ token: string }>('verifyEmail'),
    resendVerification: flow<AccountIdentifier>('resendVerification'),
    requestPasswordReset: flow<AccountIdentifier>('requestPasswordReset'),
    resetPassword: flow<{ token: string; password: string }>('resetPassword'),
  }
}
