/**
 * Where several gatehouse instances (processes, machines, serverless functions) share what one
 * of them learned from a refresh: a string store whose keys expire by themselves. gatehouse
 * names keys by a keyed digest and seals every value with its secret, so the store never holds
 * a readable token. `createRedisStore` from `gatehouse/redis` is one.
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
}
