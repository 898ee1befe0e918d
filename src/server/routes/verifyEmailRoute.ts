import { accountFlowAnswer, withinWait } from './accountFlowAnswer'
import { readFormFields } from './readFormFields'
import type { AuthRoute } from './RouteContext'

/** `POST verify-email`: the token from the mailed link goes to the backend. Signed in when it answers tokens; else `email_verified`. */
export const verifyEmailRoute: AuthRoute = async (context, previous, request) => {
  const fields = await readFormFields(request, context.maxBodyBytes, () => ({ token: { label: 'The link’s token' } }))
  const answer = await withinWait(context, context.backend.verifyEmail!(fields.values.token!, { clientAddress: context.clientAddress }))
  return accountFlowAnswer(context, { previous, request, next: fields.next }, answer, 'email_verified')
}
