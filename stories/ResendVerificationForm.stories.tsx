import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect, userEvent, within } from 'storybook/test'
import { ResendVerificationForm } from '../src/ui'
import { germanMessages } from './support/germanMessages'
import { mockScenario } from './support/mockScenario'
import { expectCountdown } from './support/rateLimitCountdown'
import { withAuthProvider } from './support/withAuthProvider'

const resend = async (canvasElement: HTMLElement, { label = 'Email', button = 'Send a new link' } = {}) => {
  const canvas = within(canvasElement)
  await userEvent.type(await canvas.findByLabelText(label), 'ada@example.com')
  await userEvent.click(canvas.getByRole('button', { name: button }))
  return canvas
}

const meta = {
  title: 'Components/ResendVerificationForm',
  component: ResendVerificationForm,
  decorators: [withAuthProvider],
  beforeEach: mockScenario('signedOut'),
} satisfies Meta<typeof ResendVerificationForm>

export default meta
type Story = StoryObj<typeof meta>

export const Playground: Story = {
  args: { identifier: 'email', messages: { send: 'Send a new link' } },
}

export const VerificationSent: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await resend(canvasElement)
    await expect(await canvas.findByRole('status')).toHaveTextContent('We have sent you a new link.')
  },
}

export const RateLimited: Story = {
  beforeEach: mockScenario('rateLimited'),
  play: async ({ canvasElement }) => {
    await resend(canvasElement)
    await expectCountdown(canvasElement, 'Send a new link')
  },
}

export const German: Story = {
  args: { messages: germanMessages.resendVerification },
  play: async ({ canvasElement }) => {
    const canvas = await resend(canvasElement, { label: 'E-Mail', button: 'Neuen Link senden' })
    await expect(await canvas.findByRole('status')).toHaveTextContent('Wir haben Ihnen einen neuen Link geschickt.')
  },
}
