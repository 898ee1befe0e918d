import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { UserBadge } from '../src/ui'
import { mockScenario } from './support/mockScenario'
import { withAuthProvider } from './support/withAuthProvider'

const meta = {
  title: 'Components/UserBadge',
  component: UserBadge,
  args: { onSignedOut: fn() },
  decorators: [withAuthProvider],
  beforeEach: mockScenario('signedInAsUser'),
} satisfies Meta<typeof UserBadge>

export default meta
type Story = StoryObj<typeof meta>

export const Playground: Story = {
  args: { messages: { signOut: 'Sign out' } },
}

export const SignedInAsUser: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('Signed in as Demo User')).toBeVisible()
    await expect(canvas.getByText('demo@example.com')).toBeVisible()
  },
}

export const SignedInAsAdmin: Story = {
  beforeEach: mockScenario('signedInAsAdmin'),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Signed in as Ada Admin')).toBeVisible()
  },
}

export const CustomGreetingWithoutSignOut: Story = {
  args: { messages: { signedInAs: (user) => `Hello, ${user.name}` }, hideSignOut: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('Hello, Demo User')).toBeVisible()
    await expect(canvas.queryByRole('button')).toBeNull()
  },
}

export const WhileRestoring: Story = {
  beforeEach: mockScenario('slowBackend', { slowMs: 'infinite' }),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[aria-busy="true"]')).not.toBeNull()
  },
}

export const SignsOut: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out' }))
    await waitFor(() => expect(args.onSignedOut).toHaveBeenCalledOnce())
    await expect(canvas.queryByText(/Signed in as/)).toBeNull()
  },
}

/** `className`, `ref` and other `<div>` attributes reach the badge's element. */
export const ForwardsClassNameAndRef: Story = {
  args: { className: 'site-header-badge', ref: fn(), id: 'account' },
  play: async ({ args, canvasElement }) => {
    await within(canvasElement).findByText('Signed in as Demo User')
    const badge = canvasElement.querySelector('#account')
    await expect(badge).toHaveClass('gatehouse-user-badge', 'site-header-badge')
    await expect(args.ref).toHaveBeenCalledWith(badge)
  },
}
