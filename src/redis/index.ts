export { createRedisStore, type RedisStore, type RedisStoreOptions } from './createRedisStore'
