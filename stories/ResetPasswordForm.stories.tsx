import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { accountFlowUrl, DEFAULT_BASE_PATH } from '../src/contract/authRoutes'
import { ResetPasswordForm } from '../src/ui'
import { germanMessages } from './support/germanMessages'
import { mockScenario } from './support/mockScenario'
import { heldRequests, pendingRoute } from './support/pendingRoute'
import { expectCountdown } from './support/rateLimitCountdown'
import { withAuthProvider } from './support/withAuthProvider'
import { pageError } from './support/pageError'

const choosePassword = async (canvasElement: HTMLElement, { label = 'New password', button = 'Change the password' } = {}) => {
  const canvas = within(canvasElement)
  await userEvent.type(await canvas.findByLabelText(label), 'a-new-long-password')
  await userEvent.click(canvas.getByRole('button', { name: button }))
  return canvas
}

const meta = {
  title: 'Components/ResetPasswordForm',
  component: ResetPasswordForm,
  args: { token: 'reset-token', onSuccess: fn(), redirectTo: '/dashboard', signInHref: '/sign-in', forgotPasswordHref: '/forgot-password' },
  decorators: [withAuthProvider],
  beforeEach: mockScenario('signedOut'),
} satisfies Meta<typeof ResetPasswordForm>

export default meta
type Story = StoryObj<typeof meta>

export const Playground: Story = {
  args: { messages: { changePassword: 'Change the password' } },
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText('New password')).toHaveAttribute('autocomplete', 'new-password')
    const form = canvasElement.querySelector('form')
    await expect(form).toHaveAttribute('action', accountFlowUrl(DEFAULT_BASE_PATH, 'resetPassword'))
    await expect(form?.querySelector('input[name="token"]')).toHaveValue('reset-token')
  },
}

/** Changed, and nobody signed in: a status with a link to sign in. */
export const PasswordReset: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = await choosePassword(canvasElement)
    await expect(await canvas.findByRole('status')).toHaveTextContent('Your password has been changed.')
    await expect(canvas.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in')
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

export const Pending: Story = {
  beforeEach: pendingRoute('resetPassword'),
  play: async ({ canvasElement }) => {
    const canvas = await choosePassword(canvasElement)
    await expect(await canvas.findByRole('button', { name: 'Changing…' })).toBeDisabled()
    await expect(heldRequests).toHaveBeenCalledOnce()
  },
}

/** A used or expired link: the error, and a link to ask for a new one. */
export const InvalidLink: Story = {
  beforeEach: mockScenario('invalidLink'),
  play: async ({ canvasElement }) => {
    const canvas = await choosePassword(canvasElement)
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('This link is invalid or has expired.'))
    await expect(canvas.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password')
  },
}

export const RateLimited: Story = {
  beforeEach: mockScenario('rateLimited'),
  play: async ({ canvasElement }) => {
    await choosePassword(canvasElement)
    await expectCountdown(canvasElement, 'Change the password')
  },
}

/** A form sent before the page's script ran comes back with `?error=invalid_token`. */
export const ErrorFromTheUrl: Story = {
  args: { error: pageError('invalid_token') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('alert')).toHaveTextContent('This link is invalid or has expired.')
    await expect(canvas.getByRole('link', { name: 'Ask for a new link' })).toBeVisible()
  },
}

/** …or with `?outcome=password_reset`. */
export const OutcomeFromTheUrl: Story = {
  args: { outcome: 'password_reset' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Your password has been changed.')
  },
}

export const German: Story = {
  args: { messages: germanMessages.resetPassword },
  beforeEach: mockScenario('invalidLink'),
  play: async ({ canvasElement }) => {
    const canvas = await choosePassword(canvasElement, { label: 'Neues Passwort', button: 'Passwort ändern' })
    await expect(await canvas.findByRole('link', { name: 'Neuen Link anfordern' })).toBeVisible()
  },
}
