import { ADDRESS_HEADERS } from './requestHeaderRules'

// RFC 9110 §5.1: a header name is a token.
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/

/**
 * Whether `name`, lower-cased, can be sent as a header's name.
 *
 * @example
 * isHeaderName('x-client-ip') // true
 * isHeaderName('x client') // false
 */
export const isHeaderName = (name: string) => TOKEN.test(name)

/**
 * The header names the backend proxy passes one way: `defaults` plus those the app `listed` in its
 * option `option`, lower-cased. A listed name that is not a header name, that is in `refused`, that
 * is a CORS header or, for `forwardHeaders`, one that states the client's address (see
 * `ADDRESS_HEADERS`) throws at creation: a mistake in the configuration should stop the app from
 * starting, not leak a cookie or a token, or let a client choose its own address, once it runs.
 *
 * @example
 * headerNames('forwardHeaders', ['accept'], ['X-Request-Id'], new Set(['cookie']))
 * // Set { 'accept', 'x-request-id' }
 * headerNames('forwardHeaders', ['accept'], ['Cookie'], new Set(['cookie'])) // throws
 * headerNames('forwardHeaders', ['accept'], ['X-Forwarded-For'], new Set()) // throws
 */
export function headerNames(
  option: 'forwardHeaders' | 'returnHeaders',
  defaults: readonly string[],
  listed: readonly string[],
  refused: ReadonlySet<string>,
): ReadonlySet<string> {
  const names = listed.map((name) => name.trim().toLowerCase())
  for (const name of names) {
    if (!isHeaderName(name))
      throw new Error(`gatehouse: createBackendProxy's \`${option}\` lists ${JSON.stringify(name)}, which is not a header name.`)
    if (option === 'forwardHeaders' && ADDRESS_HEADERS.has(name))
      throw new Error(
        `gatehouse: createBackendProxy's \`forwardHeaders\` cannot list "${name}": any client can write it. To tell the backend the client's address, use createGatehouse's \`clientAddress\` option.`,
      )
    if (refused.has(name) || name.startsWith('access-control-'))
      throw new Error(
        `gatehouse: createBackendProxy's \`${option}\` cannot list "${name}": the proxy sets or drops that header itself, so that the session, the token and the connection stay its own.`,
      )
  }
  return new Set([...defaults, ...names])
}
