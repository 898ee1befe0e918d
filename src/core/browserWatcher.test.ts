import { afterEach, describe, expect, it, vi } from 'vitest'
import { createActor, setup, type AnyActorRef, type EventObject } from 'xstate'
import { browserWatcher } from './browserWatcher'
import type { TabMessage } from './tabMessage'

const message: TabMessage = {
  user: { id: '1', roles: [] },
  expiresAt: '2026-01-01T00:01:00.000Z',
  idleEndsAt: null,
  refreshable: true,
  error: null,
}

/** A page with a document and a window (each an EventTarget), and a tab in it whose machine records what the watcher sends. */
function openPage() {
  const page = { document: Object.assign(new EventTarget(), { visibilityState: 'visible' }), window: new EventTarget() }
  vi.stubGlobal('document', page.document)
  vi.stubGlobal('window', page.window)
  return page
}

const started: AnyActorRef[] = []
function openTab() {
  const heard: EventObject[] = []
  const tab = setup({ actors: { browserWatcher } }).createMachine({
    invoke: { id: 'browserWatcher', src: 'browserWatcher' },
    on: { '*': { actions: ({ event }) => heard.push(event) } },
  })
  const actor = createActor(tab).start()
  started.push(actor)
  const watcher = actor.getSnapshot().children.browserWatcher!
  return { heard, publish: (sent: TabMessage) => watcher.send({ type: 'tabs.publish', message: sent }), stop: () => actor.stop() }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('browserWatcher', () => {
  afterEach(() => {
    for (const actor of started.splice(0)) actor.stop()
    vi.unstubAllGlobals()
  })

  it('hears the person use the page: pointer, keys and wheel, not a mouse passing or a scripted scroll', () => {
    const { document } = openPage()
    const { heard } = openTab()
    for (const type of ['pointerdown', 'keydown', 'wheel', 'mousemove', 'scroll']) document.dispatchEvent(new Event(type))
    expect(heard.map(({ type }) => type)).toEqual(['auth.active', 'auth.active', 'auth.active'])
  })

  it('wakes the machine when the page is shown again, focused or back online, and not when it is hidden', () => {
    const { document, window } = openPage()
    const { heard } = openTab()
    document.visibilityState = 'hidden'
    document.dispatchEvent(new Event('visibilitychange'))
    expect(heard).toEqual([])
    document.visibilityState = 'visible'
    document.dispatchEvent(new Event('visibilitychange'))
    window.dispatchEvent(new Event('focus'))
    window.dispatchEvent(new Event('online'))
    expect(heard.map(({ type }) => type)).toEqual(['auth.wake', 'auth.wake', 'auth.wake'])
  })

  it('tells the other tabs only the fields of a TabMessage, and never its own tab', async () => {
    openPage()
    const sender = openTab()
    const other = openTab()
    sender.publish({ ...message, retries: 3, timing: { marginMs: 1 }, accessToken: 'never-crosses' } as TabMessage)
    await settle()
    expect(other.heard).toEqual([{ type: 'auth.synced', message }])
    expect(sender.heard).toEqual([])
  })

  it('stops listening, to the page and to the other tabs, when the machine stops', async () => {
    const { document, window } = openPage()
    const stopped = openTab()
    const sender = openTab()
    stopped.stop()
    document.dispatchEvent(new Event('keydown'))
    window.dispatchEvent(new Event('focus'))
    sender.publish(message)
    await settle()
    expect(stopped.heard).toEqual([])
  })

  it('does nothing outside a browser', () => {
    const { heard } = openTab()
    expect(heard).toEqual([])
  })
})
