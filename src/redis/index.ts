/**
 * A coordination store on Redis (or Valkey, or any service that speaks its protocol), so the
 * instances of an app share refreshes and sign-outs.
 *
 * @module gatehouse/redis
 */
export { createRedisStore, type RedisStore, type RedisStoreOptions } from './createRedisStore'
