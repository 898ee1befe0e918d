'use client'
import { shallowEqual, useActorRef, useSelector } from '@xstate/react'
import { useMemo } from 'react'
import { accountFlowMachine } from '../account/accountFlowMachine'
import { accountTransportActors } from '../account/accountTransportActors'
import { requestPasswordReset } from '../account/requestPasswordReset'
import { resendVerification } from '../account/resendVerification'
import { resetPassword } from '../account/resetPassword'
import { selectAccountFlow } from '../account/selectAccountFlow'
import { signUp } from '../account/signUp'
import { verifyEmail } from '../account/verifyEmail'
import type { AccountIdentifier, SignUpDetails } from '../contract/types'
import { useAuthActor, useAuthBasePath } from '../react/AuthProvider'

/**
 * The account flows for one form: a `gatehouse/account` flows machine of its own beside the
 * provider's auth machine (which it tells when a flow signs the person in), its view, and the
 * functions that run each flow. Only the flow forms use it, so a page that only signs in carries
 * none of `gatehouse/account`.
 *
 * @example
 * const { requestPasswordReset, pending } = useAccountFlows()
 * const result = await requestPasswordReset({ email: 'ada@example.com' }) // { ok: true, signedIn: false, outcome: 'reset_requested' }
 */
export function useAccountFlows() {
  // Read once, on mount, as the provider reads its own settings.
  const flows = useActorRef(accountFlowMachine.provide({ actors: accountTransportActors({ basePath: useAuthBasePath() }) }), {
    input: { auth: useAuthActor() },
  })
  const view = useSelector(flows, selectAccountFlow, shallowEqual)
  // Arguments of their own only, as `useAuth()`'s actions.
  const actions = useMemo(
    () => ({
      signUp: (details: SignUpDetails) => signUp(flows, details),
      verifyEmail: (token: string) => verifyEmail(flows, token),
      resendVerification: (identifier: AccountIdentifier) => resendVerification(flows, identifier),
      requestPasswordReset: (identifier: AccountIdentifier) => requestPasswordReset(flows, identifier),
      resetPassword: (reset: { token: string; password: string }) => resetPassword(flows, reset),
    }),
    [flows],
  )
  return { ...view, ...actions }
}
