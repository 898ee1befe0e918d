import { useSelector } from '@xstate/react'
import { useState } from 'react'
import { selectAuth } from '../src/core'
import { gatehouseScenarios, mockPasswords, mockUser, type GatehouseScenario } from '../src/msw'
import { useAuthActor } from '../src/react'

const scenarioNames = Object.keys(gatehouseScenarios) as GatehouseScenario[]

const cell = { padding: '0.25rem 0.75rem 0.25rem 0', verticalAlign: 'top' } as const

/**
 * The auth machine laid bare: its state, its context and the view the components read, with
 * buttons that send it events. The mocked proxy routes answer as the chosen scenario says.
 */
export function MachineExplorer({ scenario, onScenarioChange }: { scenario: GatehouseScenario; onScenarioChange: (scenario: GatehouseScenario) => void }) {
  const actor = useAuthActor()
  const snapshot = useSelector(actor, (current) => current)
  const [sent, setSent] = useState<string[]>([])
  const send = (event: Parameters<typeof actor.send>[0], label: string) => {
    setSent((previous) => [...previous.slice(-4), label])
    actor.send(event)
  }
  const { expiresAt, ...stableContext } = snapshot.context
  return (
    <div className="gatehouse-login-form" style={{ width: '30rem' }}>
      <label className="gatehouse-field">
        <span className="gatehouse-label">Mocked backend scenario</span>
        <select className="gatehouse-input" value={scenario} onChange={(event) => onScenarioChange(event.target.value as GatehouseScenario)}>
          {scenarioNames.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <table style={{ borderCollapse: 'collapse' }}>
        <tbody>
          <tr>
            <th scope="row" style={cell}>State</th>
            <td style={cell} data-testid="machine-state"><code>{JSON.stringify(snapshot.value)}</code></td>
          </tr>
          <tr>
            <th scope="row" style={cell}>Context</th>
            <td style={cell}><code>{JSON.stringify(stableContext)}</code></td>
          </tr>
          <tr>
            <th scope="row" style={cell}>expiresAt</th>
            <td style={cell} data-screenshot-mask=""><code>{expiresAt ?? 'null'}</code></td>
          </tr>
          <tr>
            <th scope="row" style={cell}>View</th>
            <td style={cell}><code>{JSON.stringify({ ...selectAuth(snapshot), user: undefined, expiresAt: undefined, error: undefined })}</code></td>
          </tr>
          <tr>
            <th scope="row" style={cell}>Sent</th>
            <td style={cell}>{sent.join(' → ') || '—'}</td>
          </tr>
        </tbody>
      </table>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
        <button type="button" className="gatehouse-button" onClick={() => send({ type: 'auth.login', credentials: { email: mockUser.email!, password: mockPasswords[mockUser.email!]! } }, 'login')}>
          auth.login (demo)
        </button>
        <button type="button" className="gatehouse-button" onClick={() => send({ type: 'auth.login', credentials: { email: mockUser.email!, password: 'wrong' } }, 'login (wrong)')}>
          auth.login (wrong password)
        </button>
        <button type="button" className="gatehouse-button" onClick={() => send({ type: 'auth.refresh' }, 'refresh')}>
          auth.refresh
        </button>
        <button type="button" className="gatehouse-button" onClick={() => send({ type: 'auth.logout' }, 'logout')}>
          auth.logout
        </button>
      </div>
    </div>
  )
}
