import { accountFlowAnswer, withinWait } from './accountFlowAnswer'
import { readFormFields } from './readFormFields'
import type { AuthRoute } from './RouteContext'

/** `POST reset-password`: the link's token and a new password go to the backend. Signed in when it answers tokens; else `password_reset`. */
export const resetPasswordRoute: AuthRoute = async (context, previous, request) => {
  const fields = await readFormFields(request, context.maxBodyBytes, () => ({
    token: { label: 'The link’s token' },
    password: { label: 'Password' },
  }))
  const { token, password } = fields.values as { token: string; password: string }
  const answer = await withinWait(context, context.backend.resetPassword!({ token, password }, { clientAddress: context.clientAddress }))
  return accountFlowAnswer(context, { previous, request, next: fields.next }, answer, 'password_reset')
}
