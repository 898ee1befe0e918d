import { ACCESS_TTL_SECONDS, ADA, createFakeTokenApi, json } from './createFakeTokenApi'

const failure = (status: number, message: string, extensions: Record<string, string>) => json(status, { errors: [{ message, extensions }] })

/** A Directus account with two-factor authentication on: its password, and the one code the fake takes. */
export const GRACE = { email: 'grace@example.com', password: 'hopper-password', otp: '246810' }

/**
 * Shaped like Directus: `{ data: { access_token, expires (ms), refresh_token } }`, a refresh
 * that wants `mode: "json"`, logout by refresh token, and GraphQL-style
 * `{ errors: [{ message, extensions: { code } }] }` errors. Its account flows answer as Directus
 * 11 does: `POST /users/register` an empty 204 (it mails a link to its own verify endpoint),
 * `POST /auth/password/request` 204 whether or not the account exists (mailing
 * `<reset_url>?token=…`), `POST /auth/password/reset` 204, and a two-factor account's sign-in
 * 401 `INVALID_OTP` until the same call carries the right `otp`.
 */
export function fakeDirectusBackend() {
  const registered = new Map<string, Record<string, unknown>>()
  const resetTokens = new Map<string, string>()
  const mailed: Array<{ to: string; url: string }> = []
  let adaPassword = ADA.password
  const issue = () => {
    const { access, refresh } = api.issue()
    return json(200, { data: { access_token: access, expires: ACCESS_TTL_SECONDS * 1000, refresh_token: refresh } })
  }
  const api = createFakeTokenApi({
    'POST /auth/login': ({ body }) => {
      if (String(body.password).length < 4)
        return failure(400, '"password" length must be at least 4 characters long', { code: 'INVALID_PAYLOAD', field: 'password' })
      if (body.email === GRACE.email && body.password === GRACE.password)
        return body.otp === GRACE.otp ? issue() : failure(401, 'Invalid user OTP.', { code: 'INVALID_OTP' })
      if (body.email !== ADA.email || body.password !== adaPassword)
        return failure(401, 'Invalid user credentials.', { code: 'INVALID_CREDENTIALS' })
      return issue()
    },
    'POST /users/register': ({ body }) => {
      if (typeof body.email !== 'string' || !body.email.includes('@'))
        return failure(400, '"email" must be a valid email', { code: 'INVALID_PAYLOAD', field: 'email' })
      if (String(body.password).length < 8)
        return failure(400, '"password" length must be at least 8 characters long', { code: 'INVALID_PAYLOAD', field: 'password' })
      // Directus answers the same for a taken email: registration never tells who has an account.
      if (body.email !== ADA.email) registered.set(body.email, body)
      return new Response(null, { status: 204 })
    },
    'POST /auth/password/request': ({ body }) => {
      if (body.email === ADA.email) {
        const token = `reset-${resetTokens.size + 1}`
        resetTokens.set(token, ADA.email)
        mailed.push({ to: ADA.email, url: `${String(body.reset_url)}?token=${token}` })
      }
      return new Response(null, { status: 204 })
    },
    'POST /auth/password/reset': ({ body }) => {
      if (!resetTokens.delete(String(body.token))) return failure(401, 'Invalid payload. Token is invalid.', { code: 'INVALID_TOKEN' })
      adaPassword = String(body.password)
      return new Response(null, { status: 204 })
    },
    'POST /auth/refresh': ({ body }) => {
      if (body.mode !== 'json') return failure(400, '"mode" must be one of [json, cookie, session]', { code: 'INVALID_PAYLOAD' })
      return api.liveRefreshTokens.delete(String(body.refresh_token))
        ? issue()
        : failure(401, 'Invalid user credentials.', { code: 'INVALID_CREDENTIALS' })
    },
    'GET /users/me': (call) =>
      api.authorized(call)
        ? json(200, { data: { id: 42, first_name: 'Ada', last_name: 'Lovelace', email: ADA.email, role: { name: 'staff' } } })
        : failure(401, 'Token expired.', { code: 'TOKEN_EXPIRED' }),
    'POST /auth/logout': ({ body }) => {
      api.liveRefreshTokens.delete(String(body.refresh_token))
      return new Response(null, { status: 204 })
    },
  })
  return Object.assign(api, { registered, mailed })
}
