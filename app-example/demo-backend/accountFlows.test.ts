import type { ServerResponse } from 'node:http'
import { describe, expect, it, vi } from 'vitest'
import type { OutboxMessage } from './Outbox'
import { startTestBackend } from './startTestBackend'

const DEMO = { email: 'demo@example.com', password: 'demo-password' }
const NEW = { name: 'New Person', email: 'new@example.com', password: 'new-password' }
const INVALID = 'The given data was invalid.'
const CHECK_EMAIL = { message: 'Check your email to confirm your account.' }
const RESENT = { message: 'If that account needs confirming, we have sent a new link.' }
const RESET_REQUESTED = { message: 'If that account exists, we have sent a link to reset the password.' }
const BAD_VERIFICATION = { message: 'This verification link is invalid or has expired.' }
const BAD_RESET = { message: 'This password reset link is invalid or has expired.' }

type Backend = Awaited<ReturnType<typeof startTestBackend>>
interface Session {
  token: string
  refresh_token: string
  user: { id: string; name: string; email: string; role: string }
}

/** The token in the link of the newest mail to `to`. */
function latestToken({ backend }: Backend, to: string): string {
  const link = backend.outbox(to)[0]?.link ?? ''
  return new URL(link, 'http://app.example').searchParams.get('token') ?? ''
}

async function session(response: Response): Promise<Session> {
  expect(response.status).toBe(200)
  return ((await response.json()) as { data: Session }).data
}

/** Status, the headers that could differ, and body: what a caller can tell two answers apart by. */
async function visible(response: Response) {
  const { status, headers } = response
  return { status, type: headers.get('content-type'), length: headers.get('content-length'), body: await response.text() }
}

describe('POST /auth/register', () => {
  it('answers 202, keeps the account unconfirmed and mails a single-use /verify-email link', async () => {
    const backend = await startTestBackend()
    const response = await backend.post('/auth/register', NEW)
    expect(response.status).toBe(202)
    expect(await response.json()).toEqual(CHECK_EMAIL)
    const mails = backend.backend.outbox()
    expect(mails).toEqual([
      {
        to: 'new@example.com',
        subject: 'Confirm your email address',
        text: expect.stringContaining(mails[0]?.link ?? 'no link'),
        link: expect.stringMatching(/^\/verify-email\?token=[A-Za-z0-9_-]{43}$/),
        sentAt: '2030-01-01T00:00:00.000Z',
      },
    ])
    expect(backend.backend.stats.signUps).toBe(1)
    expect(backend.backend.storedEntries().verificationTokens).toBe(1)
  })

  it('stores the email in lower case, and takes it in any case as taken', async () => {
    const backend = await startTestBackend()
    expect((await backend.post('/auth/register', { ...NEW, email: 'New@Example.COM' })).status).toBe(202)
    const again = await backend.post('/auth/register', { ...NEW, email: 'NEW@example.com' })
    expect(again.status).toBe(422)
    expect(await again.json()).toEqual({ message: INVALID, errors: { email: ['The email has already been taken.'] } })
    expect(backend.backend.outbox()[0]?.to).toBe('new@example.com')
  })

  it('answers 422 with the messages under errors, for only the failing fields', async () => {
    const { post, backend } = await startTestBackend()
    const cases: Array<[unknown, Record<string, string[]>]> = [
      [
        {},
        {
          name: ['The name field is required.'],
          email: ['The email field is required.'],
          password: ['The password field is required.'],
        },
      ],
      [{ ...NEW, name: '   ' }, { name: ['The name field is required.'] }],
      [{ ...NEW, name: 'x'.repeat(101) }, { name: ['The name field must not be greater than 100 characters.'] }],
      [{ ...NEW, name: 42 }, { name: ['The name field must be a string.'] }],
      [{ ...NEW, email: 'not-an-email' }, { email: ['The email field must be a valid email address.'] }],
      [{ ...NEW, email: 'Demo@Example.com' }, { email: ['The email has already been taken.'] }],
      [{ ...NEW, password: 'short' }, { password: ['The password field must be at least 8 characters.'] }],
      [
        { name: NEW.name, email: 'admin@example.com', password: '1234567' },
        { email: ['The email has already been taken.'], password: ['The password field must be at least 8 characters.'] },
      ],
    ]
    for (const [body, errors] of cases) {
      const response = await post('/auth/register', body)
      expect(response.status).toBe(422)
      expect(await response.json()).toEqual({ message: INVALID, errors })
    }
    expect(backend.stats.signUps).toBe(0)
    expect(backend.outbox()).toEqual([])
  })

  it('takes a name of 100 characters, trimmed', async () => {
    const backend = await startTestBackend()
    expect((await backend.post('/auth/register', { ...NEW, name: ` ${'x'.repeat(100)} ` })).status).toBe(202)
    const verified = await session(await backend.post('/auth/verify-email', { token: latestToken(backend, NEW.email) }))
    expect(verified.user.name).toBe('x'.repeat(100))
  })

  it('lets only one of two sign-ups for the same email at the same time through', async () => {
    const { post, backend } = await startTestBackend()
    const answers = await Promise.all([post('/auth/register', NEW), post('/auth/register', { ...NEW, name: 'Other' })])
    expect(answers.map((response) => response.status).sort()).toEqual([202, 422])
    expect(backend.outbox()).toHaveLength(1)
  })

  it('answers 403 to the right password until the email is confirmed, and 401 to a wrong one', async () => {
    const backend = await startTestBackend()
    await backend.post('/auth/register', NEW)
    const unconfirmed = await backend.signIn(NEW)
    expect(unconfirmed.status).toBe(403)
    expect(await unconfirmed.json()).toEqual({ message: 'Confirm your email address first: use the link we sent you.' })
    const wrong = await backend.signIn({ ...NEW, password: 'wrong-password' })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual({ message: 'These credentials do not match our records.' })
  })
})

