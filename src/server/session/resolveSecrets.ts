import { encodeBase64url } from '../base64url'

const MIN_SECRET_LENGTH = 32
const DEV_SECRET = Symbol.for('gatehouse.developmentSecret')

/**
 * The sealing secrets, newest first: the `secret` option, else `AUTH_SECRET` (comma-separated
 * for rotation). Without one, production throws (the first request that needs it answers
 * `server_misconfigured`); development invents one per process,
 * shared by every module graph in it (route handlers and `proxy.ts`), and says so loudly.
 */
export function resolveSecrets(secret: string | readonly string[] | undefined, env = process.env): string[] {
  const given = secret ?? env.AUTH_SECRET?.split(',')
  const secrets = (typeof given === 'string' ? [given] : (given ?? [])).map((value) => value.trim()).filter(Boolean)
  for (const value of secrets) {
    if (value.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `gatehouse: AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters. Generate one with \`openssl rand -base64 32\`.`,
      )
    }
  }
  if (secrets.length > 0) return secrets
  if (env.NODE_ENV === 'production') {
    throw new Error(
      'gatehouse: AUTH_SECRET is not set. It is required in production to seal session cookies. Generate one with `openssl rand -base64 32`.',
    )
  }
  const store = globalThis as { [DEV_SECRET]?: string }
  if (!store[DEV_SECRET]) {
    store[DEV_SECRET] = encodeBase64url(crypto.getRandomValues(new Uint8Array(32)))
    console.warn(
      '\n[gatehouse] WARNING: AUTH_SECRET is not set. Using a random secret for this development process only:\n' +
        '[gatehouse] sessions end when the server restarts. Set AUTH_SECRET (openssl rand -base64 32) to keep them.\n',
    )
  }
  return [store[DEV_SECRET]]
}
