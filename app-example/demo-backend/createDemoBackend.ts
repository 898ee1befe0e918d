import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { type Account, AccountStore } from './AccountStore'
import { AccessTokens } from './AccessTokens'
import { hashPassword } from './hashPassword'
import { HttpError } from './HttpError'
import { OneTimeTokens } from './OneTimeTokens'
import { Outbox, type OutboxMessage } from './Outbox'
import { readJsonBody } from './readJsonBody'
import { RefreshTokenStore, type IssuedRefreshToken } from './RefreshTokenStore'
import { RequestThrottle } from './RequestThrottle'
import { SecondFactorChallenges } from './SecondFactorChallenges'
import { sendJson } from './sendJson'
import { SignInThrottle } from './SignInThrottle'
import { demoAccounts, type User } from './users'
import { validateEmailBody } from './validateEmailBody'
import { validateLoginBody } from './validateLoginBody'
import { validateRefreshBody } from './validateRefreshBody'
import { validateResetPasswordBody } from './validateResetPasswordBody'
import { validateSignUpBody } from './validateSignUpBody'
import { validateTwoFactorBody } from './validateTwoFactorBody'
import { validateVerifyEmailBody } from './validateVerifyEmailBody'

const VERIFICATION_LINK_SECONDS = 24 * 60 * 60
const RESET_LINK_SECONDS = 60 * 60
const SECOND_FACTOR_SECONDS = 5 * 60
const MAX_WRONG_CODES = 5

/**
 * Settings for {@link createDemoBackend}; TTLs and windows are in seconds, `now` returns epoch milliseconds.
 * - `maxBodyBytes`: larger JSON bodies are answered 413 (default 16 KiB; a login body is well under 1 KiB).
 * - `signInThrottle`: after `maxFailures` failed sign-ins for one email within `windowSeconds` of the
 *   first, that email is answered 429 until the window closes (default 5 in 300 s). Wrong second-factor
 *   codes count as failed sign-ins too, and for an account with a second factor only the finished
 *   second step clears the count.
 * - `mailThrottle`: at most `maxRequests` password reset requests, and as many requests for a new
 *   verification link, per email within `windowSeconds` (default 5 in 300 s); past that, 429.
 * - `onMail`: sees every mail as it reaches the outbox, e.g. to print its link.
 * - `sweepIntervalSeconds`: how often expired refresh tokens, links, second-factor challenges and
 *   throttle windows are forgotten while the server listens (default 60).
 */
export interface DemoBackendOptions {
  accessTokenTtl: number
  refreshTokenTtl: number
  jwtSecret?: string
  now?: () => number
  maxBodyBytes?: number
  signInThrottle?: { maxFailures?: number; windowSeconds?: number }
  mailThrottle?: { maxRequests?: number; windowSeconds?: number }
  onMail?: (message: OutboxMessage) => void
  sweepIntervalSeconds?: number
}

/** Counts of successful calls per operation (`secondFactors`: sign-ins finished with a code or a recovery code). */
export interface DemoBackendStats {
  logins: number
  refreshes: number
  profiles: number
  logouts: number
  signUps: number
  verifications: number
  passwordResets: number
  secondFactors: number
}

/** How many entries the backend holds in memory, expired ones included until the next sweep. */
export interface DemoBackendEntries {
  refreshTokens: number
  refreshFamilies: number
  throttledEmails: number
  /** Emails counted by the mail throttle, once per flow (reset requests, new verification links). */
  throttledMailRequests: number
  verificationTokens: number
  resetTokens: number
  secondFactorChallenges: number
}

/** A demo backend; `server` is created but not yet listening. */
export interface DemoBackend {
  server: Server
  stats: DemoBackendStats
  revokeAll(): void
  /** Forgets expired entries now, as the periodic sweep does, and counts what is left. */
  sweep(): DemoBackendEntries
  storedEntries(): DemoBackendEntries
  /** The mail sent so far, newest first (at most 50), only that to `to` when given: what `GET /dev/outbox` answers. */
  outbox(to?: string): OutboxMessage[]
}

