import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { cookiesFrom } from '../authRequests'
import { ADA } from '../backends/createFakeTokenApi'
import { fakeTokenServer } from '../backends/fakeTokenServer'
import { startRedis, type RedisServer } from '../backends/startRedis'
import { serveFetch } from '../serveFetch'

const INSTANCE = fileURLToPath(new URL('./fleetInstance.ts', import.meta.url))
const SECRET = 'fleet-test-secret-0123456789abcdef0123456789'
const LIFETIME_SECONDS = 2
const CONCURRENT = 30
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const untilExpired = () => sleep(LIFETIME_SECONDS * 1000 + 300)

let redis: RedisServer
let backend: ReturnType<typeof fakeTokenServer>
let backendUrl: string
let closeBackend: () => void
/** While `until` is set, the backend answers no refresh before it resolves (a stalled backend); `held` counts them. */
const stall = { until: undefined as Promise<void> | undefined, held: 0 }
const running: ChildProcess[] = []

beforeAll(async () => {
  redis = await startRedis()
  // Rotates refresh tokens with no grace; a used one presented again revokes the whole family.
  backend = fakeTokenServer({ refresh: 'rotate-revoke-family', now: Date.now, accessLifetimeSeconds: LIFETIME_SECONDS })
  const served = await serveFetch(async (request) => {
    if (stall.until && (await request.clone().text()).includes('grant_type=refresh_token')) {
      stall.held += 1
      await stall.until
    }
    return backend.fetch(request)
  })
  backendUrl = served.url
  closeBackend = () => served.server.close()
})
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL')
})
afterAll(async () => {
  closeBackend?.()
  await redis?.stop()
})

/** Three gatehouse instances, each a Node process of its own; with Redis when given its URL. */
async function startFleet(redisUrl?: string, { timeoutMs }: { timeoutMs?: number } = {}) {
  const logs: string[] = []
  const urls = await Promise.all(
    [0, 1, 2].map(
      () =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', INSTANCE], {
            env: {
              ...process.env,
              BACKEND_URL: backendUrl,
              BACKEND_TIMEOUT_MS: timeoutMs === undefined ? '' : String(timeoutMs),
              REDIS_URL: redisUrl ?? '',
              FLEET_SECRET: SECRET,
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          })
          running.push(child)
          child.stderr.setEncoding('utf8').on('data', (chunk: string) => logs.push(chunk))
          child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
            const listening = /listening (\S+)/.exec(chunk)
            if (listening) resolve(listening[1]!)
          })
          child.once('exit', (code) => reject(new Error(`a fleet instance exited with ${code}: ${logs.join('')}`)))
        }),
    ),
  )
  const signIn = async () => {
    const response = await fetch(`${urls[0]}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: urls[0]!, 'x-gatehouse-client': '1' },
      body: JSON.stringify({ username: ADA.username, password: ADA.password }),
    })
    expect(response.status).toBe(200)
    return cookiesFrom(response)
  }
  /** A session read by instance `index % 3`: its status, whether someone is signed in, the cookies after it. */
  const read = async (index: number, cookie: string) => {
    const response = await fetch(`${urls[index % 3]}/api/auth/session`, { headers: { cookie } })
    const body = (await response.json()) as { user?: { name?: string } | null }
    return { status: response.status, signedIn: body.user?.name === 'Ada Lovelace', cookie: cookiesFrom(response, cookie) }
  }
  const burst = (cookie: string) => Promise.all(Array.from({ length: CONCURRENT }, (_, index) => read(index, cookie)))
  return { signIn, read, burst, logs }
}

describe('one backend refresh per session across three instances', () => {
  it(`with Redis: ${CONCURRENT} concurrent reads of one expired session, round robin, make 1 refresh and all stay signed in`, async () => {
    const fleet = await startFleet(redis.url)
    const cookie = await fleet.signIn()
    await untilExpired()
    const before = backend.stats.refreshes
    const answers = await fleet.burst(cookie)
    expect(backend.stats.refreshes - before).toBe(1)
    expect(
      answers.filter((answer) => answer.signedIn),
      fleet.logs.join(''),
    ).toHaveLength(CONCURRENT)
    expect(answers.every((answer) => answer.status === 200)).toBe(true)

    // The last writer's cookies hold the successor, which refreshes again after the next expiry.
    await untilExpired()
    const next = await fleet.read(1, answers.at(-1)!.cookie)
    expect(next.signedIn).toBe(true)
    expect(backend.stats.refreshes - before).toBe(2)
  }, 30_000)

  it('with Redis: a refresh still out when its request gives up is waited for by the other instance too, and its answer reaches both', async () => {
    const fleet = await startFleet(redis.url, { timeoutMs: 500 })
    const cookie = await fleet.signIn()
    await untilExpired()
    const before = { ...backend.stats }
    let release!: () => void
    stall.held = 0
    stall.until = new Promise<void>((resolve) => {
      release = resolve
    })
    try {
      // The first instance holds the call; the second finds it taken and waits for its outcome.
      const [first, second] = [await fleet.read(0, cookie), await fleet.read(1, cookie)]
      expect([first.status, second.status]).toEqual([504, 504])
      expect(stall.held).toBe(1)
    } finally {
      stall.until = undefined
      release()
    }
    while (backend.stats.refreshes === before.refreshes) await sleep(10)
    const answers = [await fleet.read(1, cookie), await fleet.read(0, cookie)]
    expect(
      answers.map((answer) => answer.signedIn),
      fleet.logs.join(''),
    ).toEqual([true, true])
    expect(backend.stats).toMatchObject({ refreshes: before.refreshes + 1, replays: before.replays })

    await untilExpired()
    expect((await fleet.read(2, answers[0]!.cookie)).signedIn).toBe(true)
    expect(backend.stats).toMatchObject({ refreshes: before.refreshes + 2, replays: before.replays })
  }, 30_000)

  it('without Redis: the same reads exchange the token once per instance, and the backend revokes the session', async () => {
    const fleet = await startFleet()
    const cookie = await fleet.signIn()
    await untilExpired()
    const before = { refreshes: backend.stats.refreshes, replays: backend.stats.replays }
    const answers = await fleet.burst(cookie)
    expect(backend.stats.replays - before.replays).toBeGreaterThan(0)
    expect(answers.filter((answer) => answer.signedIn).length).toBeLessThan(CONCURRENT)
  }, 30_000)

  it('with Redis stuck mid-run: no 500s, nobody signed out, a warning in the log, and shared again once it answers', async () => {
    const fleet = await startFleet(redis.url)
    let cookie = await fleet.signIn()
    redis.pause()
    try {
      for (let lifetime = 0; lifetime < 2; lifetime += 1) {
        await untilExpired()
        for (let index = 0; index < 3; index += 1) {
          const answer = await fleet.read(lifetime + index, cookie)
          expect(answer).toMatchObject({ status: 200, signedIn: true })
          cookie = answer.cookie
        }
      }
      expect(fleet.logs.join('')).toMatch(/coordination store cannot be reached .*refreshing in this instance alone/)
    } finally {
      redis.resume()
    }
    await untilExpired()
    const before = backend.stats.refreshes
    const answers = await fleet.burst(cookie)
    expect(backend.stats.refreshes - before).toBe(1)
    expect(answers.filter((answer) => answer.signedIn)).toHaveLength(CONCURRENT)
  }, 40_000)
})
