import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect, within } from 'storybook/test'
import { SignedIn } from '../src/ui'
import { mockScenario } from './support/mockScenario'
import { withAuthProvider } from './support/withAuthProvider'
import { withSessionMarker } from './support/withSessionMarker'

const meta = {
  title: 'Components/SignedIn',
  component: SignedIn,
  args: { children: (user) => <p>Welcome back, {user.name}.</p> },
  decorators: [withAuthProvider],
  beforeEach: mockScenario('signedInAsUser'),
} satisfies Meta<typeof SignedIn>

export default meta
type Story = StoryObj<typeof meta>

export const Playground: Story = {}

export const WhenSignedIn: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Welcome back, Demo User.')).toBeVisible()
  },
}

/** Renders nothing (the line below is the story's, to show the session has settled). */
export const WhenSignedOut: Story = {
  beforeEach: mockScenario('signedOut'),
  decorators: [withSessionMarker],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('(signed out)')
    await expect(within(canvasElement).queryByText(/Welcome back/)).toBeNull()
  },
}

/** Renders nothing while the session is restored, so no signed-out flash precedes it. */
export const WhileRestoring: Story = {
  beforeEach: mockScenario('slowBackend', { slowMs: 'infinite' }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByText(/Welcome back/)).toBeNull()
  },
}
