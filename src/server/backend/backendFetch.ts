import { GatehouseError } from '../GatehouseError'
import { readLimitedText } from './readLimitedText'

export interface BackendResponse {
  status: number
  /** The parsed JSON body; `undefined` when the body was empty. */
  body: unknown
  /** The `Retry-After` header, when the backend sent one (a throttled call). */
  retryAfter?: string
}

export interface BackendFetchOptions {
  fetch?: typeof fetch
  /** How long the call may run in all before it is abandoned (see `RestAdapterOptions.maxCallMs`). */
  maxCallMs: number
}

const MAX_BACKEND_BODY_BYTES = 1_000_000

/**
 * One call to the backend, bounded in time and size. Whatever the backend does — refuses the
 * connection, hangs, answers HTML or a gigantic body — ends as a `GatehouseError`, never a throw
 * of something else.
 */
export async function backendFetch(
  url: string,
  init: RequestInit,
  { fetch: fetchImpl = globalThis.fetch, maxCallMs }: BackendFetchOptions,
): Promise<BackendResponse> {
  const signal = AbortSignal.timeout(maxCallMs)
  const response = await fetchWithin(fetchImpl, url, { ...init, signal }, SIGN_IN_SERVICE)
  let text: string | null
  try {
    text = await readLimitedText(response.body, MAX_BACKEND_BODY_BYTES)
  } catch {
    throw signal.aborted ? backendTimeout() : invalidResponse('its body could not be read')
  }
  if (text === null) throw invalidResponse(`its body is larger than ${MAX_BACKEND_BODY_BYTES} bytes`)
  const retryAfter = response.headers.get('retry-after') ?? undefined
  const answered = { status: response.status, ...(retryAfter === undefined ? {} : { retryAfter }) }
  if (text.trim() === '') return { ...answered, body: undefined }
  try {
    return { ...answered, body: JSON.parse(text) }
  } catch {
    throw invalidResponse(`it answered ${response.status} with a body that is not JSON`)
  }
}

/**
 * A 502 for a backend answer gatehouse cannot use: the browser gets the catalogue's sentence, the
 * server's log the reason (which may name the backend's status, path and fields).
 */
export function invalidResponse(reason: string): GatehouseError {
  return GatehouseError.withDetail(502, 'backend_invalid_response', reason)
}

const SIGN_IN_SERVICE = 'sign-in service'

/** A 504 for a backend that has not answered in time, naming `service` for the person reading it. */
export const backendTimeout = (service = SIGN_IN_SERVICE) =>
  new GatehouseError(504, 'backend_timeout', `The ${service} took too long to answer. Please try again.`, undefined, 'no answer in time')

/**
 * `fetch` with redirects left to the caller, where a refused connection is 502
 * `backend_unavailable` and the aborted `signal` (its timeout) is 504 `backend_timeout`, each
 * naming `service` for the person reading it.
 */
export async function fetchWithin(
  fetchImpl: typeof fetch,
  url: string | URL,
  init: RequestInit & { signal: AbortSignal },
  service: string,
): Promise<Response> {
  try {
    return await fetchImpl(url, { ...init, redirect: 'manual' })
  } catch (error) {
    throw init.signal.aborted
      ? backendTimeout(service)
      : new GatehouseError(
          502,
          'backend_unavailable',
          `The ${service} cannot be reached right now. Please try again shortly.`,
          undefined,
          `the connection to ${new URL(url).host} failed${connectionFailure(error)}`,
        )
  }
}

/** The system's code for a failed connection (`ECONNREFUSED`, `ENOTFOUND`), which undici puts in `cause`. */
function connectionFailure(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined
  return typeof cause?.code === 'string' ? ` (${cause.code})` : ''
}
