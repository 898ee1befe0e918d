import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startRedis, type RedisServer } from '../../test/backends/startRedis'
import { GatehouseError } from '../server/GatehouseError'
import { createSealer } from '../server/session/createSealer'
import { createSharedExchange, type CoordinationOptions } from '../server/session/createSharedExchange'
import { createRedisStore, type RedisStore } from './createRedisStore'

const SECRET = 'coordination-test-secret-0123456789abcdef'
const OUTCOME = { tokens: { accessToken: 'access-2-secret', refreshToken: 'refresh-2-secret' }, user: { id: '7' } }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let redis: RedisServer
const stores: RedisStore[] = []
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()))
  await redis?.stop()
})

/** One gatehouse instance's view: its own store connection, its own sealer, the same secret. */
function instance(options: Partial<CoordinationOptions> & { url?: string } = {}) {
  const store = createRedisStore({ url: options.url ?? redis.url, timeoutMs: 1_000 })
  stores.push(store)
  const logger = { warn: vi.fn() }
  const exchangeOnce = createSharedExchange(
    { store, ...options },
    { sealer: createSealer([SECRET]), graceMs: 30_000, maxCallMs: 60_000, logger },
  )
  return { exchangeOnce, logger }
}
const token = () => `refresh-1-${crypto.randomUUID()}`

describe('one exchange per refresh token across instances sharing a Redis', () => {
  it('lets one instance exchange and hands its outcome to the others', async () => {
    const [a, b, c] = [instance(), instance(), instance()]
    const refreshToken = token()
    const exchange = vi.fn(async () => {
      await sleep(50)
      return OUTCOME
    })
    const outcomes = await Promise.all([a, b, c].map(({ exchangeOnce }) => exchangeOnce(refreshToken, exchange)))
    expect(exchange).toHaveBeenCalledTimes(1)
    expect(outcomes).toEqual([OUTCOME, OUTCOME, OUTCOME])
    expect(await instance().exchangeOnce(refreshToken, exchange)).toEqual(OUTCOME)
    expect(exchange).toHaveBeenCalledTimes(1)
  })

  it('shares a rejection too, so a session ends once', async () => {
    const [a, b] = [instance(), instance()]
    const refreshToken = token()
    const exchange = vi.fn(async () => null)
    expect(await a.exchangeOnce(refreshToken, exchange)).toBeNull()
    expect(await b.exchangeOnce(refreshToken, exchange)).toBeNull()
    expect(exchange).toHaveBeenCalledTimes(1)
  })

  it('keeps no readable token in Redis, and every key expires by itself', async () => {
    const refreshToken = token()
    await instance().exchangeOnce(refreshToken, async () => OUTCOME)
    const raw = createClient({ url: redis.url })
    await raw.connect()
    const keys = await raw.keys('gatehouse:*')
    expect(keys.length).toBeGreaterThan(0)
    for (const key of keys) {
      expect(key).not.toContain('refresh-')
      expect(await raw.pTTL(key)).toBeGreaterThan(0)
      const value = (await raw.get(key)) ?? ''
      for (const secret of [refreshToken, 'access-2-secret', 'refresh-2-secret']) expect(value).not.toContain(secret)
    }
    await raw.close()
  })

  it('finds the outcome of a holder that finished between its look and its lock, and exchanges nothing', async () => {
    const refreshToken = token()
    // The second instance looks (nothing yet); the first exchanges and lets go; only then does the second take the lock.
    let release = () => {}
    const firstFinished = new Promise<void>((resolve) => {
      release = resolve
    })
    const store = createRedisStore({ url: redis.url, timeoutMs: 1_000 })
    stores.push(store)
    const late = {
      ...store,
      setIfAbsent: async (key: string, value: string, ttlMs: number) => {
        await firstFinished
        return store.setIfAbsent(key, value, ttlMs)
      },
    }
    const second = createSharedExchange(
      { store: late },
      { sealer: createSealer([SECRET]), graceMs: 30_000, maxCallMs: 60_000, logger: { warn: vi.fn() } },
    )
    const exchange = vi.fn(async () => OUTCOME)
    const looking = second(refreshToken, exchange)
    await sleep(50)
    expect(await instance().exchangeOnce(refreshToken, exchange)).toEqual(OUTCOME)
    release()
    expect(await looking).toEqual(OUTCOME)
    expect(exchange).toHaveBeenCalledTimes(1)
  })

  it('looks for a slow holder’s outcome less and less often, and still finds it', async () => {
    const refreshToken = token()
    let release = () => {}
    const answered = new Promise<void>((resolve) => {
      release = resolve
    })
    void instance().exchangeOnce(refreshToken, async () => {
      await answered
      return OUTCOME
    })
    await sleep(20)
    const store = createRedisStore({ url: redis.url, timeoutMs: 1_000 })
    stores.push(store)
    let looks = 0
    const counted = {
      ...store,
      get: (key: string) => {
        looks += 1
        return store.get(key)
      },
    }
    const exchange = vi.fn(async () => OUTCOME)
    const following = instance({ store: counted }).exchangeOnce(refreshToken, exchange)
    // Three seconds of a stalled holder: at a steady 25 ms that would be 120 looks.
    await sleep(3_000)
    release()
    expect(await following).toEqual(OUTCOME)
    expect(exchange).not.toHaveBeenCalled()
    expect(looks).toBeLessThanOrEqual(12)
  })

  it('keeps an outcome nobody waited for past the grace window, and cuts it back to the window once taken', async () => {
    const refreshToken = token()
    const key = `gatehouse:v1:refreshed:${await createSealer([SECRET]).digest(refreshToken, 'refresh-coordination')}`
    const raw = createClient({ url: redis.url })
    await raw.connect()
    try {
      await instance().exchangeOnce(
        refreshToken,
        async () => OUTCOME,
        () => 3_600_000,
      )
      expect(await raw.pTTL(key)).toBeGreaterThan(30_000)
      const exchange = vi.fn(async () => OUTCOME)
      expect(await instance().exchangeOnce(refreshToken, exchange)).toEqual(OUTCOME)
      expect(exchange).not.toHaveBeenCalled()
      const ttl = await raw.pTTL(key)
      expect(ttl).toBeGreaterThan(0)
      expect(ttl).toBeLessThanOrEqual(30_000)
    } finally {
      await raw.close()
    }
  })

  it('takes over from a holder that crashed once its lock expires', async () => {
    const [crashed, survivor] = [instance({ lockMs: 300 }), instance({ lockMs: 300 })]
    const refreshToken = token()
    void crashed.exchangeOnce(refreshToken, () => new Promise(() => {}))
    await sleep(20)
    const exchange = vi.fn(async () => OUTCOME)
    expect(await survivor.exchangeOnce(refreshToken, exchange)).toEqual(OUTCOME)
    expect(exchange).toHaveBeenCalledTimes(1)
  })

  it('lets another instance try when the holder could not exchange (the backend down)', async () => {
    const [first, second] = [instance(), instance()]
    const refreshToken = token()
    const down = new GatehouseError(502, 'backend_unavailable')
    const failing = first.exchangeOnce(refreshToken, async () => {
      await sleep(50)
      throw down
    })
    await sleep(10)
    const exchange = vi.fn(async () => OUTCOME)
    const [failed, second_] = await Promise.allSettled([failing, second.exchangeOnce(refreshToken, exchange)])
    expect(failed).toEqual({ status: 'rejected', reason: down })
    expect(second_).toEqual({ status: 'fulfilled', value: OUTCOME })
    expect(exchange).toHaveBeenCalledTimes(1)
  })
})