describe('POST /auth/verify-email', () => {
  it('confirms the email and signs in with the session body of /auth/login; then the password signs in too', async () => {
    const backend = await startTestBackend()
    await backend.post('/auth/register', NEW)
    const verified = await session(await backend.post('/auth/verify-email', { token: latestToken(backend, NEW.email) }))
    expect(verified.user).toEqual({ id: '4', name: 'New Person', email: 'new@example.com', role: 'user' })
    const profile = await fetch(`${backend.baseUrl}/auth/profile`, { headers: { authorization: `Bearer ${verified.token}` } })
    expect(await profile.json()).toEqual({ data: verified.user })
    expect((await session(await backend.signIn(NEW))).user.id).toBe('4')
    expect(backend.backend.stats.verifications).toBe(1)
  })

  it('takes each link once', async () => {
    const backend = await startTestBackend()
    await backend.post('/auth/register', NEW)
    const token = latestToken(backend, NEW.email)
    expect((await backend.post('/auth/verify-email', { token })).status).toBe(200)
    const again = await backend.post('/auth/verify-email', { token })
    expect(again.status).toBe(400)
    expect(await again.json()).toEqual(BAD_VERIFICATION)
  })

  it('answers 400 to an unknown token, and to a link older than 24 hours', async () => {
    const backend = await startTestBackend()
    const unknown = await backend.post('/auth/verify-email', { token: 'no-such-token' })
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toEqual(BAD_VERIFICATION)

    await backend.post('/auth/register', NEW)
    const late = latestToken(backend, NEW.email)
    await backend.post('/auth/register', { ...NEW, email: 'other@example.com' })
    const inTime = latestToken(backend, 'other@example.com')
    backend.clock.now += 24 * 3_600_000 - 1
    expect((await backend.post('/auth/verify-email', { token: inTime })).status).toBe(200)
    backend.clock.now += 1
    const expired = await backend.post('/auth/verify-email', { token: late })
    expect(expired.status).toBe(400)
    expect(await expired.json()).toEqual(BAD_VERIFICATION)
    expect((await backend.signIn(NEW)).status).toBe(403)
  })

  it('answers 422 without a token', async () => {
    const { post } = await startTestBackend()
    const response = await post('/auth/verify-email', {})
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({ message: INVALID, errors: { token: ['The token field is required.'] } })
  })
})

