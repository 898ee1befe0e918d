import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { accountFlowUrl, DEFAULT_BASE_PATH } from '../src/contract/authRoutes'
import { ForgotPasswordForm } from '../src/ui'
import { germanMessages } from './support/germanMessages'
import { mockScenario } from './support/mockScenario'
import { heldRequests, pendingRoute } from './support/pendingRoute'
import { expectCountdown } from './support/rateLimitCountdown'
import { withAuthProvider } from './support/withAuthProvider'

const askForLink = async (canvasElement: HTMLElement, { label = 'Email', value = 'ada@example.com', button = 'Send the link' } = {}) => {
  const canvas = within(canvasElement)
  await userEvent.type(await canvas.findByLabelText(label), value)
  await userEvent.click(canvas.getByRole('button', { name: button }))
  return canvas
}

const meta = {
  title: 'Components/ForgotPasswordForm',
  component: ForgotPasswordForm,
  decorators: [withAuthProvider],
  beforeEach: mockScenario('signedOut'),
} satisfies Meta<typeof ForgotPasswordForm>

export default meta
type Story = StoryObj<typeof meta>

export const Playground: Story = {
  args: { identifier: 'email', messages: { send: 'Send the link' } },
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByLabelText('Email')).toHaveAttribute('type', 'email')
    await expect(canvasElement.querySelector('form')).toHaveAttribute('action', accountFlowUrl(DEFAULT_BASE_PATH, 'requestPasswordReset'))
  },
}

/** The same status whether or not the account exists: the form never tells. */
export const ResetRequested: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await askForLink(canvasElement)
    const status = await canvas.findByRole('status')
    await expect(status).toHaveTextContent('If an account exists for that address, we have sent a link')
    await waitFor(() => expect(status).toHaveFocus())
  },
}

export const Pending: Story = {
  beforeEach: pendingRoute('requestPasswordReset'),
  play: async ({ canvasElement }) => {
    const canvas = await askForLink(canvasElement)
    await expect(await canvas.findByRole('button', { name: 'Sending…' })).toBeDisabled()
    await userEvent.keyboard('{Enter}')
    await expect(heldRequests).toHaveBeenCalledOnce()
  },
}

export const RateLimited: Story = {
  beforeEach: mockScenario('rateLimited'),
  play: async ({ canvasElement }) => {
    await askForLink(canvasElement)
    await expectCountdown(canvasElement, 'Send the link')
  },
}

export const FlowDisabled: Story = {
  beforeEach: mockScenario('flowsDisabled'),
  play: async ({ canvasElement }) => {
    const canvas = await askForLink(canvasElement)
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('This is not available on this site.'))
  },
}

export const WithUsername: Story = {
  args: { identifier: 'username' },
  play: async ({ canvasElement }) => {
    const canvas = await askForLink(canvasElement, { label: 'Username', value: 'ada' })
    await expect(await canvas.findByRole('status')).toHaveTextContent('If an account exists')
  },
}

/** A form sent before the page's script ran comes back with `?outcome=reset_requested`. */
export const OutcomeFromTheUrl: Story = {
  args: { outcome: 'reset_requested' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('If an account exists')
  },
}

export const German: Story = {
  args: { messages: germanMessages.forgotPassword },
  play: async ({ canvasElement }) => {
    const canvas = await askForLink(canvasElement, { label: 'E-Mail', button: 'Link senden' })
    await expect(await canvas.findByRole('status')).toHaveTextContent('Falls es ein Konto mit dieser Adresse gibt')
  },
}
