import { CLIENT_HEADER } from './clientHeader'
import type { AuthError, Credentials, Session } from './types'

/** The result of one call to a proxy route: a session, a known absence of one, or an error. */
export type TransportResult = { ok: true; session: Session | null } | { ok: false; status: number; error: AuthError }

export interface Transport {
  session(): Promise<TransportResult>
  login(credentials: Credentials): Promise<TransportResult>
  refresh(): Promise<TransportResult>
  logout(): Promise<TransportResult>
}

export interface TransportOptions {
  /** Where the proxy routes are mounted. Default `/api/auth`. */
  basePath?: string
  fetch?: typeof fetch
}


/**
 * Talks to the app's own proxy routes. Cookies travel by themselves (same origin); bodies carry
 * only the user and the expiry.
 *
 * @example
 * const transport = createTransport({ basePath: '/api/auth' })
 * const result = await transport.login({ email: 'demo@example.com', password: 'demo-password' })
 */
export function createTransport({ basePath = '/api/auth', fetch: fetchImpl }: TransportOptions = {}): Transport {
  const call = async (route: string, method: 'GET' | 'POST', body?: unknown): Promise<TransportResult> => {
    const doFetch = fetchImpl ?? globalThis.fetch
    let response: Response
    try {
      response = await doFetch(`${basePath}/${route}`, {
        method,
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { accept: 'application/json', [CLIENT_HEADER]: '1', ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      })
    } catch {
      return { ok: false, status: 0, error: { code: 'network_error', message: 'The server could not be reached. Check your connection.' } }
    }
    const payload: unknown = await response.json().catch(() => undefined)
    if (response.ok && isSessionBody(payload)) {
      const refreshable = payload.refreshable === false ? { refreshable: false as const } : {}
      const accessToken = typeof payload.accessToken === 'string' ? { accessToken: payload.accessToken } : {}
      return { ok: true, session: payload.user ? { user: payload.user, expiresAt: payload.expiresAt!, ...refreshable, ...accessToken } : null }
    }
    return { ok: false, status: response.status, error: readError(payload, response.status) }
  }
  return {
    session: () => call('session', 'GET'),
    login: (credentials) => call('login', 'POST', credentials),
    refresh: () => call('refresh', 'POST'),
    logout: () => call('logout', 'POST'),
  }
}

function isSessionBody(payload: unknown): payload is { user: Session['user'] | null; expiresAt?: string; refreshable?: unknown; accessToken?: unknown } {
  if (typeof payload !== 'object' || payload === null || !('user' in payload)) return false
  const { user, expiresAt } = payload as { user: unknown; expiresAt?: unknown }
  return user === null || (typeof user === 'object' && typeof expiresAt === 'string')
}

function readError(payload: unknown, status: number): AuthError {
  const error = (payload as { error?: Partial<AuthError> } | undefined)?.error
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) }
  }
  return { code: 'unexpected_response', message: `The server answered ${status} with an unexpected body.` }
}
