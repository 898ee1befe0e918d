import { readFileSync } from 'node:fs'
import { createNextGatehouse } from 'gatehouse/next'
import { createRedisStore } from 'gatehouse/redis'
import { createGatehouse, restAdapter, type RestAdapterConfig } from 'gatehouse/server'

// The demo backend speaks the adapter's default paths for every account flow; `{}` turns each one on.
const demoBackendShape: RestAdapterConfig = {
  signUp: {},
  verifyEmail: {},
  resendVerification: {},
  requestPasswordReset: {},
  resetPassword: {},
  secondFactor: {},
}

/** Another backend's shape, from the JSON file that AUTH_BACKEND_CONFIG names; none means the demo backend's. */
function backendShape(file = process.env.AUTH_BACKEND_CONFIG): RestAdapterConfig {
  if (!file) return demoBackendShape
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`gatehouse example: AUTH_BACKEND_CONFIG "${file}" is not a readable JSON file (${(error as Error).message}).`)
  }
}

export const backend = restAdapter({ ...backendShape(), baseUrl: process.env.AUTH_BACKEND_URL ?? 'http://127.0.0.1:4000' })

/** Milliseconds from an env var given in seconds, else the default; a value that is no such number stops the start. */
function secondsFrom(name: string, fallbackSeconds: number): number {
  const value = process.env[name]
  if (value === undefined || value === '') return fallbackSeconds * 1_000
  const seconds = Number(value)
  if (!(Number.isFinite(seconds) && seconds > 0))
    throw new Error(`gatehouse example: ${name} "${value}" is not a number of seconds above 0.`)
  return seconds * 1_000
}

// Several instances share refreshes through Redis when REDIS_URL names one; one process needs none.
const redisUrl = process.env.REDIS_URL
export const gatehouse = createGatehouse({
  backend,
  coordination: redisUrl ? { store: createRedisStore({ url: redisUrl }) } : undefined,
  // Signed out after 30 minutes in which the person did nothing in any tab, and 12 hours after signing in, however active.
  idleTimeoutMs: secondsFrom('AUTH_IDLE_TIMEOUT', 30 * 60),
  absoluteLifetimeMs: secondsFrom('AUTH_ABSOLUTE_LIFETIME', 12 * 60 * 60),
})

/** Where signing in leads when the visitor did not come from a protected page. */
export const afterSignInPath = '/dashboard'

export const { handlers, backendHandlers, proxy, getSession, requireSession, redirectIfSignedIn } = createNextGatehouse(gatehouse, {
  protectedPaths: ['/dashboard', '/admin'],
  signInPath: '/sign-in',
  afterSignInPath,
  // Not /verify-email: its link may be opened by someone signed in, and must still confirm the address.
  signedOutOnlyPaths: ['/sign-in', '/sign-up', '/forgot-password', '/reset-password'],
  // The browser reaches the backend only here, and only these paths; the server adds the token.
  backendProxy: { allow: ['/auth/profile'] },
})
