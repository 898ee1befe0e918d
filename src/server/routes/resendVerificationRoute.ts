import { waitForAnswer } from '../backend/waitForAnswer'
import { accountFlowAnswer } from './accountFlowAnswer'
import { identifierOf, identifierRule, readFormFields } from './readFormFields'
import type { AuthRoute } from './RouteContext'

/** `POST resend-verification`: asks the backend to mail the link again; `verification_sent`, whether or not the account exists. */
export const resendVerificationRoute: AuthRoute = async (context, previous, request) => {
  const fields = await readFormFields(request, context.maxBodyBytes, identifierRule)
  await waitForAnswer(context.backend.resendVerification!(identifierOf(fields), { clientAddress: context.clientAddress }), context.waitMs)
  return accountFlowAnswer(context, { previous, request, next: fields.next }, null, 'verification_sent')
}
