import { accountFlowAnswer, withinWait } from './accountFlowAnswer'
import { identifierOf, identifierRule, readFormFields } from './readFormFields'
import type { AuthRoute } from './RouteContext'

const RESERVED = new Set(['email', 'username', 'password', 'name', 'next'])
/** The body's fields besides the form's own: the app's extra sign-up fields. */
const extraNames = (body: Record<string, unknown>) => Object.keys(body).filter((key) => !RESERVED.has(key))

/**
 * `POST sign-up`: an identifier, a password, a name and the app's extra fields go to the
 * backend's `signUp`. Signed in when the backend answers tokens; else `verification_sent`.
 */
export const signUpRoute: AuthRoute = async (context, previous, request) => {
  const fields = await readFormFields(request, context.maxBodyBytes, (body) => ({
    ...identifierRule(body),
    password: { label: 'Password' },
    name: { label: 'Name', optional: true },
    // The adapter takes only the extra fields it names; each is still bounded here.
    ...Object.fromEntries(extraNames(body).map((key) => [key, { label: key, optional: true }])),
  }))
  const { password, name } = fields.values
  // Own fields only: a `__proto__` key in the body never becomes a field.
  const extra = Object.fromEntries(
    extraNames(fields.body)
      .filter((key) => Object.hasOwn(fields.values, key))
      .map((key) => [key, fields.values[key]!]),
  )
  const details = { identifier: identifierOf(fields), password: password!, fields: extra, ...(name ? { name } : {}) }
  const answer = await withinWait(context, context.backend.signUp!(details, { clientAddress: context.clientAddress }))
  return accountFlowAnswer(context, { previous, request, next: fields.next }, answer, 'verification_sent')
}
