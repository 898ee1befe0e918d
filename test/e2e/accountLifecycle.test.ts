import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { totpCode } from '../../app-example/demo-backend/totp'
import { listenDemoBackend } from '../listenDemoBackend'
import { serveBuiltApp } from './appProcess'
import { openBrowser } from './browser'
import { followMailedLink } from './followMailedLink'
import { signInThroughForm } from './signInThroughForm'

const TOTP_SECRET = 'JBSWY3DPEHPK3PXP'
const browser = openBrowser()

/** The path and query of the page `page` is on. */
const location = (page: Page) => {
  const url = new URL(page.url())
  return `${url.pathname}${url.search}`
}

describe('the account lifecycle in the example app, in Chromium', () => {
  // A demo backend of this file's own: it changes a password and runs an email into the throttle,
  // which must not reach the other files' tests.
  let backend: Awaited<ReturnType<typeof listenDemoBackend>>
  let app: Awaited<ReturnType<typeof serveBuiltApp>>
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    backend = await listenDemoBackend({ accessTokenTtl: 900, refreshTokenTtl: 3_600 })
    // The outbox page is off in a production build unless told otherwise.
    app = await serveBuiltApp(backend.url, { env: { DEMO_OUTBOX: '1' } })
  })
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()))
    await app?.stop()
    await backend?.stop()
  })

  /** A person of their own (a browser context: own cookies) on a page of this file's app. */
  const newPage = async (options: { javaScriptEnabled?: boolean } = {}) => {
    const context = await browser.newContext({ baseURL: app.baseURL, ...options })
    contexts.push(context)
    return context.newPage()
  }

  it('signs up, says to check the email, and signs in by the link the mail carried', async () => {
    const email = `new-${Date.now()}@example.com`
    const page = await newPage()
    await page.goto('/sign-in')
    await page.getByRole('link', { name: 'Create an account' }).click()
    await page.waitForURL('**/sign-up')
    await page.getByLabel('Name', { exact: true }).fill('Nora Newcomer')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill('a-new-password')
    await page.getByRole('button', { name: 'Sign up' }).click()
    await page.getByRole('status').filter({ hasText: 'Check your email' }).waitFor()
    // Not signed in yet: the address is confirmed first.
    expect(await (await page.request.get('/api/auth/session')).json()).toEqual({ user: null })

    const link = await followMailedLink(page, email, 'Confirm your email address')
    expect(link).toMatch(/^\/verify-email\?token=/)
    await page.waitForURL('**/dashboard')
    expect(await page.getByTestId('user-name').textContent()).toBe('Nora Newcomer')
    expect(await page.getByTestId('user-email').textContent()).toBe(email)
    expect(backend.demo.stats.verifications).toBe(1)

    // The link works once: opened again (here on another device, signed out), it says so and offers a new one.
    const again = await newPage()
    await again.goto(link)
    await again.getByRole('alert').filter({ hasText: 'invalid or has expired' }).waitFor()
    expect(await again.getByRole('button', { name: 'Send a new link' }).isVisible()).toBe(true)
    expect(backend.demo.stats.verifications).toBe(1)
  })

  it('resets a forgotten password by the mailed link: the new password signs in, the old one no longer does', async () => {
    const page = await newPage()
    await page.goto('/sign-in')
    await page.getByRole('link', { name: 'Forgot your password?' }).click()
    await page.waitForURL('**/forgot-password')
    await page.getByLabel('Email').fill('demo@example.com')
    await page.getByRole('button', { name: 'Send the link' }).click()
    await page.getByRole('status').filter({ hasText: 'we have sent a link to reset its password' }).waitFor()

    expect(await followMailedLink(page, 'demo@example.com', 'Reset your password')).toMatch(/^\/reset-password\?token=/)
    await page.getByLabel('New password').fill('a-brand-new-password')
    await page.getByRole('button', { name: 'Change the password' }).click()
    const changed = page.getByRole('status').filter({ hasText: 'Your password has been changed.' })
    await changed.waitFor()

    await changed.getByRole('link', { name: 'Sign in' }).click()
    await page.waitForURL('**/sign-in')
    await signInThroughForm(page, 'demo@example.com', 'demo-password')
    await page.getByRole('alert').filter({ hasText: 'These credentials do not match our records.' }).waitFor()
    expect(location(page)).toBe('/sign-in')
    await page.getByLabel('Password').fill('a-brand-new-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL('**/dashboard')
    expect(await page.getByTestId('user-name').textContent()).toBe('Demo User')
  })

  it('asks the TOTP account for its code: a wrong one is refused at the field, the right one signs in', async () => {
    const page = await newPage()
    await page.goto('/sign-in')
    await signInThroughForm(page, 'totp@example.com', 'totp-password')
    const code = page.getByLabel('Authentication code')
    await code.waitFor()
    expect(await page.getByLabel('Password').count()).toBe(0)

    // One digit off the current code: a code the backend refuses, bar a one-in-a-million match with a neighbouring step's.
    const right = totpCode(TOTP_SECRET, Date.now())
    await code.fill(`${(Number(right[0]) + 1) % 10}${right.slice(1)}`)
    await page.getByRole('button', { name: 'Verify' }).click()
    await page.locator('[aria-invalid="true"]').waitFor()
    const describedBy = await code.getAttribute('aria-describedby')
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/code/i)
    expect(location(page)).toBe('/sign-in')
    expect(await (await page.request.get('/api/auth/session')).json()).toEqual({ user: null })

    await code.fill(totpCode(TOTP_SECRET, Date.now()))
    await page.getByRole('button', { name: 'Verify' }).click()
    await page.waitForURL('**/dashboard')
    expect(await page.getByTestId('user-email').textContent()).toBe('totp@example.com')
    expect(backend.demo.stats.secondFactors).toBe(1)
  })

  it('after 5 wrong passwords for one email, counts the wait down with the button disabled', async () => {
    const page = await newPage()
    await page.goto('/sign-in')
    const submit = page.getByRole('button', { name: 'Sign in' })
    const attempt = async () => {
      const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/auth/sign-in')
      // An address with no account: the throttle counts by the address typed, known or not.
      await signInThroughForm(page, 'nobody@example.com', 'not-the-password')
      return (await answered).status()
    }
    const statuses: number[] = []
    for (let failures = 0; failures < 5; failures++) statuses.push(await attempt())
    expect(statuses).toEqual([401, 401, 401, 401, 401])
    expect(await attempt()).toBe(429)

    const wait = page.getByRole('alert').filter({ hasText: /Try again in \d+ seconds/ })
    await wait.waitFor()
    const secondsLeft = async () => Number(/Try again in (\d+) seconds/.exec((await wait.textContent()) ?? '')?.[1])
    const first = await secondsLeft()
    expect(first).toBeGreaterThan(250)
    expect(first).toBeLessThanOrEqual(300)
    expect(await submit.isDisabled()).toBe(true)
    await page.waitForTimeout(2_200)
    expect(await secondsLeft()).toBeLessThan(first)
    expect(await submit.isDisabled()).toBe(true)
  })

  it('sends a signed-in visitor of the pages for signed-out visitors on', async () => {
    const page = await newPage()
    await page.goto('/sign-in')
    await signInThroughForm(page, 'admin@example.com', 'admin-password')
    await page.waitForURL('**/dashboard')
    for (const path of ['/sign-up', '/forgot-password', '/reset-password?token=anything']) {
      await page.goto(path)
      expect(location(page)).toBe('/dashboard')
    }
    await page.goto('/sign-up?next=%2Fadmin')
    expect(location(page)).toBe('/admin')
  })

  it('asks for a reset link without JavaScript: a plain form post, a 303 back, and the page says the link was sent', async () => {
    const page = await newPage({ javaScriptEnabled: false })
    const answers: { path: string; status: number }[] = []
    page.on('response', (response) => answers.push({ path: new URL(response.url()).pathname, status: response.status() }))
    await page.goto('/forgot-password')
    await page.getByLabel('Email').fill('admin@example.com')
    await page.getByRole('button', { name: 'Send the link' }).click()
    await page.waitForURL('**/forgot-password?outcome=reset_requested')
    expect(answers).toContainEqual({ path: '/api/auth/forgot-password', status: 303 })
    expect(await page.getByRole('status').textContent()).toContain('we have sent a link to reset its password')
    expect(backend.demo.outbox('admin@example.com').map((mail) => mail.subject)).toEqual(['Reset your password'])
  })

  it('serves no outbox page from a production build started without DEMO_OUTBOX=1', async () => {
    const response = await fetch(new URL('/dev/outbox', inject('baseURL')))
    expect(response.status).toBe(404)
  })
})
