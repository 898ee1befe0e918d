import type { ErrorCode } from '../../contract/errorCatalogue'
import { GatehouseError } from '../GatehouseError'
import { sessionAnswer, withinWait } from './accountFlowAnswer'
import { backToForm, isFormNavigation } from './formNavigation'
import { identifierOf, identifierRule, readFormFields } from './readFormFields'
import type { AuthRoute } from './RouteContext'

// The refusals that are about the person signing in, not the backend's health.
const SIGN_IN_REFUSALS: ReadonlySet<ErrorCode> = new Set(['invalid_credentials', 'rate_limited'])

/**
 * `POST sign-in`: the credentials go to the backend, its tokens into sealed cookies. A plain HTML
 * form (no script yet) is sent on to its `next`; its failures go back to the form (see `handle`).
 * An account with a second factor is answered 401 `second_factor_required`, its challenge sealed
 * in a cookie for the second-factor route.
 */
export const signInRoute: AuthRoute = async (context, previous, request) => {
  const fields = await readFormFields(request, context.maxBodyBytes, (body) => ({
    ...identifierRule(body),
    password: { label: 'Password' },
  }))
  const credentials = { identifier: identifierOf(fields), password: fields.values.password! }
  const answer = await withinWait(context, context.backend.signIn(credentials, { clientAddress: context.clientAddress })).catch(
    async (error: unknown) => {
      if (error instanceof GatehouseError && SIGN_IN_REFUSALS.has(error.code)) {
        const identifierHash = await context.events.hashIdentifier(credentials.identifier)
        context.events.report('sign_in_failed', context.trace, {
          code: error.code,
          status: error.status,
          detail: error.detail,
          identifierHash,
        })
      }
      throw error
    },
  )
  if ('secondFactor' in answer) {
    const cookies = [await context.challenges.write(answer.secondFactor)]
    const asked = new GatehouseError(401, 'second_factor_required')
    return isFormNavigation(request)
      ? { status: 303, body: null, cookies, location: backToForm(request, context.publicOrigin, { error: asked.code }) }
      : { status: asked.status, body: asked.toBody(), cookies }
  }
  return sessionAnswer(context, { previous, request, next: fields.next }, answer)
}
