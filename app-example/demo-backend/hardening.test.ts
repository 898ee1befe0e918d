import { scrypt, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createDemoBackend, type DemoBackend, type DemoBackendOptions } from './createDemoBackend'

const DEMO = { email: 'demo@example.com', password: 'demo-password' }
const ADMIN = { email: 'admin@example.com', password: 'admin-password' }
const TOTP = { email: 'totp@example.com', password: 'totp-password' }
const WRONG = { email: 'demo@example.com', password: 'wrong-password' }

const running: DemoBackend[] = []

afterEach(async () => {
  vi.useRealTimers()
  for (const backend of running.splice(0)) {
    backend.server.closeAllConnections()
    await new Promise<void>((resolve) => backend.server.close(() => resolve()))
  }
})

/** A demo backend on a free port with its own clock, so that one test's failures and time cannot leak into another's. */
async function start(options: Partial<DemoBackendOptions> = {}) {
  const clock = { now: Date.parse('2030-01-01T00:00:00.000Z') }
  const backend = createDemoBackend({ accessTokenTtl: 900, refreshTokenTtl: 3600, now: () => clock.now, ...options })
  running.push(backend)
  await new Promise<void>((resolve) => backend.server.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(backend.server.address() as AddressInfo).port}`
  const post = (path: string, body: unknown) =>
    fetch(baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  const signIn = (credentials: { email: string; password: string }) => post('/auth/login', credentials)
  return { backend, clock, baseUrl, post, signIn }
}

async function statuses(responses: Promise<Response>[]): Promise<number[]> {
  return (await Promise.all(responses)).map((response) => response.status)
}

describe('stored passwords', () => {
  it('users.ts holds scrypt$N$r$p$salt$key hashes of the documented passwords, not the passwords', async () => {
    const source = await readFile(new URL('./users.ts', import.meta.url), 'utf8')
    // Quoted only: a comment may name the demo password, a string literal may not hold it.
    expect(source).not.toMatch(/['"`]((demo|admin|totp)-password|recovery-code-(one|two))['"`]/)

    const hashes = [...source.matchAll(/'(scrypt\$(\d+)\$(\d+)\$(\d+)\$([\w-]+)\$([\w-]+))'/g)]
    expect(hashes.length).toBeGreaterThanOrEqual(3)
    // Checked with node:crypto directly rather than through verifyPassword, so the format itself is under test.
    const matchesAny = async (password: string) => {
      for (const [, , N, r, p, salt, key] of hashes) {
        const expected = Buffer.from(key!, 'base64url')
        const actual = await new Promise<Buffer>((resolve, reject) =>
          scrypt(
            password,
            Buffer.from(salt!, 'base64url'),
            expected.length,
            { N: Number(N), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 },
            (error, derived) => (error ? reject(error) : resolve(derived)),
          ),
        )
        if (timingSafeEqual(actual, expected)) return true
      }
      return false
    }
    expect(await matchesAny(DEMO.password)).toBe(true)
    expect(await matchesAny(ADMIN.password)).toBe(true)
    expect(await matchesAny(TOTP.password)).toBe(true)
    expect(await matchesAny(WRONG.password)).toBe(false)
  })

  it('still signs both demo accounts in with their documented passwords, the email in any case', async () => {
    const { signIn } = await start()
    expect(await statuses([signIn(DEMO), signIn(ADMIN), signIn({ ...DEMO, email: 'Demo@Example.COM' })])).toEqual([200, 200, 200])
  })
})

describe('throttled sign-ins', () => {
  it('answers 429 with Retry-After after 5 failures for one email, even to the right password', async () => {
    const { signIn } = await start()
    for (let i = 0; i < 5; i++) expect((await signIn(WRONG)).status).toBe(401)

    const locked = await signIn(DEMO)
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe('300')
    expect(locked.headers.get('content-type')).toBe('application/json')
    expect(await locked.json()).toEqual({ message: 'Too many login attempts. Please try again in 300 seconds.' })
  })

  it('counts down Retry-After on the injected clock and lets the email in again once the window closes', async () => {
    const { signIn, clock } = await start()
    for (let i = 0; i < 5; i++) await signIn(WRONG)

    clock.now += 200_500
    const later = await signIn(DEMO)
    expect(later.status).toBe(429)
    expect(later.headers.get('retry-after')).toBe('100')

    clock.now += 100_000
    expect((await signIn(DEMO)).status).toBe(200)
  })

  it('throttles one email only: other accounts and other emails still sign in', async () => {
    const { signIn } = await start()
    for (let i = 0; i < 5; i++) await signIn(WRONG)
    expect((await signIn(DEMO)).status).toBe(429)
    expect((await signIn(ADMIN)).status).toBe(200)
    expect((await signIn({ email: 'nobody@example.com', password: 'x' })).status).toBe(401)
  })

  it('resets the count on a successful sign-in, so only failures in a row count', async () => {
    const { signIn } = await start()
    for (let i = 0; i < 4; i++) expect((await signIn(WRONG)).status).toBe(401)
    expect((await signIn(DEMO)).status).toBe(200)
    for (let i = 0; i < 4; i++) expect((await signIn(WRONG)).status).toBe(401)
    expect((await signIn(DEMO)).status).toBe(200)
  })

  it('never throttles repeated successful sign-ins', async () => {
    const { signIn } = await start({ signInThrottle: { maxFailures: 1 } })
    const answers = []
    for (let i = 0; i < 12; i++) answers.push((await signIn(DEMO)).status)
    expect(answers).toEqual(Array(12).fill(200))
  })

  it('locks unknown emails the same way, so a 429 does not reveal which emails have accounts', async () => {
    const { signIn } = await start()
    const stranger = { email: 'nobody@example.com', password: 'guess' }
    for (let i = 0; i < 5; i++) expect((await signIn(stranger)).status).toBe(401)
    expect((await signIn(stranger)).status).toBe(429)
  })

  it('lets no more than maxFailures guesses through from a burst sent all at once', async () => {
    const { signIn } = await start()
    const answers = await statuses(Array.from({ length: 10 }, () => signIn(WRONG)))
    expect(answers.filter((status) => status === 401)).toHaveLength(5)
    expect(answers.filter((status) => status === 429)).toHaveLength(5)
  })

  it('takes its limits from options.signInThrottle', async () => {
    const { signIn, clock } = await start({ signInThrottle: { maxFailures: 2, windowSeconds: 10 } })
    expect(await statuses([signIn(WRONG)])).toEqual([401])
    expect(await statuses([signIn(WRONG)])).toEqual([401])
    const locked = await signIn(DEMO)
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe('10')
    clock.now += 10_000
    expect((await signIn(DEMO)).status).toBe(200)
  })
})

