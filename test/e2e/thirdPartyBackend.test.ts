import { readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkBackend, formatReport } from '../../src/cli/checkBackend'
import { startDjangoBackend, type DjangoBackend } from '../backends/startDjangoBackend'
import { serveBuiltApp } from './appProcess'
import { openBrowser } from './browser'
import { signInThroughForm } from './signInThroughForm'

const ACCESS_SECONDS = 5
const CONFIG = fileURLToPath(new URL('../../examples/backends/simplejwt.json', import.meta.url))
const browser = openBrowser()

describe.each([
  { mode: "simplejwt's defaults (a refresh answers only a new access token)", rotate: false },
  { mode: 'ROTATE_REFRESH_TOKENS with BLACKLIST_AFTER_ROTATION', rotate: true },
])('the example app against a real Django REST framework + simplejwt, $mode', ({ rotate }) => {
  let django: DjangoBackend
  let app: Awaited<ReturnType<typeof serveBuiltApp>>

  beforeAll(async () => {
    django = await startDjangoBackend({ rotate, accessSeconds: ACCESS_SECONDS })
    // Configured only through the worked config file, as a user would.
    app = await serveBuiltApp(django.baseUrl, { env: { AUTH_BACKEND_CONFIG: CONFIG } })
  })
  afterAll(async () => {
    app?.stop()
    await django?.stop()
  })

  it(`signs in by username and stays signed in across three ${ACCESS_SECONDS} s access lifetimes, then signs out`, async () => {
    const page = await browser.newPage({ baseURL: app.baseURL })
    await page.goto('/sign-in')
    await signInThroughForm(page, 'ada', 'correct-horse', 'Username')
    await page.waitForURL('**/dashboard')
    expect(await page.getByTestId('user-name').textContent()).toBe('Ada Lovelace')

    // Reloads spread over three lifetimes: some renders refresh in proxy.ts, the rest find the tab's own refresh done.
    const until = Date.now() + (3 * ACCESS_SECONDS + 1) * 1000
    let reloads = 0
    while (Date.now() < until) {
      await sleep(1_500)
      const response = await page.reload({ waitUntil: 'load' })
      reloads += 1
      expect(new URL(page.url()).pathname, `signed out after ${reloads} reloads`).toBe('/dashboard')
      expect(await response!.text()).toMatch(/data-testid="user-name">Ada Lovelace</)
    }

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/sign-in(\?.*)?$/)
    expect((await page.context().cookies()).filter((cookie) => cookie.name.includes('gatehouse'))).toEqual([])
  }, 60_000)

  it('passes gatehouse check with the worked config, which tells how it treats a refresh token', async () => {
    const report = await checkBackend({
      url: django.baseUrl,
      config: JSON.parse(readFileSync(CONFIG, 'utf8')),
      identifier: 'ada',
      password: 'correct-horse',
    })
    expect(report.ok, formatReport(report)).toBe(true)
    const refresh = report.steps.find((step) => step.step === 'refresh')?.says
    expect(refresh).toMatch(rotate ? /was rotated: a new one$/ : /was omitted: the old one is kept$/)
    // Blacklisting after rotation refuses the old token; without rotation there is nothing to reuse.
    expect(report.steps.find((step) => step.step === 'reuse')?.says).toEqual(
      rotate ? expect.stringMatching(/refused: the backend detects a replayed refresh token$/) : undefined,
    )
  })
})
