import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import type { Session } from '../src/core'
import { gatehouseHandlers, gatehouseScenarios, type GatehouseScenario } from '../src/msw'
import { MachineExplorer } from './MachineExplorer'
import { withAuthProvider } from './support/withAuthProvider'

type ExplorerArgs = { scenario: GatehouseScenario }

const meta = {
  title: 'Machine/Explorer',
  args: { scenario: 'signedOut' },
  argTypes: { scenario: { control: 'select', options: Object.keys(gatehouseScenarios) } },
  parameters: { docs: { story: { iframeHeight: 640 } } },
  decorators: [withAuthProvider],
  beforeEach({ msw, args }) {
    msw.use(...gatehouseHandlers(args.scenario))
  },
  render: function Render(args, { msw }) {
    const [scenario, setScenario] = useState(args.scenario)
    const change = (next: GatehouseScenario, held: Session | null) => {
      // The cookies outlive a change of backend: the new scenario starts from the session held now.
      msw.resetHandlers(...gatehouseHandlers(next, { held }))
      setScenario(next)
    }
    return <MachineExplorer scenario={scenario} onScenarioChange={change} />
  },
} satisfies Meta<ExplorerArgs>

export default meta
type Story = StoryObj<typeof meta>

const machineState = (canvasElement: HTMLElement) => within(canvasElement).getByTestId('machine-state')

/** Signs in, refreshes and signs out through the buttons, watching the state change. */
export const SignedOut: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(machineState(canvasElement)).toHaveTextContent('"signedOut"'))
    await userEvent.click(canvas.getByRole('button', { name: 'auth.signIn (wrong password)' }))
    await waitFor(() => expect(canvas.getByText(/invalid_credentials/)).toBeVisible())
    await userEvent.click(canvas.getByRole('button', { name: 'auth.signIn (demo)' }))
    await waitFor(() => expect(machineState(canvasElement)).toHaveTextContent('"signedIn"'))
    await userEvent.click(canvas.getByRole('button', { name: 'auth.signOut' }))
    await waitFor(() => expect(machineState(canvasElement)).toHaveTextContent('"signedOut"'))
  },
}

/** Switches the mocked backend to "down" while signed in: a refresh leaves the machine degraded, still signed in. */
export const BackendGoesDown: Story = {
  args: { scenario: 'signedInAsUser' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(machineState(canvasElement)).toHaveTextContent('"signedIn"'))
    await userEvent.selectOptions(canvas.getByLabelText('Mocked backend scenario'), 'backendDown')
    await userEvent.click(canvas.getByRole('button', { name: 'auth.refresh' }))
    await waitFor(() => expect(machineState(canvasElement)).toHaveTextContent('"degraded"'))
  },
}

export const RefreshRejected: Story = {
  args: { scenario: 'refreshRejected' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByText(/session_expired/)).toBeVisible(), { timeout: 4000 })
    await expect(machineState(canvasElement)).toHaveTextContent('"signedOut"')
  },
}
