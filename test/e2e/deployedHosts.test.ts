import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { listenDemoBackend } from '../listenDemoBackend'
import { freePort, serveBuiltApp } from './appProcess'
import { openBrowser } from './browser'
import { signInThroughForm } from './signInThroughForm'
import { startTlsProxy } from './tlsProxy'

const HOSTNAME = 'app.gatehouse.test'
const browser = openBrowser({ args: [`--host-resolver-rules=MAP ${HOSTNAME} 127.0.0.1`] })

/** Every redirect the page is sent, as its `Location` header said it. */
function recordRedirects(page: Page) {
  const locations: string[] = []
  page.on('response', (response) => {
    const location = response.headers().location
    if (response.status() >= 300 && response.status() < 400 && location) locations.push(location)
  })
  return locations
}

/** Sign in, reload, sign out, as a person would at `origin`, and nowhere but there. */
async function signInReloadSignOut(page: Page, origin: string) {
  const redirects = recordRedirects(page)
  await page.goto(`${origin}/dashboard`)
  expect(page.url()).toBe(`${origin}/sign-in?next=%2Fdashboard`)
  await signInThroughForm(page, 'demo@example.com', 'demo-password')
  await page.waitForURL(`${origin}/dashboard`)
  expect(await page.getByTestId('user-name').textContent()).toBe('Demo User')

  const reload = await page.reload({ waitUntil: 'load' })
  expect(reload!.status()).toBe(200)
  expect(await reload!.text()).toMatch(/data-testid="user-name">Demo User</)

  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL((url) => url.origin === origin && url.pathname === '/sign-in')
  expect((await page.context().cookies()).filter((cookie) => cookie.name.includes('gatehouse'))).toEqual([])
  await page.goto(`${origin}/dashboard`)
  expect(new URL(page.url()).pathname).toBe('/sign-in')
  // Redirects name paths, never the host the server believes it is on.
  expect(redirects.length).toBeGreaterThan(0)
  for (const location of redirects) expect(location).toMatch(/^\/(?!\/)/)
}

describe('the example app at http://127.0.0.1, not only at localhost', () => {
  const origin = () => inject('baseURL').replace('//localhost:', '//127.0.0.1:')

  it('signs in, stays signed in on reload, and signs out', async () => {
    await signInReloadSignOut(await browser.newPage(), origin())
  })

  it('signs in through the plain form when no script runs', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false })
    await page.goto(`${origin()}/sign-in?next=%2Fdashboard`)
    await signInThroughForm(page, 'demo@example.com', 'wrong-password')
    await page.waitForURL(`${origin()}/sign-in?next=%2Fdashboard&error=invalid_credentials`)
    await signInThroughForm(page, 'demo@example.com', 'demo-password')
    await page.waitForURL(`${origin()}/dashboard`)
    expect(await page.getByTestId('user-name').textContent()).toBe('Demo User')
  })
})

describe(`the example app behind a TLS-terminating nginx at https://${HOSTNAME}`, () => {
  let backend: Awaited<ReturnType<typeof listenDemoBackend>>
  const apps: Awaited<ReturnType<typeof serveBuiltApp>>[] = []
  let proxy: Awaited<ReturnType<typeof startTlsProxy>> | undefined
  const origins = { keepHost: '', rewriteHost: '', nothingSet: '' }

  beforeAll(async () => {
    backend = await listenDemoBackend({ accessTokenTtl: 60, refreshTokenTtl: 3_600 })
    const [keepHostPort, rewriteHostPort, nothingSetPort] = [await freePort(), await freePort(), await freePort()]
    origins.keepHost = `https://${HOSTNAME}:${keepHostPort}`
    origins.rewriteHost = `https://${HOSTNAME}:${rewriteHostPort}`
    origins.nothingSet = `https://${HOSTNAME}:${nothingSetPort}`
    // Each app is told only what its proxy needs: the public URL, or to believe the proxy's headers.
    const withUrl = await serveBuiltApp(backend.url, { env: { AUTH_URL: origins.keepHost, AUTH_TRUST_HOST: undefined } })
    apps.push(withUrl)
    const trusting = await serveBuiltApp(backend.url, { env: { AUTH_URL: undefined, AUTH_TRUST_HOST: 'true' } })
    apps.push(trusting)
    const plain = await serveBuiltApp(backend.url, { env: { AUTH_URL: undefined, AUTH_TRUST_HOST: undefined } })
    apps.push(plain)
    proxy = await startTlsProxy(HOSTNAME, [
      { listen: keepHostPort, upstream: withUrl.port, host: 'keep-host' },
      { listen: rewriteHostPort, upstream: trusting.port, host: 'rewrite-host' },
      { listen: nothingSetPort, upstream: plain.port, host: 'keep-host' },
    ])
  })
  afterAll(async () => {
    await proxy?.stop()
    for (const app of apps) app.stop()
    await backend?.stop()
  })

  it('keeping Host, with AUTH_URL set: signs in, reloads, signs out', async () => {
    await signInReloadSignOut(await browser.newPage({ ignoreHTTPSErrors: true }), origins.keepHost)
  })

  it('rewriting Host, with AUTH_TRUST_HOST=true: signs in, reloads, signs out', async () => {
    await signInReloadSignOut(await browser.newPage({ ignoreHTTPSErrors: true }), origins.rewriteHost)
  })

  it('keeping Host and sending X-Forwarded-Proto, with nothing set (as Caddy does by itself): signs in, reloads, signs out', async () => {
    await signInReloadSignOut(await browser.newPage({ ignoreHTTPSErrors: true }), origins.nothingSet)
  })

  it('keeps Secure cookies with the __Host- prefix for that hostname', async () => {
    const page = await browser.newPage({ ignoreHTTPSErrors: true })
    await page.goto(`${origins.rewriteHost}/sign-in`)
    await signInThroughForm(page, 'demo@example.com', 'demo-password')
    await page.waitForURL(`${origins.rewriteHost}/dashboard`)
    const cookies = (await page.context().cookies()).filter((cookie) => cookie.name.includes('gatehouse'))
    expect(cookies.map((cookie) => `${cookie.name} ${cookie.domain}`).sort()).toEqual([
      `__Host-gatehouse.refresh ${HOSTNAME}`,
      `__Host-gatehouse.session ${HOSTNAME}`,
    ])
    expect(cookies.every((cookie) => cookie.secure && cookie.httpOnly)).toBe(true)
  })
})
