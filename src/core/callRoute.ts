import { ANSWER_HEADER } from '../contract/answerHeader'
import { CLIENT_HEADER } from '../contract/clientHeader'
import type { ErrorCode } from '../contract/errorCatalogue'
import { network_error, unexpected_response } from '../contract/errorMessages'
import type { AccountOutcome, AuthError, Session } from '../contract/types'

/** What a failed call rejects with: the HTTP status (0 when the server was not reached) and the shared error shape. */
export interface TransportFailure {
  /** The answer's HTTP status; 0 when no answer came. */
  status: number
  /** The route's error; `network_error` when no answer came, `unexpected_response` when the answer was not a gatehouse route's. */
  error: AuthError
}

const failure = (status: number, code: ErrorCode, message: string): TransportFailure => ({ status, error: { code, message } })

/**
 * One request to a gatehouse route, shared by the sign-in transport and the account flows' (gatehouse/account), so
 * each reads answers the same way. Resolves with the session, `null` for `{ user: null }`, or, when `outcome` is
 * set (an account flow's route), `{ user: null, outcome }` instead; rejects with a `TransportFailure`. Only the
 * contract's fields are kept from an answer.
 */
export async function callRoute(
  fetchImpl: typeof fetch,
  url: string,
  method: 'GET' | 'POST',
  body?: object,
  outcome?: boolean,
): Promise<Session | { user: null; outcome: AccountOutcome } | null> {
  const response = await fetchImpl(url, {
    method,
    headers: { [CLIENT_HEADER]: '1', ...(body && { 'content-type': 'application/json' }) },
    body: body && JSON.stringify(body),
  }).catch(() => Promise.reject(failure(0, 'network_error', network_error)))
  const answer = (await response.json().catch(() => null)) ?? {}
  const { user, expiresAt, refreshable, idleEndsAt, accessToken, error } = answer
  // A flow's `{ user: null }` must say what it did instead; the session routes' means nobody is signed in.
  if (
    response.ok &&
    (user === null ? !outcome || typeof answer.outcome === 'string' : typeof user?.id === 'string' && typeof expiresAt === 'string')
  ) {
    if (user) return { user, expiresAt, refreshable: refreshable === false ? false : undefined, idleEndsAt, accessToken }
    return outcome ? { user, outcome: answer.outcome } : null
  }
  const { code, message, fields, retryAfterSeconds } = error ?? {}
  // Only a gatehouse route's answer is ours to show, its code included (ANSWER_HEADER says why).
  if (!response.headers.has(ANSWER_HEADER) || typeof message !== 'string')
    throw failure(response.status, 'unexpected_response', unexpected_response)
  throw {
    status: response.status,
    error: { code, message, fields, retryAfterSeconds: typeof retryAfterSeconds === 'number' ? retryAfterSeconds : undefined },
  } satisfies TransportFailure
}