describe('POST /auth/verify-email/resend', () => {
  it('mails a new link to an unconfirmed account; the old link stops working', async () => {
    const backend = await startTestBackend()
    await backend.post('/auth/register', NEW)
    const old = latestToken(backend, NEW.email)
    backend.clock.now += 1_000
    const response = await backend.post('/auth/verify-email/resend', { email: 'NEW@example.com' })
    expect(response.status).toBe(202)
    expect(await response.json()).toEqual(RESENT)
    const mails = backend.backend.outbox(NEW.email)
    expect(mails).toHaveLength(2)
    expect(mails[0]?.sentAt).toBe('2030-01-01T00:00:01.000Z')
    const fresh = latestToken(backend, NEW.email)
    expect(fresh).not.toBe(old)
    expect((await backend.post('/auth/verify-email', { token: old })).status).toBe(400)
    expect((await backend.post('/auth/verify-email', { token: fresh })).status).toBe(200)
    expect(backend.backend.storedEntries().verificationTokens).toBe(0)
  })

  it('answers a confirmed account, an unknown email and an unconfirmed account alike, and mails only the last', async () => {
    const backend = await startTestBackend()
    await backend.post('/auth/register', NEW)
    const answers = []
    for (const email of ['demo@example.com', 'nobody@example.com', NEW.email]) {
      answers.push(await visible(await backend.post('/auth/verify-email/resend', { email })))
    }
    expect(answers[1]).toEqual(answers[0])
    expect(answers[2]).toEqual(answers[0])
    expect(JSON.parse(answers[0]?.body ?? '')).toEqual(RESENT)
    expect(backend.backend.outbox().map((mail) => mail.to)).toEqual([NEW.email, NEW.email])
  })

  it('answers 422 without a valid email', async () => {
    const { post } = await startTestBackend()
    const response = await post('/auth/verify-email/resend', { email: 'nope' })
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({ message: INVALID, errors: { email: ['The email field must be a valid email address.'] } })
  })
})

describe('POST /auth/forgot-password', () => {
  it('mails a /reset-password link to an existing account, the built-in ones included', async () => {
    const backend = await startTestBackend()
    const response = await backend.post('/auth/forgot-password', { email: 'Demo@Example.com' })
    expect(response.status).toBe(202)
    expect(await response.json()).toEqual(RESET_REQUESTED)
    expect(backend.backend.outbox()).toEqual([
      {
        to: 'demo@example.com',
        subject: 'Reset your password',
        text: expect.stringContaining('/reset-password?token='),
        link: expect.stringMatching(/^\/reset-password\?token=[A-Za-z0-9_-]{43}$/),
        sentAt: '2030-01-01T00:00:00.000Z',
      },
    ])
  })

  it('answers an unknown email exactly as a known one, and mails no one', async () => {
    const backend = await startTestBackend()
    const known = await visible(await backend.post('/auth/forgot-password', { email: 'admin@example.com' }))
    const unknown = await visible(await backend.post('/auth/forgot-password', { email: 'nobody@example.com' }))
    expect(unknown).toEqual(known)
    expect(backend.backend.outbox().map((mail) => mail.to)).toEqual(['admin@example.com'])
  })

  it('mails the link only after the answer has been sent, so that a known email is not slower to answer', async () => {
    let response: ServerResponse | undefined
    const answeredFirst: Array<boolean | undefined> = []
    const backend = await startTestBackend({ onMail: () => answeredFirst.push(response?.writableEnded) })
    backend.backend.server.prependListener('request', (_req, res) => {
      response = res
    })
    await backend.post('/auth/forgot-password', DEMO)
    expect(answeredFirst).toEqual([true])
  })

  it('answers 422 without a valid email', async () => {
    const { post } = await startTestBackend()
    const response = await post('/auth/forgot-password', {})
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({ message: INVALID, errors: { email: ['The email field is required.'] } })
  })
})

