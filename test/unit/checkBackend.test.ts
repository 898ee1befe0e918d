import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkBackend, formatReport, type CheckReport } from '../../src/cli/checkBackend'
import { repoFile } from '../readme'
import { ADA } from '../backends/createFakeTokenApi'
import { fakeTokenServer, type RefreshBehaviour } from '../backends/fakeTokenServer'
import { listenDemoBackend } from '../listenDemoBackend'

const DEMO = { identifier: 'demo@example.com', password: 'demo-password' }
const summary = (report: CheckReport) => report.steps.map(({ step, ok }) => `${ok ? 'ok' : 'FAIL'} ${step}`)
const says = (report: CheckReport, step: string) => report.steps.find((entry) => entry.step === step)?.says ?? ''

let backend: Awaited<ReturnType<typeof listenDemoBackend>>
beforeAll(async () => {
  backend = await listenDemoBackend({ accessTokenTtl: 600, refreshTokenTtl: 3_600 })
})
afterAll(async () => {
  await backend?.stop()
})

describe('gatehouse check', () => {
  it('walks the demo backend through sign-in, profile, refresh, the old token again and sign-out, and says what it found', async () => {
    const report = await checkBackend({ url: backend.url, config: {}, ...DEMO })
    expect(summary(report)).toEqual(['ok config', 'ok sign-in', 'ok profile', 'ok refresh', 'ok reuse', 'ok sign-out'])
    expect(report.ok).toBe(true)
    expect(says(report, 'sign-in')).toMatch(
      /^POST \/auth\/login: access token \[\d+ characters\], expires in 600 s; refresh token \[43 characters\]; read data\.token, data\.token_expires_at \(iso\), data\.refresh_token$/,
    )
    expect(says(report, 'profile')).toContain('"email":"demo@example.com"')
    expect(says(report, 'refresh')).toMatch(/the refresh token was rotated: a new one$/)
    expect(says(report, 'reuse')).toMatch(/refused: the backend detects a replayed refresh token$/)
    // The demo backend revokes the whole family on reuse: nothing is left to sign out, and that is no failure.
    expect(says(report, 'sign-out')).toMatch(/nothing left to sign out/)
    const printed = formatReport(report)
    expect(printed).toMatch(/^ok {4}config/)
    expect(printed).not.toContain(DEMO.password)
    expect(printed).toMatch(/Sign-in, refresh and sign-out work\.$/)
  })

  it.each<[RefreshBehaviour, RegExp, string[]]>([
    ['echo', /was echoed: the same one back$/, ['ok config', 'ok sign-in', 'ok profile', 'ok refresh', 'ok sign-out']],
    ['omit', /was omitted: the old one is kept$/, ['ok config', 'ok sign-in', 'ok profile', 'ok refresh', 'ok sign-out']],
    ['rotate-no-grace', /was rotated: a new one$/, ['ok config', 'ok sign-in', 'ok profile', 'ok refresh', 'ok reuse', 'ok sign-out']],
  ])('tells a token server that answers a refresh by %s', async (behaviour, refreshSays, steps) => {
    const server = fakeTokenServer({ refresh: behaviour, now: Date.now })
    const report = await checkBackend({
      url: 'http://tokens.test',
      config: server.options,
      identifier: ADA.username,
      password: ADA.password,
      fetch: server.fetch,
    })
    expect(summary(report)).toEqual(steps)
    expect(says(report, 'refresh')).toMatch(refreshSays)
    expect(says(report, 'sign-out')).toMatch(/^not tried: signOut is off/)
  })

  it('names the setting to change and what the backend answered instead, when the config does not fit', async () => {
    const directus = JSON.parse(repoFile('examples/backends/directus.json'))
    const report = await checkBackend({ url: backend.url, config: directus, ...DEMO })
    expect(report.ok).toBe(false)
    expect(summary(report)).toEqual(['ok config', 'FAIL sign-in'])
    expect(report.steps[1]?.hint).toBe(
      'tokens.accessToken (and tokens.envelope): nothing at "data.access_token"; the answer has data: {token, token_expires_at, refresh_token, refresh_token_expires_at, user}',
    )
  })

  it('says so when the account, the config or the address is wrong, and goes no further', async () => {
    const wrongPassword = await checkBackend({ url: backend.url, config: {}, identifier: DEMO.identifier, password: 'wrong' })
    expect(summary(wrongPassword)).toEqual(['ok config', 'FAIL sign-in'])
    expect(wrongPassword.steps[1]?.hint).toMatch(/^GATEHOUSE_CHECK_IDENTIFIER and GATEHOUSE_CHECK_PASSWORD/)
    const typo = await checkBackend({ url: backend.url, config: { tokens: { acessToken: 'x' } } as never, ...DEMO })
    expect(summary(typo)).toEqual(['FAIL config'])
    expect(typo.steps[0]?.says).toMatch(/"tokens\.acessToken" is not a known setting/)
    const nobody = await checkBackend({ url: 'http://127.0.0.1:1', config: {}, ...DEMO })
    expect(summary(nobody)).toEqual(['ok config', 'FAIL sign-in'])
    expect(nobody.steps[1]?.hint).toBe('--url: nothing answers there in time')
  })
})
