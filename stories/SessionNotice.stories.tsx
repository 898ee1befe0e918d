import { DEFAULT_SIGN_IN_PATH } from '../src/contract/signInUrl'
import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect, fn, within } from 'storybook/test'
import { SessionNotice } from '../src/ui'
import { mockScenario } from './support/mockScenario'
import { withAuthProvider } from './support/withAuthProvider'
import { withSessionMarker } from './support/withSessionMarker'

const meta = {
  title: 'Components/SessionNotice',
  component: SessionNotice,
  decorators: [withAuthProvider],
  beforeEach: mockScenario('sessionExpiring'),
} satisfies Meta<typeof SessionNotice>

export default meta
type Story = StoryObj<typeof meta>

export const Playground: Story = {
  args: { warnBeforeMs: 120_000, signInPath: '/sign-in', messages: { endingSoon: 'Your session ends in a few minutes.' } },
}

export const AboutToExpire: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('Your session ends in a few minutes.')
  },
}

export const Reconnecting: Story = {
  beforeEach: mockScenario('backendDown'),
  play: async ({ canvasElement }) => {
    // The token is about to expire first; once the refresh fails, reconnecting takes over.
    await expect(await within(canvasElement).findByText(/^Reconnecting…/, {}, { timeout: 4000 })).toBeVisible()
  },
}

export const SessionEnded: Story = {
  beforeEach: mockScenario('refreshRejected'),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert', {}, { timeout: 4000 })).toHaveTextContent('Your session has ended.')
    await expect(canvas.getByRole('link', { name: 'Sign in again' })).toHaveAttribute('href', DEFAULT_SIGN_IN_PATH)
  },
}

/** Nothing to say while the session is healthy — and one that can be refreshed is renewed silently: renders nothing. */
export const Quiet: Story = {
  beforeEach: mockScenario('signedInAsUser'),
  decorators: [withSessionMarker],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('(signed in)')
    await expect(canvas.queryByRole('status')).toBeNull()
  },
}

/** `className`, `ref` and other `<div>` attributes reach the notice while it shows. */
export const ForwardsClassNameAndRef: Story = {
  args: { className: 'page-banner', ref: fn(), id: 'session-notice' },
  play: async ({ args, canvasElement }) => {
    const notice = await within(canvasElement).findByRole('status')
    await expect(notice).toHaveClass('gatehouse-notice', 'page-banner')
    await expect(notice).toHaveAttribute('id', 'session-notice')
    await expect(args.ref).toHaveBeenCalledWith(notice)
  },
}
