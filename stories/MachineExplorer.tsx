import { useState } from 'react'
import { selectAuth, type AuthContext, type Session } from '../src/core'
import { gatehouseScenarios, mockPasswords, mockUser, type GatehouseScenario } from '../src/msw'
import { useAuthActor, useAuthSelector } from '../src/react'

const scenarioNames = Object.keys(gatehouseScenarios) as GatehouseScenario[]

/** The session the cookies hold while the machine is signed in. */
const heldSession = ({ user, expiresAt, idleEndsAt, refreshable }: AuthContext): Session | null =>
  user && expiresAt
    ? { user, expiresAt, idleEndsAt: idleEndsAt ?? undefined, ...(refreshable ? {} : { refreshable: false as const }) }
    : null

const demo = { email: mockUser.email!, password: mockPasswords[mockUser.email!]! }
const wrong = { ...demo, password: 'wrong' }

const term = { fontWeight: 600 } as const
const value = {
  margin: 0,
  fontFamily: 'ui-monospace, monospace',
  fontSize: '0.8125rem',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
} as const

/**
 * The auth machine laid bare: its state, its context and the view the components read, with
 * buttons that send it events. The mocked proxy routes answer as the chosen scenario says.
 */
export function MachineExplorer({
  scenario,
  onScenarioChange,
}: {
  scenario: GatehouseScenario
  onScenarioChange: (scenario: GatehouseScenario, held: Session | null) => void
}) {
  const actor = useAuthActor()
  const snapshot = useAuthSelector((current) => current)
  const [sent, setSent] = useState<string[]>([])
  const send = (event: Parameters<typeof actor.send>[0], label: string) => {
    setSent((previous) => [...previous.slice(-4), label])
    actor.send(event)
  }
  // Times and the retry count (retries are jittered) change from run to run: shown apart, masked in screenshots.
  const { expiresAt, retries, activeAt, reportedAt, ...stableContext } = snapshot.context
  return (
    <div className="gatehouse-sign-in-form" style={{ width: '34rem' }}>
      <label className="gatehouse-field">
        <span className="gatehouse-label">Mocked backend scenario</span>
        <select
          className="gatehouse-input"
          value={scenario}
          onChange={(event) => onScenarioChange(event.target.value as GatehouseScenario, heldSession(snapshot.context))}
        >
          {scenarioNames.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: '0.5rem 1rem', margin: 0 }}>
        <dt style={term}>State</dt>
        <dd style={value} data-testid="machine-state">
          {JSON.stringify(snapshot.value)}
        </dd>
        <dt style={term}>Context</dt>
        <dd style={value}>{JSON.stringify(stableContext, null, 2)}</dd>
        <dt style={term}>expiresAt</dt>
        <dd style={value} data-screenshot-mask="">
          {expiresAt ?? 'null'}
        </dd>
        <dt style={term}>retries</dt>
        <dd style={value} data-screenshot-mask="">
          {retries}
        </dd>
        <dt style={term}>activeAt, reportedAt</dt>
        <dd style={value} data-screenshot-mask="">
          {new Date(activeAt).toISOString()}, {reportedAt ? new Date(reportedAt).toISOString() : 'never'}
        </dd>
        <dt style={term}>View</dt>
        <dd style={value}>{JSON.stringify({ ...selectAuth(snapshot), user: undefined, expiresAt: undefined, error: undefined })}</dd>
        <dt style={term}>Sent</dt>
        <dd style={value}>{sent.join(' → ') || '—'}</dd>
      </dl>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
        <button type="button" className="gatehouse-button" onClick={() => send({ type: 'auth.signIn', credentials: demo }, 'signIn')}>
          auth.signIn (demo)
        </button>
        <button
          type="button"
          className="gatehouse-button"
          onClick={() => send({ type: 'auth.signIn', credentials: wrong }, 'signIn (wrong)')}
        >
          auth.signIn (wrong password)
        </button>
        <button type="button" className="gatehouse-button" onClick={() => send({ type: 'auth.refresh' }, 'refresh')}>
          auth.refresh
        </button>
        <button type="button" className="gatehouse-button" onClick={() => send({ type: 'auth.signOut' }, 'signOut')}>
          auth.signOut
        </button>
      </div>
    </div>
  )
}