interface Reply {
  status: number
  body?: unknown
  /**
   * Work done once the answer has gone, for what only known accounts cost (a token, a mail): done
   * before it, it would make their answers slower than unknown emails' and tell which exist.
   */
  afterwards?: () => void
}

type Handler = (req: IncomingMessage) => Promise<Reply>

const tooManyAttempts = (seconds: number) =>
  new HttpError(429, `Too many login attempts. Please try again in ${seconds} seconds.`, { headers: { 'retry-after': String(seconds) } })

/**
 * Builds an HTTP server that imitates an external auth backend: JWT access tokens plus rotating,
 * reuse-detecting refresh tokens; sign-up with email confirmation, password reset and a TOTP second
 * factor (Auth0's `mfa_token` style) with recovery codes; all held in memory and timed by
 * `options.now`. Passwords are checked against scrypt hashes, failed sign-ins and mail requests are
 * throttled per email, answers for unknown emails look and take the same as for known ones, bodies
 * are bounded, mail goes to an in-memory outbox (`GET /dev/outbox`), and expired entries are swept
 * while the server listens.
 *
 * Routes (JSON): `POST /auth/login`, `/auth/two-factor`, `/auth/refresh`, `/auth/logout`,
 * `/auth/register`, `/auth/verify-email`, `/auth/verify-email/resend`, `/auth/forgot-password`,
 * `/auth/reset-password`; `GET /auth/profile`, `/dev/outbox`.
 *
 * @example
 * const { server } = createDemoBackend({ accessTokenTtl: 900, refreshTokenTtl: 604800 })
 * server.listen(4000, '127.0.0.1')
 */