describe('POST /auth/reset-password', () => {
  async function resetLink(backend: Backend, email = DEMO.email): Promise<string> {
    await backend.post('/auth/forgot-password', { email })
    return latestToken(backend, email)
  }

  it('answers 204, changes the password and revokes every session of that user, and only theirs', async () => {
    const backend = await startTestBackend()
    const before = await session(await backend.signIn(DEMO))
    const bystander = await session(await backend.signIn({ email: 'admin@example.com', password: 'admin-password' }))
    const response = await backend.post('/auth/reset-password', { token: await resetLink(backend), password: 'brand-new-password' })
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
    expect(backend.backend.stats.passwordResets).toBe(1)

    expect((await backend.signIn(DEMO)).status).toBe(401)
    expect((await session(await backend.signIn({ ...DEMO, password: 'brand-new-password' }))).user.id).toBe('1')
    const bearer = (token: string) => fetch(`${backend.baseUrl}/auth/profile`, { headers: { authorization: `Bearer ${token}` } })
    expect((await bearer(before.token)).status).toBe(401)
    expect((await backend.post('/auth/refresh', { refresh_token: before.refresh_token })).status).toBe(401)
    expect((await bearer(bystander.token)).status).toBe(200)
    expect((await backend.post('/auth/refresh', { refresh_token: bystander.refresh_token })).status).toBe(200)
  })

  it('keeps a built-in user’s new password in that backend’s memory only', async () => {
    const first = await startTestBackend()
    await first.post('/auth/reset-password', { token: await resetLink(first), password: 'brand-new-password' })
    const second = await startTestBackend()
    expect((await second.signIn(DEMO)).status).toBe(200)
  })

  it('takes each link once, and only the newest one', async () => {
    const backend = await startTestBackend()
    const older = await resetLink(backend)
    const newer = await resetLink(backend)
    const stale = await backend.post('/auth/reset-password', { token: older, password: 'brand-new-password' })
    expect(stale.status).toBe(400)
    expect(await stale.json()).toEqual(BAD_RESET)
    expect((await backend.post('/auth/reset-password', { token: newer, password: 'brand-new-password' })).status).toBe(204)
    expect((await backend.post('/auth/reset-password', { token: newer, password: 'another-password' })).status).toBe(400)
    expect((await backend.signIn({ ...DEMO, password: 'brand-new-password' })).status).toBe(200)
  })

  it('answers 400 to an unknown token, and to a link older than an hour', async () => {
    const backend = await startTestBackend()
    const unknown = await backend.post('/auth/reset-password', { token: 'no-such-token', password: 'brand-new-password' })
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toEqual(BAD_RESET)

    const late = await resetLink(backend)
    const inTime = await resetLink(backend, 'admin@example.com')
    backend.clock.now += 3_600_000 - 1
    expect((await backend.post('/auth/reset-password', { token: inTime, password: 'brand-new-password' })).status).toBe(204)
    backend.clock.now += 1
    expect((await backend.post('/auth/reset-password', { token: late, password: 'brand-new-password' })).status).toBe(400)
    expect((await backend.signIn(DEMO)).status).toBe(200)
  })

  it('answers 422 to a short or missing password without using the link up', async () => {
    const backend = await startTestBackend()
    const token = await resetLink(backend)
    const short = await backend.post('/auth/reset-password', { token, password: 'short' })
    expect(short.status).toBe(422)
    expect(await short.json()).toEqual({ message: INVALID, errors: { password: ['The password field must be at least 8 characters.'] } })
    const empty = await backend.post('/auth/reset-password', {})
    expect(await empty.json()).toEqual({
      message: INVALID,
      errors: { token: ['The token field is required.'], password: ['The password field is required.'] },
    })
    expect((await backend.post('/auth/reset-password', { token, password: 'brand-new-password' })).status).toBe(204)
  })

  it('confirms an unconfirmed account’s email, since the link came by mail', async () => {
    const backend = await startTestBackend()
    await backend.post('/auth/register', NEW)
    await backend.post('/auth/reset-password', { token: await resetLink(backend, NEW.email), password: 'brand-new-password' })
    expect((await session(await backend.signIn({ ...NEW, password: 'brand-new-password' }))).user.email).toBe(NEW.email)
  })

  it('ends sign-ins waiting for a second factor that began with the old password', async () => {
    const backend = await startTestBackend()
    const { mfa_token } = (await (await backend.signIn({ email: 'totp@example.com', password: 'totp-password' })).json()) as {
      mfa_token: string
    }
    await backend.post('/auth/reset-password', { token: await resetLink(backend, 'totp@example.com'), password: 'brand-new-password' })
    const response = await backend.post('/auth/two-factor', { mfa_token, recovery_code: 'recovery-code-one' })
    expect(await response.json()).toEqual({ error: 'invalid_mfa_token', message: 'Sign in again.' })
    // The second factor itself stays.
    expect((await backend.signIn({ email: 'totp@example.com', password: 'brand-new-password' })).status).toBe(403)
  })
})

