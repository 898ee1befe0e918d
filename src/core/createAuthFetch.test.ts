import { afterEach, describe, expect, it, vi } from 'vitest'
import { createActor, fromPromise } from 'xstate'
import { createTabBus } from '../../test/tabBus'
import { authMachine } from './authMachine'
import { createAuthFetch } from './createAuthFetch'
import type { Session } from '../contract/types'

const sessionUntil = (expiresAt: string): Session => ({ user: { id: '1', roles: [] }, expiresAt })

function setup(refresh: () => Promise<Session | null>) {
  const refreshSpy = vi.fn(refresh)
  const machine = authMachine.provide({ actors: { refresh: fromPromise(() => refreshSpy()), browserWatcher: createTabBus() } })
  const actor = createActor(machine, { input: { session: sessionUntil('2099-01-01T00:00:00.000Z') } }).start()
  let token = 'old'
  const backend = vi.fn(async (input: RequestInfo | URL) => new Response(String(input), { status: token === 'new' ? 200 : 401 }))
  return { actor, backend, refreshSpy, renewToken: () => (token = 'new') }
}

describe('createAuthFetch', () => {
  const actors: Array<{ stop(): void }> = []
  afterEach(() => {
    for (const actor of actors.splice(0)) actor.stop()
  })

  it('answers a 401 with one refresh and one replay, shared by concurrent requests', async () => {
    let renew = () => {}
    const { actor, backend, refreshSpy, renewToken } = setup(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20))
      renew()
      return sessionUntil('2099-01-02T00:00:00.000Z')
    })
    renew = renewToken
    actors.push(actor)
    const authFetch = createAuthFetch(actor, backend)
    const responses = await Promise.all(
      ['/a', '/b', '/c', '/d', '/e'].map((path) => authFetch(`http://app.test${path}`, { method: 'POST', body: path })),
    )
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200])
    expect(refreshSpy).toHaveBeenCalledTimes(1)
    expect(backend).toHaveBeenCalledTimes(10)
    expect(await Promise.all(backend.mock.calls.slice(5).map(([request]) => (request as Request).text()))).toEqual([
      '/a',
      '/b',
      '/c',
      '/d',
      '/e',
    ])
  })

  it('returns the 401 when the refresh signs the person out, without a replay', async () => {
    const { actor, backend } = setup(async () => Promise.reject({ status: 401, error: { code: 'session_expired', message: 'ended' } }))
    actors.push(actor)
    const response = await createAuthFetch(actor, backend)('http://app.test/a')
    expect(response.status).toBe(401)
    expect(backend).toHaveBeenCalledTimes(1)
    expect(actor.getSnapshot().value).toBe('signedOut')
  })

  it('passes other answers through untouched', async () => {
    const { actor, refreshSpy } = setup(async () => null)
    actors.push(actor)
    const response = await createAuthFetch(actor, async () => new Response('nope', { status: 403 }))('http://app.test/a')
    expect(response.status).toBe(403)
    expect(refreshSpy).not.toHaveBeenCalled()
  })
})
