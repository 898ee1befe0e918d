import { GatehouseError } from '../GatehouseError'
import { sessionAnswer, withinWait } from './accountFlowAnswer'
import { readFormFields, type FieldRules } from './readFormFields'
import type { AuthRoute } from './RouteContext'

/**
 * `POST second-factor`: a code (or a recovery code) finishes the sign-in that waits in the
 * challenge cookie. A wrong code keeps the challenge for another try; none waiting, or one older
 * than five minutes, is 401 `challenge_expired`.
 */
export const secondFactorRoute: AuthRoute = async (context, previous, request) => {
  const fields = await readFormFields(
    request,
    context.maxBodyBytes,
    (body): FieldRules =>
      body.recoveryCode !== undefined && body.code === undefined
        ? { recoveryCode: { label: 'Recovery code' } }
        : { code: { label: 'Code' } },
  )
  const challenge = await context.challenges.read(request.headers.get('cookie'))
  if (!challenge) throw new GatehouseError(401, 'challenge_expired')
  const code =
    fields.values.code === undefined ? { recoveryCode: fields.values.recoveryCode! } : { code: fields.values.code.replace(/\s/g, '') }
  const ended = [context.challenges.clear()]
  const call = context.backend.verifySecondFactor!(challenge, code, { clientAddress: context.clientAddress })
  const answer = await withinWait<never>(context, call).catch((error: unknown) => {
    // The backend has ended the waiting sign-in (too old, too many wrong codes): so does its cookie.
    if (error instanceof GatehouseError && error.code === 'challenge_expired') return error
    throw error
  })
  if (answer instanceof GatehouseError) return { status: answer.status, body: answer.toBody(), cookies: ended }
  return sessionAnswer(context, { previous, request, next: fields.next, extraCookies: ended }, answer)
}