describe('mail throttling', () => {
  for (const [path, key] of [
    ['/auth/forgot-password', 'forgot'],
    ['/auth/verify-email/resend', 'resend'],
  ] as const) {
    it(`answers ${path} 429 with Retry-After after 5 requests for one email in 300 s, known or not (${key})`, async () => {
      const backend = await startTestBackend()
      for (const email of ['demo@example.com', 'nobody@example.com']) {
        for (let i = 0; i < 5; i++) expect((await backend.post(path, { email })).status).toBe(202)
        const refused = await backend.post(path, { email: email.toUpperCase() })
        expect(refused.status).toBe(429)
        expect(refused.headers.get('retry-after')).toBe('300')
        expect(await refused.json()).toEqual({ message: 'Too many requests. Please try again in 300 seconds.' })
      }
      expect((await backend.post(path, { email: 'admin@example.com' })).status).toBe(202)
      backend.clock.now += 120_500
      expect((await backend.post(path, { email: DEMO.email })).headers.get('retry-after')).toBe('180')
      backend.clock.now += 180_000
      expect((await backend.post(path, { email: DEMO.email })).status).toBe(202)
    })
  }

  it('counts the two flows apart, and takes its limits from options.mailThrottle', async () => {
    const backend = await startTestBackend({ mailThrottle: { maxRequests: 1, windowSeconds: 10 } })
    expect((await backend.post('/auth/forgot-password', DEMO)).status).toBe(202)
    expect((await backend.post('/auth/verify-email/resend', DEMO)).status).toBe(202)
    const refused = await backend.post('/auth/forgot-password', DEMO)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('10')
    expect(backend.backend.outbox()).toHaveLength(1)
  })
})

describe('GET /dev/outbox', () => {
  it('lists every mail newest first, filters by ?to= in any case, and matches outbox()', async () => {
    const backend = await startTestBackend()
    await backend.post('/auth/forgot-password', DEMO)
    backend.clock.now += 1_000
    await backend.post('/auth/forgot-password', { email: 'admin@example.com' })
    const all = (await (await fetch(`${backend.baseUrl}/dev/outbox`)).json()) as { messages: OutboxMessage[] }
    expect(all.messages.map((mail) => [mail.to, mail.sentAt])).toEqual([
      ['admin@example.com', '2030-01-01T00:00:01.000Z'],
      ['demo@example.com', '2030-01-01T00:00:00.000Z'],
    ])
    expect(all.messages).toEqual(backend.backend.outbox())
    const filtered = await fetch(`${backend.baseUrl}/dev/outbox?to=${encodeURIComponent('DEMO@example.com')}`)
    expect(filtered.status).toBe(200)
    expect(((await filtered.json()) as { messages: OutboxMessage[] }).messages.map((mail) => mail.to)).toEqual(['demo@example.com'])
    expect(await (await fetch(`${backend.baseUrl}/dev/outbox?to=nobody@example.com`)).json()).toEqual({ messages: [] })
  })

  it('keeps the newest 50 mails', async () => {
    const backend = await startTestBackend({ mailThrottle: { maxRequests: 100 } })
    for (let i = 0; i < 51; i++) {
      backend.clock.now += 1_000
      await backend.post('/auth/forgot-password', DEMO)
    }
    const mails = backend.backend.outbox()
    expect(mails).toHaveLength(50)
    expect(mails[0]?.sentAt).toBe('2030-01-01T00:00:51.000Z')
    expect(mails[49]?.sentAt).toBe('2030-01-01T00:00:02.000Z')
  })

  it('tells options.onMail of every mail', async () => {
    const onMail = vi.fn()
    const backend = await startTestBackend({ onMail })
    await backend.post('/auth/register', NEW)
    expect(onMail).toHaveBeenCalledWith(backend.backend.outbox()[0])
  })

  it('answers 405 to a POST', async () => {
    const { post } = await startTestBackend()
    const response = await post('/dev/outbox', {})
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET')
  })
})

describe('expired links and throttle windows', () => {
  it('are counted in storedEntries and forgotten by the sweep', async () => {
    const backend = await startTestBackend()
    await backend.post('/auth/register', NEW)
    await backend.post('/auth/forgot-password', DEMO)
    await backend.post('/auth/verify-email/resend', { email: 'nobody@example.com' })
    expect(backend.backend.sweep()).toMatchObject({ verificationTokens: 1, resetTokens: 1, throttledMailRequests: 2 })
    backend.clock.now += 300_000
    expect(backend.backend.sweep()).toMatchObject({ verificationTokens: 1, resetTokens: 1, throttledMailRequests: 0 })
    backend.clock.now += 3_300_000
    expect(backend.backend.sweep()).toMatchObject({ verificationTokens: 1, resetTokens: 0 })
    backend.clock.now += 23 * 3_600_000 - 1
    expect(backend.backend.sweep()).toMatchObject({ verificationTokens: 1 })
    backend.clock.now += 1
    expect(backend.backend.sweep()).toMatchObject({ verificationTokens: 0, resetTokens: 0 })
  })
})