export function createDemoBackend(options: DemoBackendOptions): DemoBackend {
  const now = options.now ?? Date.now
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024
  const sweepIntervalMs = (options.sweepIntervalSeconds ?? 60) * 1000
  const secret = options.jwtSecret === undefined ? randomBytes(32) : new TextEncoder().encode(options.jwtSecret)
  const accessTokens = new AccessTokens(secret, options.accessTokenTtl, now)
  // A family outlives its last refresh token for as long as the access token issued with it.
  const refreshTokens = new RefreshTokenStore(options.refreshTokenTtl, now, options.accessTokenTtl)
  const throttle = new SignInThrottle(options.signInThrottle?.maxFailures ?? 5, options.signInThrottle?.windowSeconds ?? 300, now)
  const mailThrottle = new RequestThrottle(options.mailThrottle?.maxRequests ?? 5, options.mailThrottle?.windowSeconds ?? 300, now)
  const accounts = new AccountStore(demoAccounts)
  const verificationTokens = new OneTimeTokens(VERIFICATION_LINK_SECONDS, now)
  const resetTokens = new OneTimeTokens(RESET_LINK_SECONDS, now)
  const challenges = new SecondFactorChallenges(SECOND_FACTOR_SECONDS, MAX_WRONG_CODES, now)
  const outbox = new Outbox(now, { onSend: options.onMail })
  const stats: DemoBackendStats = {
    logins: 0,
    refreshes: 0,
    profiles: 0,
    logouts: 0,
    signUps: 0,
    verifications: 0,
    passwordResets: 0,
    secondFactors: 0,
  }

  async function sessionReply(user: Readonly<User>, refresh: IssuedRefreshToken): Promise<Reply> {
    const access = await accessTokens.issue(user.id, refresh.familyId)
    return {
      status: 200,
      body: {
        data: {
          token: access.token,
          token_expires_at: new Date(access.expiresAt).toISOString(),
          refresh_token: refresh.token,
          refresh_token_expires_at: new Date(refresh.expiresAt).toISOString(),
          user,
        },
      },
    }
  }

  async function authenticate(req: IncomingMessage): Promise<{ user: Readonly<User>; familyId: string }> {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1]
    const claims = bearer === undefined ? undefined : await accessTokens.verify(bearer)
    const user = claims && refreshTokens.isActive(claims.familyId) ? accounts.findById(claims.userId)?.user : undefined
    if (claims === undefined || user === undefined) throw new HttpError(401, 'Unauthenticated.')
    return { user, familyId: claims.familyId }
  }

  /** Refuses `email` on `flow` once it has asked too often; counted before the account is looked up, so unknown emails run out alike. */
  function takeMailRequest(flow: string, email: string): void {
    const seconds = mailThrottle.take(`${flow}:${email.toLowerCase()}`)
    if (seconds === undefined) return
    throw new HttpError(429, `Too many requests. Please try again in ${seconds} seconds.`, { headers: { 'retry-after': String(seconds) } })
  }

  function mailVerificationLink(account: Account): void {
    const link = `/verify-email?token=${verificationTokens.issue(account.user.id)}`
    outbox.send({
      to: account.user.email,
      subject: 'Confirm your email address',
      text: `Hello ${account.user.name},\n\nconfirm your email address by opening ${link}\n\nThe link works once, within 24 hours.`,
      link,
    })
  }

  function mailResetLink(account: Account): void {
    const link = `/reset-password?token=${resetTokens.issue(account.user.id)}`
    outbox.send({
      to: account.user.email,
      subject: 'Reset your password',
      text: `Hello ${account.user.name},\n\nchoose a new password by opening ${link}\n\nThe link works once, within an hour. If you did not ask for it, ignore this mail.`,
      link,
    })
  }

  async function login(req: IncomingMessage): Promise<Reply> {
    const { email, password } = validateLoginBody(await readJsonBody(req, maxBodyBytes))
    // Keyed by the email as typed, known or not: locking only real accounts would tell which exist.
    const throttleKey = email.toLowerCase()
    const attempt = await throttle.run(
      throttleKey,
      () => accounts.findByCredentials(email, password),
      (account) => account.secondFactor !== undefined,
    )
    if (attempt.outcome === 'locked') throw tooManyAttempts(attempt.retryAfterSeconds)
    if (attempt.outcome === 'failed') throw new HttpError(401, 'These credentials do not match our records.')
    const account = attempt.value
    if (!account.verified) throw new HttpError(403, 'Confirm your email address first: use the link we sent you.')
    if (account.secondFactor !== undefined) {
      return {
        status: 403,
        body: {
          error: 'mfa_required',
          message: 'Enter the code from your authenticator app.',
          mfa_token: challenges.start(account.user.id, throttleKey),
        },
      }
    }
    const reply = await sessionReply(account.user, refreshTokens.startFamily(account.user.id))
    stats.logins++
    return reply
  }

  async function twoFactor(req: IncomingMessage): Promise<Reply> {
    const body = validateTwoFactorBody(await readJsonBody(req, maxBodyBytes))
    const signInAgain = () => new HttpError(401, 'Sign in again.', { code: 'invalid_mfa_token' })
    const challenge = challenges.find(body.mfa_token)
    const account = challenge === undefined ? undefined : accounts.findById(challenge.userId)
    const secondFactor = account?.secondFactor
    if (challenge === undefined || account === undefined || secondFactor === undefined) throw signInAgain()
    // Under the sign-in's own throttle key, so a wrong code counts as a failed sign-in of that email.
    const attempt = await throttle.run(challenge.throttleKey, async () => {
      // Looked up again in the queue: wrong codes sent alongside may have used the challenge up meanwhile.
      if (challenges.find(body.mfa_token) === undefined) throw signInAgain()
      const accepted = 'code' in body ? secondFactor.acceptCode(body.code, now()) : secondFactor.acceptRecoveryCode(body.recovery_code)
      if (accepted) {
        challenges.finish(body.mfa_token)
        return account
      }
      challenges.recordWrongCode(body.mfa_token)
      return undefined
    })
    if (attempt.outcome === 'locked') throw tooManyAttempts(attempt.retryAfterSeconds)
    if (attempt.outcome === 'failed') throw new HttpError(401, 'The code is not valid.', { code: 'invalid_code' })
    const reply = await sessionReply(account.user, refreshTokens.startFamily(account.user.id))
    stats.secondFactors++
    return reply
  }

  async function refresh(req: IncomingMessage): Promise<Reply> {
    const { refresh_token } = validateRefreshBody(await readJsonBody(req, maxBodyBytes))
    const rotation = refreshTokens.rotate(refresh_token)
    if (!rotation.ok) {
      throw new HttpError(
        401,
        rotation.reason === 'reused'
          ? 'The refresh token has already been used; the session has been revoked.'
          : 'The refresh token is invalid or has expired.',
      )
    }
    const user = accounts.findById(rotation.userId)?.user
    if (user === undefined) throw new HttpError(401, 'The refresh token is invalid or has expired.')
    const reply = await sessionReply(user, rotation.issued)
    stats.refreshes++
    return reply
  }

  async function profile(req: IncomingMessage): Promise<Reply> {
    const { user } = await authenticate(req)
    stats.profiles++
    return { status: 200, body: { data: user } }
  }

  // By the refresh token when the body carries one (its access token may have expired), else by the access token.
  async function logout(req: IncomingMessage): Promise<Reply> {
    const body = await readJsonBody(req, maxBodyBytes)
    const refreshToken = typeof body === 'object' && body !== null && 'refresh_token' in body ? body.refresh_token : undefined
    const familyId = typeof refreshToken === 'string' ? refreshTokens.familyOf(refreshToken) : (await authenticate(req)).familyId
    if (familyId === undefined) throw new HttpError(401, 'The refresh token is invalid or has expired.')
    refreshTokens.revoke(familyId)
    stats.logouts++
    return { status: 204 }
  }

  async function register(req: IncomingMessage): Promise<Reply> {
    const body = await readJsonBody(req, maxBodyBytes)
    const isTaken = (email: string) => accounts.findByEmail(email) !== undefined
    const { name, email, password } = validateSignUpBody(body, isTaken)
    const passwordHash = await hashPassword(password)
    // Checked again with nothing awaited before the account is added: another sign-up may have taken the email while this one hashed.
    validateSignUpBody(body, isTaken)
    const account = accounts.create({ name, email, passwordHash })
    stats.signUps++
    return { status: 202, body: { message: 'Check your email to confirm your account.' }, afterwards: () => mailVerificationLink(account) }
  }

  async function verifyEmail(req: IncomingMessage): Promise<Reply> {
    const { token } = validateVerifyEmailBody(await readJsonBody(req, maxBodyBytes))
    const userId = verificationTokens.consume(token)
    const account = userId === undefined ? undefined : accounts.findById(userId)
    if (account === undefined) throw new HttpError(400, 'This verification link is invalid or has expired.')
    account.verified = true
    const reply = await sessionReply(account.user, refreshTokens.startFamily(account.user.id))
    stats.verifications++
    return reply
  }

  async function resendVerification(req: IncomingMessage): Promise<Reply> {
    const { email } = validateEmailBody(await readJsonBody(req, maxBodyBytes))
    takeMailRequest('resend', email)
    const account = accounts.findByEmail(email)
    return {
      status: 202,
      body: { message: 'If that account needs confirming, we have sent a new link.' },
      afterwards: account !== undefined && !account.verified ? () => mailVerificationLink(account) : undefined,
    }
  }

  async function forgotPassword(req: IncomingMessage): Promise<Reply> {
    const { email } = validateEmailBody(await readJsonBody(req, maxBodyBytes))
    takeMailRequest('forgot', email)
    const account = accounts.findByEmail(email)
    return {
      status: 202,
      body: { message: 'If that account exists, we have sent a link to reset the password.' },
      afterwards: account === undefined ? undefined : () => mailResetLink(account),
    }
  }

  async function resetPassword(req: IncomingMessage): Promise<Reply> {
    const { token, password } = validateResetPasswordBody(await readJsonBody(req, maxBodyBytes))
    // Used up before the hash is awaited, so that two requests with one link cannot both get through.
    const userId = resetTokens.consume(token)
    const account = userId === undefined ? undefined : accounts.findById(userId)
    if (account === undefined) throw new HttpError(400, 'This password reset link is invalid or has expired.')
    await accounts.setPassword(account, password)
    // The link came by mail, which is what confirming the email would have proved.
    account.verified = true
    // Whoever knew the old password is out: their sessions, and sign-ins waiting for a code.
    refreshTokens.revokeUser(account.user.id)
    challenges.revokeUser(account.user.id)
    stats.passwordResets++
    return { status: 204 }
  }

  async function listOutbox(req: IncomingMessage): Promise<Reply> {
    const to = new URL(req.url ?? '/', 'http://localhost').searchParams.get('to') ?? undefined
    return { status: 200, body: { messages: outbox.list(to) } }
  }

  const routes = new Map<string, Record<string, Handler>>([
    ['/auth/login', { POST: login }],
    ['/auth/two-factor', { POST: twoFactor }],
    ['/auth/refresh', { POST: refresh }],
    ['/auth/profile', { GET: profile }],
    ['/auth/logout', { POST: logout }],
    ['/auth/register', { POST: register }],
    ['/auth/verify-email', { POST: verifyEmail }],
    ['/auth/verify-email/resend', { POST: resendVerification }],
    ['/auth/forgot-password', { POST: forgotPassword }],
    ['/auth/reset-password', { POST: resetPassword }],
    ['/dev/outbox', { GET: listOutbox }],
  ])

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const methods = routes.get(new URL(req.url ?? '/', 'http://localhost').pathname)
      if (methods === undefined) throw new HttpError(404, 'Not found.')
      const method = req.method ?? ''
      const handler = Object.hasOwn(methods, method) ? methods[method] : undefined
      if (handler === undefined) {
        throw new HttpError(405, 'Method not allowed.', { headers: { allow: Object.keys(methods).join(', ') } })
      }
      const reply = await handler(req)
      sendJson(res, reply.status, reply.body)
      reply.afterwards?.()
    } catch (error) {
      if (error instanceof HttpError) {
        sendJson(res, error.status, error.body, error.headers)
        return
      }
      console.error('demo backend: unexpected error', error)
      sendJson(res, 500, { message: 'Server error.' })
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res)
  })

  function storedEntries(): DemoBackendEntries {
    const { tokens, families } = refreshTokens.size
    return {
      refreshTokens: tokens,
      refreshFamilies: families,
      throttledEmails: throttle.size,
      throttledMailRequests: mailThrottle.size,
      verificationTokens: verificationTokens.size,
      resetTokens: resetTokens.size,
      secondFactorChallenges: challenges.size,
    }
  }

  function sweep(): DemoBackendEntries {
    refreshTokens.purgeExpired()
    throttle.purgeExpired()
    mailThrottle.purgeExpired()
    verificationTokens.purgeExpired()
    resetTokens.purgeExpired()
    challenges.purgeExpired()
    return storedEntries()
  }

  // Only while listening, and unref()ed: the sweep alone must never keep a process alive, and a server
  // that is closed and listens again (as tests restart it) gets its sweep back.
  let sweepTimer: ReturnType<typeof setInterval> | undefined
  server.on('listening', () => {
    clearInterval(sweepTimer)
    sweepTimer = setInterval(sweep, sweepIntervalMs).unref()
  })
  server.on('close', () => {
    clearInterval(sweepTimer)
    sweepTimer = undefined
  })

  return { server, stats, revokeAll: () => refreshTokens.revokeAll(), sweep, storedEntries, outbox: (to) => outbox.list(to) }
}
