import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect, within } from 'storybook/test'
import { SignedOut } from '../src/ui'
import { mockScenario } from './support/mockScenario'
import { withAuthProvider } from './support/withAuthProvider'
import { withSessionMarker } from './support/withSessionMarker'

const meta = {
  title: 'Components/SignedOut',
  component: SignedOut,
  args: {
    children: (
      <a className="gatehouse-link" href="/sign-in">
        Sign in
      </a>
    ),
  },
  decorators: [withAuthProvider],
  beforeEach: mockScenario('signedOut'),
} satisfies Meta<typeof SignedOut>

export default meta
type Story = StoryObj<typeof meta>

export const Playground: Story = {}

export const WhenSignedOut: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('link', { name: 'Sign in' })).toBeVisible()
  },
}

/** Renders nothing (the line below is the story's, to show the session has settled). */
export const WhenSignedIn: Story = {
  beforeEach: mockScenario('signedInAsUser'),
  decorators: [withSessionMarker],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('(signed in)')
    await expect(within(canvasElement).queryByRole('link')).toBeNull()
  },
}

/** Renders nothing while the session is restored, so signed-in people never see it flash. */
export const WhileRestoring: Story = {
  beforeEach: mockScenario('slowBackend', { slowMs: 'infinite' }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('link')).toBeNull()
  },
}
