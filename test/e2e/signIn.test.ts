import { describe, expect, it } from 'vitest'
import { openBrowser } from './browser'
import { signInThroughForm } from './signInThroughForm'

const browser = openBrowser()

describe('signing in to the example app', () => {
  it("shows the backend's message for a wrong password and stays on the sign-in page", async () => {
    const page = await browser.newPage()
    await page.goto('/sign-in')
    await signInThroughForm(page, 'demo@example.com', 'wrong-password')
    await page.getByRole('alert').filter({ hasText: 'These credentials do not match our records.' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/sign-in')
  })

  it('shows per-field messages next to the fields and focuses the first invalid one', async () => {
    const page = await browser.newPage()
    await page.goto('/sign-in')
    await signInThroughForm(page, 'not-an-email', 'some-password')
    const email = page.getByLabel('Email')
    await page.locator('[aria-invalid="true"]').first().waitFor()
    expect(await email.getAttribute('aria-invalid')).toBe('true')
    const describedBy = await email.getAttribute('aria-describedby')
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/valid email/)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email')
  })

  it('lands on /dashboard showing the user, with tokens only in httpOnly cookies', async () => {
    const page = await browser.newPage()
    await page.goto('/sign-in')
    await signInThroughForm(page, 'demo@example.com', 'demo-password')
    await page.waitForURL('**/dashboard')
    expect(await page.getByTestId('user-name').textContent()).toBe('Demo User')
    expect(await page.getByTestId('user-email').textContent()).toBe('demo@example.com')

    const cookies = await page.context().cookies()
    const gatehouseCookies = cookies.filter((cookie) => cookie.name.includes('gatehouse'))
    expect(gatehouseCookies.map((cookie) => cookie.name).sort()).toEqual(['__Host-gatehouse.refresh', '__Host-gatehouse.session'])
    expect(gatehouseCookies.every((cookie) => cookie.httpOnly && cookie.secure && cookie.sameSite === 'Lax' && cookie.path === '/')).toBe(
      true,
    )
    const visible = await page.evaluate(() => document.cookie)
    expect(visible).not.toContain('gatehouse')
    expect(visible).not.toMatch(/eyJ[\w-]+\.[\w-]+/)
  })

  it('stays signed in on reload, rendered by the server with no session request before first paint', async () => {
    const page = await browser.newPage()
    await page.goto('/sign-in')
    await signInThroughForm(page, 'demo@example.com', 'demo-password')
    await page.waitForURL('**/dashboard')

    const authRequests: string[] = []
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/auth/')) authRequests.push(request.url())
    })
    const response = await page.reload({ waitUntil: 'load' })
    const html = await response!.text()
    expect(html).toContain('Signed in as <!-- -->Demo User')
    expect(html).toMatch(/data-testid="user-name">Demo User</)
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Signed in as Demo User')
    expect(authRequests).toEqual([])
  })

  it('sends a signed-out visit of /dashboard to /sign-in?next=%2Fdashboard and back there after sign-in', async () => {
    const page = await browser.newPage()
    await page.goto('/dashboard')
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/sign-in?next=%2Fdashboard')
    await signInThroughForm(page, 'demo@example.com', 'demo-password')
    await page.waitForURL('**/dashboard')
    expect(await page.getByTestId('user-name').textContent()).toBe('Demo User')
  })

  it('signs in through the plain form when no script runs, never putting the password in a URL', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false })
    const urls: string[] = []
    page.on('request', (request) => urls.push(request.url()))
    await page.goto('/sign-in?next=%2Fdashboard')
    await signInThroughForm(page, 'demo@example.com', 'wrong-password')
    await page.waitForURL('**/sign-in?next=%2Fdashboard&error=invalid_credentials')
    expect(await page.getByRole('alert').textContent()).toBe('The email or password is incorrect.')
    await signInThroughForm(page, 'demo@example.com', 'demo-password')
    await page.waitForURL('**/dashboard')
    expect(await page.getByTestId('user-name').textContent()).toBe('Demo User')
    expect(urls.filter((url) => url.includes('password'))).toEqual([])
  })

  it('shows the admin page to admins only', async () => {
    const page = await browser.newPage()
    await page.goto('/sign-in?next=%2Fadmin')
    await signInThroughForm(page, 'demo@example.com', 'demo-password')
    await page.waitForURL('**/admin')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Forbidden')

    const admin = await browser.newPage()
    await admin.goto('/sign-in?next=%2Fadmin')
    await signInThroughForm(admin, 'admin@example.com', 'admin-password')
    await admin.waitForURL('**/admin')
    expect(await admin.getByRole('heading', { level: 1 }).textContent()).toBe('Admin')
  })

  it('ends the session on sign-out', async () => {
    const page = await browser.newPage()
    await page.goto('/sign-in')
    await signInThroughForm(page, 'demo@example.com', 'demo-password')
    await page.waitForURL('**/dashboard')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/sign-in(\?.*)?$/)
    expect((await page.context().cookies()).filter((cookie) => cookie.name.includes('gatehouse'))).toEqual([])
    await page.goto('/dashboard')
    expect(new URL(page.url()).pathname).toBe('/sign-in')
  })
})
