import { describe, expect, it } from 'vitest'
import type { ActorLogic, AnyStateNode, EventObject, SnapshotFrom } from 'xstate'
import { getAdjacencyMap } from 'xstate/graph'
import { authMachine } from './authMachine'
import type { AuthEvent, AuthMachineInput } from './authMachine'

const session = { user: { id: '1', roles: [] }, expiresAt: '2000-01-01T00:00:00.000Z' }
const failure = (status: number, code = `status_${status}`) => ({ status, error: { code, message: 'failed' } })

/** Every event the machine can take, with each payload variant its guards tell apart. */
const EVENTS = [
  { type: 'auth.signIn', credentials: { email: 'demo@example.com', password: 'pw' } },
  { type: 'auth.signOut' },
  { type: 'auth.refresh' },
  { type: 'auth.wake' },
  { type: 'auth.active' },
  { type: 'auth.synced', message: { ...session, refreshable: true, error: null } },
  { type: 'auth.synced', message: { user: null, expiresAt: null, refreshable: true, error: null } },
  { type: 'xstate.done.actor.loadSession', output: session },
  { type: 'xstate.done.actor.loadSession', output: null },
  { type: 'xstate.error.actor.loadSession', error: failure(502) },
  { type: 'xstate.done.actor.signIn', output: session },
  { type: 'xstate.error.actor.signIn', error: failure(401) },
  { type: 'xstate.done.actor.refresh', output: session },
  { type: 'xstate.done.actor.refresh', output: null },
  { type: 'xstate.error.actor.refresh', error: failure(401) },
  { type: 'xstate.error.actor.refresh', error: failure(502) },
  { type: 'xstate.done.actor.signOut', output: null },
  { type: 'xstate.error.actor.signOut', error: failure(0) },
  { type: 'auth.submitSecondFactor', code: { code: '123456' } },
  { type: 'auth.cancelSecondFactor' },
  { type: 'auth.signedIn', session },
  { type: 'xstate.error.actor.signIn', error: failure(401, 'second_factor_required') },
  { type: 'xstate.done.actor.secondFactor', output: session },
  { type: 'xstate.done.actor.secondFactor', output: null },
  { type: 'xstate.error.actor.secondFactor', error: failure(401) },
  { type: 'xstate.error.actor.secondFactor', error: failure(401, 'challenge_expired') },
  { type: 'xstate.after.refreshDelay.auth.signedIn' },
  { type: 'xstate.after.retryDelay.auth.degraded' },
] as unknown as AuthEvent[]

/** `source --event--> target` for every transition the machine defines, `always` ones included. */
function definedTransitions(): Set<string> {
  const edges = new Set<string>()
  for (const node of Object.values(authMachine.root.states) as AnyStateNode[]) {
    for (const [type, transitions] of node.transitions) {
      for (const transition of transitions) edges.add(`${node.key} --${type}--> ${transition.target?.[0]?.key ?? node.key}`)
    }
    for (const transition of node.always ?? []) edges.add(`${node.key} --always--> ${transition.target?.[0]?.key}`)
  }
  return edges
}

/** The transitions that the graph traversal actually takes, from each kind of start. */
function walkedTransitions(): { states: Set<string>; edges: Set<string> } {
  const states = new Set<string>(['hydrating'])
  const edges = new Set<string>()
  const starts: Array<{ input: AuthMachineInput; always?: string }> = [
    { input: {} },
    { input: { session }, always: 'hydrating --always--> signedIn' },
    { input: { session: null }, always: 'hydrating --always--> signedOut' },
  ]
  for (const { input, always } of starts) {
    if (always) edges.add(always)
    // xstate/graph types its logic as emitting plain events; the machine emits `tabs.publish`.
    const logic = authMachine as unknown as ActorLogic<SnapshotFrom<typeof authMachine>, AuthEvent, AuthMachineInput, never, EventObject>
    const adjacency = getAdjacencyMap(logic, {
      input,
      events: EVENTS,
      // Retry counts and expiries would make the state space endless: a state is its value and whether someone is signed in.
      serializeState: (snapshot) => JSON.stringify([snapshot.value, snapshot.context.user !== null]),
      limit: 1_000,
    })
    for (const { state, transitions } of Object.values(adjacency)) {
      states.add(String(state.value))
      for (const { event, state: next } of Object.values(transitions) as Array<{ event: AuthEvent; state: { value: unknown } }>)
        edges.add(`${String(state.value)} --${event.type}--> ${String(next.value)}`)
    }
  }
  return { states, edges }
}

describe('authMachine paths (xstate/graph)', () => {
  it('covers every state and every transition', () => {
    const defined = definedTransitions()
    const { states, edges } = walkedTransitions()
    const allStates = Object.keys(authMachine.root.states)
    console.log(
      `auth machine: ${states.size}/${allStates.length} states and ${[...defined].filter((edge) => edges.has(edge)).length}/${defined.size} transitions covered`,
    )
    expect([...states].sort()).toEqual([...allStates].sort())
    expect([...defined].filter((edge) => !edges.has(edge))).toEqual([])
  })
})
