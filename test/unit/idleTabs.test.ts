import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createActor } from 'xstate'
import { authMachine, type AuthActorRef } from '../../src/core/authMachine'
import { transportActors } from '../../src/core/transportActors'
import { waitForSnapshot } from '../../src/core/waitForSnapshot'
import { ORIGIN, cookiesFrom } from '../authRequests'
import { DEMO, createTestGatehouse } from '../gatehouseFixture'
import { createTabBus } from '../tabBus'

const SECOND = 1_000
const MINUTE = 60 * SECOND
const SIGNED_IN_AT = Date.parse('2026-01-01T00:00:00Z')

/**
 * One browser against the real route handlers: a 10-minute idle timeout, 4-minute access tokens,
 * one cookie jar, and machines for tabs that share it (and a tab bus). The browser's clock and
 * the server's are the same fake clock, which the test moves.
 */
function browserAgainstGatehouse() {
  const fixture = createTestGatehouse({ idleTimeoutMs: 10 * MINUTE, backendOptions: { accessTtlMs: 4 * MINUTE } })
  Object.defineProperty(fixture.clock, 'now', { get: () => Date.now() })
  let jar = ''
  const fetchThroughJar: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers)
    headers.set('origin', ORIGIN)
    if (jar) headers.set('cookie', jar)
    const response = await fixture.gatehouse.handle(new Request(new URL(String(input), ORIGIN), { ...init, headers }))
    jar = cookiesFrom(response, jar)
    return response
  }
  const machine = authMachine.provide({ actors: { ...transportActors({ fetch: fetchThroughJar }), browserWatcher: createTabBus() } })
  const tabs: AuthActorRef[] = []
  const openTab = () => {
    const tab = createActor(machine, { input: {} }).start()
    tabs.push(tab)
    return tab
  }
  /** Moves both clocks on, a second at a time, letting every request a timer starts finish before the next second. */
  const wait = async (ms: number) => {
    for (let passed = 0; passed < ms; passed += SECOND) {
      await vi.advanceTimersByTimeAsync(Math.min(SECOND, ms - passed))
      for (const tab of tabs) await waitForSnapshot(tab, (snapshot) => !snapshot.hasTag('busy'))
    }
  }
  const refreshes = () => fixture.backend.lines().filter((line) => line === 'POST /auth/refresh').length
  const signedIn = (tab: AuthActorRef) => tab.getSnapshot().hasTag('signedIn')
  return { openTab, wait, refreshes, signedIn, tabs }
}

/** Clicks in `tab` every `everyMs` for `forMs`. */
async function actIn(
  tab: AuthActorRef,
  wait: (ms: number) => Promise<void>,
  { forMs, everyMs = 20 * SECOND }: { forMs: number; everyMs?: number },
) {
  for (let acted = 0; acted < forMs; acted += everyMs) {
    tab.send({ type: 'auth.active' })
    await wait(everyMs)
  }
}

describe('idle by what the person does, against the route handlers', () => {
  const browsers: Array<ReturnType<typeof browserAgainstGatehouse>> = []
  const signedInBrowser = async () => {
    const browser = browserAgainstGatehouse()
    browsers.push(browser)
    const tab = browser.openTab()
    await waitForSnapshot(tab, (snapshot) => !snapshot.hasTag('loading'))
    tab.send({ type: 'auth.signIn', credentials: DEMO })
    await waitForSnapshot(tab, (snapshot) => !snapshot.hasTag('pending'))
    expect(browser.signedIn(tab)).toBe(true)
    return { ...browser, tab }
  }
  beforeEach(() => vi.useFakeTimers({ now: SIGNED_IN_AT }))
  afterEach(() => {
    for (const browser of browsers.splice(0)) for (const tab of browser.tabs) tab.stop()
    vi.useRealTimers()
  })

  it('signs an unattended tab out at idleTimeoutMs, though it refreshed in the background', async () => {
    const { tab, wait, refreshes, signedIn } = await signedInBrowser()
    await wait(10 * MINUTE - 2 * SECOND)
    expect(signedIn(tab)).toBe(true)
    // Its access token was refreshed twice meanwhile, and neither refresh counted as activity.
    expect(refreshes()).toBe(2)
    await wait(4 * SECOND)
    expect(signedIn(tab)).toBe(false)
    expect(tab.getSnapshot().context.error?.code).toBe('session_expired')
  })

  it('keeps a tab signed in while the person uses it, and signs it out idleTimeoutMs after they stop', async () => {
    const { tab, wait, signedIn } = await signedInBrowser()
    await actIn(tab, wait, { forMs: 25 * MINUTE })
    expect(signedIn(tab)).toBe(true)
    const stoppedAt = Date.now() - 20 * SECOND
    await wait(10 * MINUTE - 25 * SECOND)
    expect(signedIn(tab)).toBe(true)
    await wait(10 * SECOND)
    expect(signedIn(tab)).toBe(false)
    expect(Date.now() - stoppedAt).toBeLessThanOrEqual(10 * MINUTE + 5 * SECOND)
  })

  it('reports activity in time even when the next token refresh would come after the idle end', async () => {
    const { tab, wait, signedIn } = await signedInBrowser()
    // The person acts once, just after the second background refresh (at 7 minutes); the next
    // token refresh would be at 10.5 minutes, after the idle end at 10.
    await wait(7 * MINUTE + 10 * SECOND)
    tab.send({ type: 'auth.active' })
    await wait(10 * MINUTE - 5 * SECOND)
    expect(signedIn(tab)).toBe(true)
    expect(tab.getSnapshot().context.idleEndsAt).toBe(new Date(SIGNED_IN_AT + 17 * MINUTE + 10 * SECOND).toISOString())
    await wait(10 * SECOND)
    expect(signedIn(tab)).toBe(false)
  })

  it('keeps an idle tab signed in while another tab of the same browser is used, and ends both together', async () => {
    const { tab: used, openTab, wait, signedIn } = await signedInBrowser()
    const idle = openTab()
    await wait(SECOND)
    expect(signedIn(idle)).toBe(true)
    await actIn(used, wait, { forMs: 25 * MINUTE })
    expect([signedIn(used), signedIn(idle)]).toEqual([true, true])
    await wait(11 * MINUTE)
    expect([signedIn(used), signedIn(idle)]).toEqual([false, false])
  })
})
