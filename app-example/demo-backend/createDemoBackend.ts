import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { AccessTokens } from './AccessTokens'
import { HttpError } from './HttpError'
import { readJsonBody } from './readJsonBody'
import { RefreshTokenStore, type IssuedRefreshToken } from './RefreshTokenStore'
import { sendJson } from './sendJson'
import { SignInThrottle } from './SignInThrottle'
import { findUserByCredentials, findUserById, type User } from './users'
import { validateLoginBody } from './validateLoginBody'
import { validateRefreshBody } from './validateRefreshBody'

/**
 * Settings for {@link createDemoBackend}; TTLs and windows are in seconds, `now` returns epoch milliseconds.
 * - `maxBodyBytes`: larger JSON bodies are answered 413 (default 16 KiB; a login body is well under 1 KiB).
 * - `signInThrottle`: after `maxFailures` failed sign-ins for one email within `windowSeconds` of the
 *   first, that email is answered 429 until the window closes (default 5 in 300 s).
 * - `sweepIntervalSeconds`: how often expired refresh tokens and throttle windows are forgotten while
 *   the server listens (default 60).
 */
export interface DemoBackendOptions {
  accessTokenTtl: number
  refreshTokenTtl: number
  jwtSecret?: string
  now?: () => number
  maxBodyBytes?: number
  signInThrottle?: { maxFailures?: number; windowSeconds?: number }
  sweepIntervalSeconds?: number
}

/** Counts of successful calls per operation. */
export interface DemoBackendStats {
  logins: number
  refreshes: number
  profiles: number
  logouts: number
}

/** How many entries the backend holds in memory, expired ones included until the next sweep. */
export interface DemoBackendEntries {
  refreshTokens: number
  refreshFamilies: number
  throttledEmails: number
}

/** A demo backend; `server` is created but not yet listening. */
export interface DemoBackend {
  server: Server
  stats: DemoBackendStats
  revokeAll(): void
  /** Forgets expired entries now, as the periodic sweep does, and counts what is left. */
  sweep(): DemoBackendEntries
  storedEntries(): DemoBackendEntries
}

interface Reply {
  status: number
  body?: unknown
}

type Handler = (req: IncomingMessage) => Promise<Reply>

/**
 * Builds an HTTP server that imitates an external auth backend: JWT access tokens plus rotating,
 * reuse-detecting refresh tokens, all held in memory and timed by `options.now`. Passwords are
 * checked against scrypt hashes, failed sign-ins are throttled per email, bodies are bounded, and
 * expired entries are swept while the server listens.
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
  const stats: DemoBackendStats = { logins: 0, refreshes: 0, profiles: 0, logouts: 0 }

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
    const user = claims && refreshTokens.isActive(claims.familyId) ? findUserById(claims.userId) : undefined
    if (claims === undefined || user === undefined) throw new HttpError(401, 'Unauthenticated.')
    return { user, familyId: claims.familyId }
  }

  async function login(req: IncomingMessage): Promise<Reply> {
    const { email, password } = validateLoginBody(await readJsonBody(req, maxBodyBytes))
    // Keyed by the email as typed, known or not: locking only real accounts would tell which exist.
    const attempt = await throttle.run(email.toLowerCase(), () => findUserByCredentials(email, password))
    if (attempt.outcome === 'locked') {
      const seconds = attempt.retryAfterSeconds
      throw new HttpError(429, `Too many login attempts. Please try again in ${seconds} seconds.`, {
        headers: { 'retry-after': String(seconds) },
      })
    }
    if (attempt.outcome === 'failed') throw new HttpError(401, 'These credentials do not match our records.')
    const user = attempt.value
    const reply = await sessionReply(user, refreshTokens.startFamily(user.id))
    stats.logins++
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
    const user = findUserById(rotation.userId)
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

  const routes = new Map<string, Record<string, Handler>>([
    ['/auth/login', { POST: login }],
    ['/auth/refresh', { POST: refresh }],
    ['/auth/profile', { GET: profile }],
    ['/auth/logout', { POST: logout }],
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
    return { refreshTokens: tokens, refreshFamilies: families, throttledEmails: throttle.size }
  }

  function sweep(): DemoBackendEntries {
    refreshTokens.purgeExpired()
    throttle.purgeExpired()
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

  return { server, stats, revokeAll: () => refreshTokens.revokeAll(), sweep, storedEntries }
}
