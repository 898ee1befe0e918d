import type { User } from '../core/types'
import { backendFetch, invalidResponse, type BackendResponse } from './backendFetch'
import { GatehouseError } from './GatehouseError'
import type { BackendAdapter, BackendCredentials, BackendTokens } from './types'

export interface RestAdapterOptions {
  /** The backend's base URL, e.g. `https://api.example.com`. */
  baseUrl: string
  /** How long to wait for any backend call. Default 10 000 ms. */
  timeoutMs?: number
  fetch?: typeof fetch
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The default adapter, for backends that speak the common REST contract: `POST /auth/login`,
 * `POST /auth/refresh`, `GET /auth/profile` and `POST /auth/logout`, answers under `data`, errors
 * as `{ message, data: { field: [messages] } }`.
 *
 * @example
 * const backend = restAdapter({ baseUrl: process.env.AUTH_BACKEND_URL!, timeoutMs: 5_000 })
 */
export function restAdapter({ baseUrl, timeoutMs = 10_000, fetch }: RestAdapterOptions): BackendAdapter {
  if (!URL.canParse(baseUrl)) throw new Error(`gatehouse: the backend URL "${baseUrl}" is not an absolute URL (set AUTH_BACKEND_URL).`)
  const root = baseUrl.replace(/\/+$/, '')
  const call = (path: string, init: RequestInit) => backendFetch(`${root}/${path}`, init, { fetch, timeoutMs })
  const post = (path: string, body: Json | undefined, bearer?: string) =>
    call(path, {
      method: 'POST',
      headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}), ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })

  return {
    async login(credentials: BackendCredentials) {
      const response = await post('auth/login', { email: credentials.identifier, password: credentials.password })
      if (response.status === 422) throw validationError(response.body)
      if (response.status === 401 || response.status === 403) {
        throw new GatehouseError(401, 'invalid_credentials', messageOf(response.body) ?? 'The email or password is incorrect.')
      }
      return readTokens(expectOk(response))
    },
    async refresh(refreshToken) {
      const response = await post('auth/refresh', { refresh_token: refreshToken })
      if (response.status >= 400 && response.status < 500) throw sessionExpired()
      return readTokens(expectOk(response))
    },
    async profile(accessToken) {
      const response = await call('auth/profile', { headers: { accept: 'application/json', authorization: `Bearer ${accessToken}` } })
      if (response.status === 401) throw sessionExpired()
      const body = expectOk(response)
      return readUser(isObject(body) ? body.data : undefined)
    },
    async logout({ accessToken }) {
      if (accessToken) await post('auth/logout', undefined, accessToken)
    },
  }
}

const sessionExpired = () => new GatehouseError(401, 'session_expired', 'Your session has ended. Please sign in again.')

function expectOk(response: BackendResponse): unknown {
  if (response.status >= 200 && response.status < 300) return response.body
  throw invalidResponse(`it answered ${response.status}`)
}

function messageOf(body: unknown): string | undefined {
  return isObject(body) && typeof body.message === 'string' && body.message.length <= 500 ? body.message : undefined
}

function validationError(body: unknown): GatehouseError {
  const fields: Record<string, string[]> = {}
  const data = isObject(body) ? body.data : undefined
  for (const [field, messages] of Object.entries(isObject(data) ? data : {})) {
    const list = (Array.isArray(messages) ? messages : [messages]).filter((message): message is string => typeof message === 'string')
    if (list.length > 0) fields[field] = list
  }
  return new GatehouseError(422, 'validation_failed', messageOf(body) ?? 'Some fields are not valid.', fields)
}

function readTokens(body: unknown): BackendTokens {
  const data = isObject(body) ? body.data : undefined
  if (!isObject(data) || typeof data.token !== 'string' || data.token === '') throw invalidResponse('no access token in its answer')
  const accessTokenExpiresAt = readTime(data.token_expires_at, 'token_expires_at')
  const refreshToken = typeof data.refresh_token === 'string' && data.refresh_token !== '' ? data.refresh_token : undefined
  return {
    accessToken: data.token,
    accessTokenExpiresAt,
    ...(refreshToken ? { refreshToken, refreshTokenExpiresAt: readTime(data.refresh_token_expires_at, 'refresh_token_expires_at') } : {}),
    ...(data.user === undefined ? {} : { user: readUser(data.user) }),
  }
}

function readTime(value: unknown, field: string): number {
  const time = typeof value === 'string' ? Date.parse(value) : NaN
  if (Number.isNaN(time)) throw invalidResponse(`${field} is not an ISO time`)
  return time
}

/** Keeps a small, known subset of the backend's user, so the sealed cookie stays small. */
function readUser(value: unknown): User {
  if (!isObject(value) || (typeof value.id !== 'string' && typeof value.id !== 'number')) throw invalidResponse('no user with an id in its answer')
  const text = (field: unknown) => (typeof field === 'string' ? field.slice(0, 200) : undefined)
  const roles = Array.isArray(value.roles) ? value.roles : typeof value.role === 'string' ? [value.role] : []
  return {
    id: String(value.id),
    ...(text(value.name) ? { name: text(value.name) } : {}),
    ...(text(value.email) ? { email: text(value.email) } : {}),
    roles: roles.filter((role): role is string => typeof role === 'string').slice(0, 50),
  }
}
