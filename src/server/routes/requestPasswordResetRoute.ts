import { waitForAnswer } from '../backend/waitForAnswer'
import { accountFlowAnswer } from './accountFlowAnswer'
import { identifierOf, identifierRule, readFormFields } from './readFormFields'
import type { AuthRoute } from './RouteContext'

/** `POST forgot-password`: asks the backend to mail a reset link; `reset_requested`, whether or not the account exists. */
export const requestPasswordResetRoute: AuthRoute = async (context, previous, request) => {
  const fields = await readFormFields(request, context.maxBodyBytes, identifierRule)
  await waitForAnswer(context.backend.requestPasswordReset!(identifierOf(fields), { clientAddress: context.clientAddress }), context.waitMs)
  return accountFlowAnswer(context, { previous, request, next: fields.next }, null, 'reset_requested')
}
