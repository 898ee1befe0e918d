import { createClient } from 'redis'
import type { CoordinationStore } from '../server/session/CoordinationStore'

/** Where the Redis server is, and how long gatehouse waits for it. */
export interface RedisStoreOptions {
  /** `redis://…` or `rediss://…` (TLS), as Redis, Valkey and the services that speak their protocol give it. */
  url: string
  /** How long a command may take before the store counts as unreachable. Default 500 ms. */
  timeoutMs?: number
}

/** What `createRedisStore` returns: a coordination store, with a way to close its connections. */
export interface RedisStore extends CoordinationStore {
  /** Closes the connection (tests, a graceful shutdown). */
  close(): Promise<void>
}

/** How long the first commands wait for the connection to be made, at the first use. */
const FIRST_CONNECTION_MS = 2_000
const REVOKED = { key: 'gatehouse:v1:revoked:', channel: 'gatehouse:v1:revoked' }
// One step: the lock is deleted only while it is still this instance's.
const DELETE_IF_HELD = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"

/**
 * A coordination store on Redis, or Valkey or any service that speaks its protocol, through
 * node-redis. It connects at the first use (a build that loads the module makes no connection)
 * and reconnects by itself; while it cannot reach the server, commands fail at once instead of
 * queueing, and a command unanswered within `timeoutMs` fails, so gatehouse falls back without
 * waiting.
 *
 * @example
 * createGatehouse({ backend, coordination: { store: createRedisStore({ url: process.env.REDIS_URL! }) } })
 */
export function createRedisStore({ url, timeoutMs = 500 }: RedisStoreOptions): RedisStore {
  let client: ReturnType<typeof createClient> | undefined
  let subscriber: NonNullable<typeof client> | undefined
  let firstConnection: Promise<unknown> | undefined
  const connected = async () => {
    if (!client) {
      client = createClient({
        url,
        disableOfflineQueue: true,
        socket: { connectTimeout: FIRST_CONNECTION_MS, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
      })
      // Reported where a command fails (gatehouse logs an outage once); the client reconnects by itself.
      client.on('error', () => {})
      const connecting = client.connect().catch(() => {})
      firstConnection = Promise.race([connecting, new Promise((resolve) => setTimeout(resolve, FIRST_CONNECTION_MS))])
    }
    // Only the first commands wait for the connection; later ones find it ready, or fail at once while it is lost.
    await firstConnection
    return client
  }
  // node-redis's own command timeout did not fire against a stopped server (SIGSTOP): this one does.
  const within = async <T>(command: (redis: NonNullable<typeof client>) => Promise<T>) => {
    const redis = await connected()
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
    })
    return Promise.race([command(redis), timeout]).finally(() => clearTimeout(timer))
  }
  const expiring = (ttlMs: number) => ({ expiration: { type: 'PX', value: Math.max(1, Math.ceil(ttlMs)) } }) as const
  return {
    get: (key) => within((redis) => redis.get(key)),
    setIfAbsent: async (key, value, ttlMs) =>
      (await within((redis) => redis.set(key, value, { ...expiring(ttlMs), condition: 'NX' }))) === 'OK',
    set: async (key, value, ttlMs) => {
      await within((redis) => redis.set(key, value, expiring(ttlMs)))
    },
    deleteIf: async (key, value) => {
      await within((redis) => redis.eval(DELETE_IF_HELD, { keys: [key], arguments: [value] }))
    },
    // Recorded and announced in one round trip, as one transaction.
    revoke: async (sessionId, until) => {
      await within((redis) =>
        redis
          .multi()
          .set(`${REVOKED.key}${sessionId}`, String(until), expiring(until - Date.now()))
          .publish(REVOKED.channel, `${sessionId} ${until}`)
          .exec(),
      )
    },
    async watchRevocations(onRevoked) {
      const passOn = (sessionId: string, until: string | null) => {
        const ends = Number(until)
        if (sessionId && Number.isSafeInteger(ends)) onRevoked(sessionId, ends)
      }
      const readAll = () =>
        within(async (redis) => {
          for await (const keys of redis.scanIterator({ MATCH: `${REVOKED.key}*`, COUNT: 1_000 })) {
            const ends = keys.length ? await redis.mGet(keys) : []
            for (const [index, key] of keys.entries()) passOn(key.slice(REVOKED.key.length), ends[index] ?? null)
          }
        })
      const redis = await connected()
      subscriber = redis.duplicate()
      subscriber.on('error', () => {})
      // Sign-outs recorded while this instance could not hear them are read again at each reconnection.
      let connections = 0
      subscriber.on('ready', () => {
        if (connections++ > 0) readAll().catch(() => {})
      })
      await within(async () => {
        await subscriber?.connect()
        await subscriber?.subscribe(REVOKED.channel, (message) => {
          const [sessionId = '', until = null] = message.split(' ')
          passOn(sessionId, until)
        })
      })
      await readAll()
    },
    close: async () => {
      for (const open of [subscriber, client]) {
        if (open?.isOpen) await open.close()
        else open?.destroy()
      }
    },
  }
}
