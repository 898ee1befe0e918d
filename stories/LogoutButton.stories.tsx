import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { delay, http } from 'msw'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { LogoutButton } from '../src/ui'
import { mockScenario } from './support/mockScenario'
import { withAuthProvider } from './support/withAuthProvider'

const meta = {
  title: 'Components/LogoutButton',
  component: LogoutButton,
  args: { onSignedOut: fn() },
  decorators: [withAuthProvider],
  beforeEach: mockScenario('signedInAsUser'),
} satisfies Meta<typeof LogoutButton>

export default meta
type Story = StoryObj<typeof meta>

export const Playground: Story = {
  args: { children: 'Sign out', pendingLabel: 'Signing out…' },
}

export const SignedIn: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByRole('button', { name: 'Sign out' })).toBeEnabled())
  },
}

export const SignsOut: Story = {
  play: async ({ args, canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Sign out' })
    await waitFor(() => expect(button).toBeEnabled())
    await userEvent.click(button)
    await waitFor(() => expect(args.onSignedOut).toHaveBeenCalledOnce())
    await expect(button).toBeDisabled()
  },
}

export const SigningOut: Story = {
  beforeEach({ msw }) {
    msw.use(http.post('/api/auth/logout', () => delay('infinite')))
  },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Sign out' })).toBeEnabled())
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }))
    await expect(await canvas.findByRole('button', { name: 'Signing out…' })).toBeDisabled()
    await expect(args.onSignedOut).not.toHaveBeenCalled()
  },
}

export const SignedOut: Story = {
  beforeEach: mockScenario('signedOut'),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Sign out' })).toBeDisabled()
  },
}
