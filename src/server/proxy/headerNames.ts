// RFC 9110 §5.1: a header name is a token.
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/

/**
 * The header names the backend proxy passes one way: `defaults` plus those the app `listed` in its
 * option `option`, lower-cased. A listed name that is not a header name, that is in `refused`, or
 * that is a CORS header throws at creation: a mistake in the configuration should stop the app
 * from starting, not leak a cookie or a token once it runs.
 *
 * @example
 * headerNames('forwardHeaders', ['accept'], ['X-Request-Id'], new Set(['cookie']))
 * // Set { 'accept', 'x-request-id' }
 * headerNames('forwardHeaders', ['accept'], ['Cookie'], new Set(['cookie'])) // throws
 */
export function headerNames(
  option: string,
  defaults: readonly string[],
  listed: readonly string[],
  refused: ReadonlySet<string>,
): ReadonlySet<string> {
  const names = listed.map((name) => name.trim().toLowerCase())
  for (const name of names) {
    if (!TOKEN.test(name))
      throw new Error(`gatehouse: createBackendProxy's \`${option}\` lists ${JSON.stringify(name)}, which is not a header name.`)
    if (refused.has(name) || name.startsWith('access-control-'))
      throw new Error(
        `gatehouse: createBackendProxy's \`${option}\` cannot list "${name}": the proxy sets or drops that header itself, so that the session, the token and the connection stay its own.`,
      )
  }
  return new Set([...defaults, ...names])
}