describe('bounded bodies', () => {
  it('answers 413 in the error shape to an otherwise valid login body over 16 KiB', async () => {
    const { post } = await start()
    const response = await post('/auth/login', { ...DEMO, padding: 'x'.repeat(16 * 1024) })
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({ message: 'The request body is too large.' })
  })

  it('answers 413 on /auth/refresh too, and takes the limit from options.maxBodyBytes', async () => {
    const { post } = await start({ maxBodyBytes: 100 })
    expect((await post('/auth/refresh', { refresh_token: 'x'.repeat(100) })).status).toBe(413)
    expect((await post('/auth/login', DEMO)).status).toBe(200)
  })

  it('answers 413 to an endless chunked body without waiting for its end, then closes the connection', async () => {
    const { baseUrl, signIn } = await start()
    const { port } = new URL(baseUrl)
    const outcome = await new Promise<{ status: number | undefined; body: string; sentBeforeAnswer: number }>((resolve, reject) => {
      // No content-length: the limit must hold while reading, not only on the declared size.
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/auth/login', headers: { 'content-type': 'application/json' } })
      let sent = 0
      let answered = false
      const pump = () => {
        while (!answered && !req.destroyed) {
          sent += 1024
          if (!req.write('x'.repeat(1024))) return void req.once('drain', pump)
        }
      }
      req.on('response', (res) => {
        answered = true
        const sentBeforeAnswer = sent
        let body = ''
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
        // The server, not the client, ends the exchange: the socket closes while the client still writes.
        req.socket?.once('close', () => resolve({ status: res.statusCode, body, sentBeforeAnswer }))
        pump()
      })
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (!answered) reject(error)
      })
      pump()
    })
    expect(outcome.status).toBe(413)
    expect(JSON.parse(outcome.body)).toEqual({ message: 'The request body is too large.' })
    expect((await signIn(DEMO)).status).toBe(200)
  })

  it('survives a client that hangs up halfway through its body, without logging a server error', async () => {
    const { baseUrl, signIn } = await start()
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { port } = new URL(baseUrl)
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/auth/login', headers: { 'content-length': '100' } })
      req.on('error', () => {})
      req.on('close', () => resolve())
      req.write('{"email":', () => setTimeout(() => req.destroy(), 20))
    })
    expect((await signIn(DEMO)).status).toBe(200)
    expect(logged).not.toHaveBeenCalled()
    logged.mockRestore()
  })
})

describe('expired entries', () => {
  it('sweep() forgets refresh tokens and throttle windows once they expire on the injected clock, and only then', async () => {
    const { backend, clock, signIn, post } = await start({
      accessTokenTtl: 60,
      refreshTokenTtl: 600,
      signInThrottle: { windowSeconds: 300 },
    })
    const { data } = (await (await signIn(DEMO)).json()) as { data: { refresh_token: string } }
    await post('/auth/refresh', { refresh_token: data.refresh_token })
    await signIn({ email: 'nobody@example.com', password: 'guess' })
    const noFlowEntries = { throttledMailRequests: 0, verificationTokens: 0, resetTokens: 0, secondFactorChallenges: 0 }
    expect(backend.sweep()).toEqual({ refreshTokens: 2, refreshFamilies: 1, throttledEmails: 1, ...noFlowEntries })

    clock.now += 300_000
    expect(backend.sweep()).toEqual({ refreshTokens: 2, refreshFamilies: 1, throttledEmails: 0, ...noFlowEntries })

    clock.now += 300_000
    expect(backend.sweep()).toEqual({ refreshTokens: 0, refreshFamilies: 0, throttledEmails: 0, ...noFlowEntries })
  })

  it('sweeps on an unref()ed timer while listening, and stops it when the server closes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const intervals = vi.spyOn(globalThis, 'setInterval')
    const { backend, clock, signIn } = await start({ sweepIntervalSeconds: 30 })
    expect(vi.getTimerCount()).toBe(1)
    const timer = intervals.mock.results[0]?.value as NodeJS.Timeout
    expect(timer.hasRef()).toBe(false)

    await signIn({ email: 'nobody@example.com', password: 'guess' })
    clock.now += 301_000
    expect(backend.storedEntries().throttledEmails).toBe(1)
    vi.advanceTimersByTime(30_000)
    expect(backend.storedEntries().throttledEmails).toBe(0)

    backend.server.closeAllConnections()
    await new Promise<void>((resolve) => backend.server.close(() => resolve()))
    expect(vi.getTimerCount()).toBe(0)
  })
})
