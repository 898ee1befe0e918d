/**
 * Where several gatehouse instances (processes, machines, serverless functions) share what one
 * of them learned from a refresh, and which sessions were signed out: a string store whose keys
 * expire by themselves, with a channel that tells every instance of each sign-out. gatehouse
 * names refresh keys by a keyed digest and seals every value with its secret, so the store never
 * holds a readable token; a signed-out session is known by its random id, which opens nothing.
 * `createRedisStore` from `gatehouse/redis` is one.
 *
 * @example
 * createGatehouse({ backend, coordination: { store: createRedisStore({ url: process.env.REDIS_URL! }) } })
 */
export interface CoordinationStore {
  /** The value at `key`, or `null`. */
  get(key: string): Promise<string | null>
  /** Sets `key` to `value` for `ttlMs` unless it is set already; whether it was set. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>
  /** Sets `key` to `value` for `ttlMs`. */
  set(key: string, value: string, ttlMs: number): Promise<void>
  /** Deletes `key` if it still holds `value` (one step: nobody else's value is deleted). */
  deleteIf(key: string, value: string): Promise<void>
  /** Records the session with this id as signed out until `until` (epoch milliseconds), and tells every instance watching. */
  revoke(sessionId: string, until: number): Promise<void>
  /**
   * Calls `onRevoked` for every session recorded as signed out — those recorded already, again
   * after each reconnection, and each new one as it is recorded — for as long as the store is
   * open. Settles once the ones recorded already have been passed on (or could not be).
   */
  watchRevocations(onRevoked: (sessionId: string, until: number) => void): Promise<void>
}