describe('a Redis that is down or stuck', () => {
  it('refreshes in this instance alone while nothing listens, and says so once', async () => {
    const { exchangeOnce, logger } = instance({ url: 'redis://127.0.0.1:1' })
    const exchange = vi.fn(async () => OUTCOME)
    expect(await exchangeOnce(token(), exchange)).toEqual(OUTCOME)
    expect(await exchangeOnce(token(), exchange)).toEqual(OUTCOME)
    expect(exchange).toHaveBeenCalledTimes(2)
    expect(logger.warn).toHaveBeenCalledTimes(1)
    expect(logger.warn.mock.calls[0]![0]).toMatch(/coordination store cannot be reached .*refreshing in this instance alone/)
  })

  it('falls back within its timeout while the server is stuck, and shares again once it answers', async () => {
    const { exchangeOnce, logger } = instance()
    const exchange = vi.fn(async () => OUTCOME)
    await exchangeOnce(token(), exchange)
    redis.pause()
    try {
      const started = Date.now()
      expect(await exchangeOnce(token(), exchange)).toEqual(OUTCOME)
      expect(Date.now() - started).toBeLessThan(3_000)
      expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/cannot be reached/))
    } finally {
      redis.resume()
    }
    const refreshToken = token()
    await vi.waitFor(async () => {
      await exchangeOnce(refreshToken, exchange)
      expect(logger.warn).toHaveBeenLastCalledWith(expect.stringMatching(/answers again/))
    })
    const other = vi.fn(async () => OUTCOME)
    expect(await instance().exchangeOnce(refreshToken, other)).toEqual(OUTCOME)
    expect(other).not.toHaveBeenCalled()
  })

  it('refuses with 503 backend_unavailable when told to fail closed, and exchanges nothing', async () => {
    const { exchangeOnce } = instance({ url: 'redis://127.0.0.1:1', whenUnreachable: 'refuse' })
    const exchange = vi.fn(async () => OUTCOME)
    await expect(exchangeOnce(token(), exchange)).rejects.toMatchObject({ status: 503, code: 'backend_unavailable' })
    expect(exchange).not.toHaveBeenCalled()
  })
})

describe('sign-outs shared through Redis', () => {
  const connected = (revoked: Map<string, number>) => {
    const store = createRedisStore({ url: redis.url, timeoutMs: 1_000 })
    stores.push(store)
    return { store, watching: store.watchRevocations((sessionId, until) => revoked.set(sessionId, until)) }
  }
  const sessionId = () => crypto.randomUUID().replaceAll('-', '')

  it('tells every watching instance of a sign-out, and a watcher that starts later reads the ones recorded before', async () => {
    const heard = new Map<string, number>()
    const watcher = connected(heard)
    await watcher.watching
    const id = sessionId()
    const until = Date.now() + 60_000
    await connected(new Map()).store.revoke(id, until)
    await vi.waitFor(() => expect(heard.get(id)).toBe(until), { timeout: 500, interval: 5 })
    const later = new Map<string, number>()
    await connected(later).watching
    expect(later.get(id)).toBe(until)
  })

  it('reads the sign-outs again after a reconnection, so one it could not hear while away still arrives', async () => {
    const heard = new Map<string, number>()
    await connected(heard).watching
    const raw = createClient({ url: redis.url })
    await raw.connect()
    try {
      // Recorded by an instance whose message this watcher missed: the key is there, the message never came.
      const id = sessionId()
      const until = Date.now() + 60_000
      await raw.set(`gatehouse:v1:revoked:${id}`, String(until), { expiration: { type: 'PX', value: 60_000 } })
      await sleep(50)
      expect(heard.has(id)).toBe(false)
      await raw.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub'])
      await vi.waitFor(() => expect(heard.get(id)).toBe(until), { timeout: 3_000, interval: 20 })
    } finally {
      await raw.close()
    }
  })
})
