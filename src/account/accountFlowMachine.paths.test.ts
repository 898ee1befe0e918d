import { describe, expect, it } from 'vitest'
import { createActor, type ActorLogic, type AnyStateNode, type EventObject, type SnapshotFrom } from 'xstate'
import { getAdjacencyMap } from 'xstate/graph'
import { authMachine } from '../core/authMachine'
import { accountFlowMachine, type AccountFlowEvent, type AccountFlowInput } from './accountFlowMachine'

const session = { user: { id: '1', roles: [] }, expiresAt: '2000-01-01T00:00:00.000Z' }
const failure = { status: 429, error: { code: 'rate_limited', message: 'failed', retryAfterSeconds: 30 } }
const ROUTES = ['signUp', 'verifyEmail', 'resendVerification', 'requestPasswordReset', 'resetPassword']

/** Every event the machine can take, with each answer its guards tell apart. */
const EVENTS = [
  { type: 'account.signUp', details: { email: 'new@example.com', password: 'pw' } },
  { type: 'account.verifyEmail', token: 'token' },
  { type: 'account.resendVerification', identifier: { email: 'new@example.com' } },
  { type: 'account.requestPasswordReset', identifier: { email: 'new@example.com' } },
  { type: 'account.resetPassword', token: 'token', password: 'pw' },
  ...ROUTES.flatMap((route) => [
    { type: `xstate.done.actor.${route}`, output: session },
    { type: `xstate.done.actor.${route}`, output: { user: null, outcome: 'verification_sent' } },
    { type: `xstate.error.actor.${route}`, error: failure },
  ]),
] as unknown as AccountFlowEvent[]

/** `source --event--> target` for every transition the machine defines. */
function definedTransitions(): Set<string> {
  const edges = new Set<string>()
  for (const node of Object.values(accountFlowMachine.root.states) as AnyStateNode[]) {
    for (const [type, transitions] of node.transitions) {
      for (const transition of transitions) edges.add(`${node.key} --${type}--> ${transition.target?.[0]?.key ?? node.key}`)
    }
  }
  return edges
}

describe('accountFlowMachine paths (xstate/graph)', () => {
  it('covers every state and every transition', () => {
    // A stopped auth actor: the traversal only needs somewhere for `auth.signedIn` to go.
    const auth = createActor(authMachine, { input: { session: null } })
    const logic = accountFlowMachine as unknown as ActorLogic<
      SnapshotFrom<typeof accountFlowMachine>,
      AccountFlowEvent,
      AccountFlowInput,
      never,
      EventObject
    >
    const adjacency = getAdjacencyMap(logic, {
      input: { auth },
      events: EVENTS,
      // The outcome and the error make each state several: a state is its value.
      serializeState: (snapshot) => JSON.stringify(snapshot.value),
      limit: 1_000,
    })
    const states = new Set<string>()
    const edges = new Set<string>()
    for (const { state, transitions } of Object.values(adjacency)) {
      states.add(String(state.value))
      for (const { event, state: next } of Object.values(transitions) as Array<{ event: AccountFlowEvent; state: { value: unknown } }>)
        edges.add(`${String(state.value)} --${event.type}--> ${String(next.value)}`)
    }
    const defined = definedTransitions()
    console.log(
      `account flows: ${states.size}/${Object.keys(accountFlowMachine.root.states).length} states and ${[...defined].filter((edge) => edges.has(edge)).length}/${defined.size} transitions covered`,
    )
    expect([...states].sort()).toEqual(Object.keys(accountFlowMachine.root.states).sort())
    expect([...defined].filter((edge) => !edges.has(edge))).toEqual([])
  })
})
