import { backendFetch, type BackendResponse } from '../backendFetch'
import { GatehouseError } from '../../GatehouseError'
import { describeShape } from './describeShape'
import type { ClientAddress } from '../BackendAdapter'
import type { ResolvedRestOptions } from './resolveRestOptions'

export interface BackendCall {
  /** Sent as `Authorization: Bearer …`. */
  bearer?: string
  /** Body fields, encoded as the options' `bodyFormat`. */
  fields?: Record<string, string>
  /** Sent in its header, for the backend's per-address throttling. */
  clientAddress?: ClientAddress
}

/**
 * Makes the function that calls one of the backend's endpoints with a token and body fields,
 * bounded in time (`maxCallMs`) and size by `backendFetch`.
 *
 * @example
 * const call = createBackendCaller(options)
 * const response = await call(options.profile, { bearer: accessToken })
 */
export function createBackendCaller({ baseUrl, bodyFormat, fetch, maxCallMs, debug }: ResolvedRestOptions) {
  const send = (endpoint: { method: string; path: string }, { bearer, fields, clientAddress }: BackendCall): Promise<BackendResponse> => {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (bearer) headers.authorization = `Bearer ${bearer}`
    if (clientAddress) headers[clientAddress.header] = clientAddress.address
    let body: string | undefined
    let query = ''
    // A GET has no body: its fields go in the query, as a link's token does (Directus's email verification).
    if (fields && Object.keys(fields).length > 0 && endpoint.method === 'GET') query = `?${new URLSearchParams(fields)}`
    else if (fields && Object.keys(fields).length > 0) {
      headers['content-type'] = bodyFormat === 'form' ? 'application/x-www-form-urlencoded' : 'application/json'
      body = bodyFormat === 'form' ? new URLSearchParams(fields).toString() : JSON.stringify(fields)
    }
    return backendFetch(`${baseUrl}${endpoint.path}${query}`, { method: endpoint.method, headers, body }, { fetch, maxCallMs })
  }
  if (!debug) return send
  return async (endpoint: { method: string; path: string }, call: BackendCall): Promise<BackendResponse> => {
    const startedAt = Date.now()
    const exchange = `[gatehouse] backend ${endpoint.method} ${endpoint.path}`
    const sent = [...(call.bearer ? ['a bearer token'] : []), ...Object.keys(call.fields ?? {})]
    const what = sent.length ? ` · sent ${sent.join(', ')}` : ''
    try {
      const response = await send(endpoint, call)
      const answer = response.body === undefined ? 'no body' : `answer ${describeShape(response.body)}`
      debug(`${exchange} → ${response.status} in ${Date.now() - startedAt} ms${what} · ${answer}`)
      return response
    } catch (error) {
      const code = error instanceof GatehouseError ? `${error.code}${error.detail ? `: ${error.detail}` : ''}` : 'error'
      debug(`${exchange} → failed (${code}) after ${Date.now() - startedAt} ms${what}`)
      throw error
    }
  }
}
