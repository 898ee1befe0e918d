import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { accountFlowUrl, DEFAULT_BASE_PATH } from '../src/contract/authRoutes'
import { VerifyEmail } from '../src/ui'
import { germanMessages } from './support/germanMessages'
import { mockScenario } from './support/mockScenario'
import { heldRequests, pendingRoute } from './support/pendingRoute'
import { withAuthProvider } from './support/withAuthProvider'
import { pageError } from './support/pageError'

const meta = {
  title: 'Components/VerifyEmail',
  component: VerifyEmail,
  args: { token: 'verify-token', onSuccess: fn(), redirectTo: '/welcome', signInHref: '/sign-in' },
  decorators: [withAuthProvider],
  beforeEach: mockScenario('signedOut'),
} satisfies Meta<typeof VerifyEmail>

export default meta
type Story = StoryObj<typeof meta>

export const Playground: Story = {
  args: { messages: { verified: 'Your email is confirmed.' } },
}

/** Confirming signs the person in: once, on mount, then `onSuccess`. */
export const SignsIn: Story = {
  play: async ({ args }) => {
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce())
  },
}

export const Verifying: Story = {
  beforeEach: pendingRoute('verifyEmail'),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Confirming your email…')).toBeVisible()
    await waitFor(() => expect(heldRequests).toHaveBeenCalledOnce())
  },
}

/** The backend confirmed the address without signing in: a status with a link to sign in. */
export const Verified: Story = {
  args: { outcome: 'email_verified' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('status')).toHaveTextContent('Your email is confirmed.')
    await expect(canvas.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in')
  },
}

/** A used or expired link: the error, and a form to send a new one. */
export const InvalidLink: Story = {
  beforeEach: mockScenario('invalidLink'),
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('This link is invalid or has expired.'))
    await expect(args.onSuccess).not.toHaveBeenCalled()
    await expect(canvas.getByRole('button', { name: 'Send a new link' })).toBeEnabled()
  },
}

/** …then asks for a new link, and is told it is on its way. */
export const ResendsALink: Story = {
  beforeEach: mockScenario('invalidLink'),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(await canvas.findByLabelText('Email'), 'ada@example.com')
    await userEvent.click(canvas.getByRole('button', { name: 'Send a new link' }))
    await expect(await canvas.findByRole('status')).toHaveTextContent('We have sent you a new link.')
  },
}

/** Before the page's script runs (and after a form that came back with an error it can retry): a form with the token. */
export const FormWithoutScript: Story = {
  args: { error: pageError('backend_unavailable') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('alert')).toHaveTextContent('The sign-in service cannot be reached right now.')
    const form = canvasElement.querySelector('form')
    await expect(form).toHaveAttribute('action', accountFlowUrl(DEFAULT_BASE_PATH, 'verifyEmail'))
    await expect(form?.querySelector('input[name="token"]')).toHaveValue('verify-token')
    await expect(canvas.getByRole('button', { name: 'Confirm my email' })).toBeEnabled()
  },
}

export const FlowDisabled: Story = {
  beforeEach: mockScenario('flowsDisabled'),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByRole('alert')).toHaveTextContent('This is not available on this site.'))
  },
}

/** `?outcome=verification_sent`: a new link was asked for without script. */
export const ResentFromTheUrl: Story = {
  args: { outcome: 'verification_sent' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('We have sent you a new link.')
  },
}

export const German: Story = {
  args: { messages: germanMessages.verifyEmail, resendMessages: germanMessages.resendVerification },
  beforeEach: mockScenario('invalidLink'),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('button', { name: 'Neuen Link senden' })).toBeVisible()
  },
}
