import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { accountFlowUrl, DEFAULT_BASE_PATH } from '../src/contract/authRoutes'
import { SignUpForm } from '../src/ui'
import { germanMessages } from './support/germanMessages'
import { mockScenario } from './support/mockScenario'
import { heldRequests, pendingRoute } from './support/pendingRoute'
import { expectCountdown } from './support/rateLimitCountdown'
import { withAuthProvider } from './support/withAuthProvider'
import { pageError } from './support/pageError'

const fillSignUpForm = async (
  canvasElement: HTMLElement,
  { name = 'Ada Lovelace', email = 'ada@example.com', password = 'a-long-password' } = {},
) => {
  const canvas = within(canvasElement)
  await userEvent.type(await canvas.findByLabelText('Name'), name)
  await userEvent.type(canvas.getByLabelText('Email'), email)
  await userEvent.type(canvas.getByLabelText('Password'), password)
  await userEvent.click(canvas.getByRole('button', { name: 'Sign up' }))
  return canvas
}

const meta = {
  title: 'Components/SignUpForm',
  component: SignUpForm,
  args: { onSuccess: fn(), redirectTo: '/welcome' },
  decorators: [withAuthProvider],
  beforeEach: mockScenario('signedOut'),
} satisfies Meta<typeof SignUpForm>

export default meta
type Story = StoryObj<typeof meta>

export const Playground: Story = {
  args: { identifier: 'email', askName: true, extraFields: [], messages: { signUp: 'Sign up' } },
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByLabelText('Name')).toHaveAttribute('autocomplete', 'name')
    await expect(canvas.getByLabelText('Email')).toHaveAttribute('autocomplete', 'email')
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('autocomplete', 'new-password')
    const form = canvasElement.querySelector('form')
    await expect(form).toHaveAttribute('action', accountFlowUrl(DEFAULT_BASE_PATH, 'signUp'))
    await expect(form?.querySelector('input[name="next"]')).toHaveValue('/welcome')
  },
}

/** The backend must confirm the address first: a status replaces the form. */
export const VerificationSent: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = await fillSignUpForm(canvasElement)
    await expect(await canvas.findByRole('status')).toHaveTextContent('Check your email')
    await expect(canvasElement.querySelector('form')).toBeNull()
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

export const SignsInAtOnce: Story = {
  beforeEach: mockScenario('signUpSignsIn'),
  play: async ({ args, canvasElement }) => {
    await fillSignUpForm(canvasElement)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce())
  },
}

export const PendingWithoutDoubleSubmit: Story = {
  beforeEach: pendingRoute('signUp'),
  play: async ({ canvasElement }) => {
    const canvas = await fillSignUpForm(canvasElement)
    const button = await canvas.findByRole('button', { name: 'Signing up…' })
    await expect(button).toBeDisabled()
    await userEvent.keyboard('{Enter}')
    await expect(canvasElement.querySelector('form')).toHaveAttribute('aria-busy', 'true')
    await expect(heldRequests).toHaveBeenCalledOnce()
  },
}

export const ValidationErrors: Story = {
  beforeEach: mockScenario('signUpInvalid'),
  play: async ({ canvasElement }) => {
    const canvas = await fillSignUpForm(canvasElement, { password: 'short' })
    const email = canvas.getByLabelText('Email')
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'))
    await expect(email).toHaveAccessibleDescription('The email has already been taken.')
    await expect(canvas.getByLabelText('Password')).toHaveAccessibleDescription('The password must be at least 8 characters.')
    await expect(email).toHaveFocus()
    await expect(canvasElement.querySelector('[role="alert"]')).toBeEmptyDOMElement()
  },
}

export const RateLimited: Story = {
  beforeEach: mockScenario('rateLimited'),
  play: async ({ canvasElement }) => {
    await fillSignUpForm(canvasElement)
    await expectCountdown(canvasElement, 'Sign up')
  },
}

export const FlowDisabled: Story = {
  beforeEach: mockScenario('flowsDisabled'),
  play: async ({ canvasElement }) => {
    const canvas = await fillSignUpForm(canvasElement)
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('This is not available on this site.'))
  },
}

/** A username instead of an email, no name, and two fields of the app's own, sent under `fields`. */
export const WithUsernameAndExtraFields: Story = {
  args: {
    identifier: 'username',
    askName: false,
    extraFields: [
      { name: 'company', label: 'Company', autoComplete: 'organization' },
      { name: 'phone', label: 'Phone', type: 'tel', autoComplete: 'tel' },
    ],
  },
  beforeEach: mockScenario('signUpSignsIn'),
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.queryByLabelText('Name')).toBeNull()
    await expect(canvas.getByLabelText('Phone')).toHaveAttribute('type', 'tel')
    await userEvent.type(canvas.getByLabelText('Username'), 'ada')
    await userEvent.type(canvas.getByLabelText('Password'), 'a-long-password')
    await userEvent.type(canvas.getByLabelText('Company'), 'Analytical Engines')
    await userEvent.click(canvas.getByRole('button', { name: 'Sign up' }))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce())
  },
}

/** A form sent before the page's script ran comes back with `?outcome=verification_sent`. */
export const OutcomeFromTheUrl: Story = {
  args: { outcome: 'verification_sent' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Check your email')
  },
}

/** …or with `?error=`: the catalogue's sentence for the code. */
export const ErrorFromTheUrl: Story = {
  args: { error: pageError('flow_disabled') },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('This is not available on this site.')
  },
}

/** `?error=rate_limited&retryAfter=30`: the count starts at once. */
export const RateLimitedFromTheUrl: Story = {
  args: { error: pageError('rate_limited', 30) },
  play: async ({ canvasElement }) => {
    await expectCountdown(canvasElement, 'Sign up')
  },
}

/** `className`, `ref` and other form attributes reach the `<form>`; the caller's `onSubmit` can cancel. */
export const ForwardsPropsAndCancels: Story = {
  args: {
    className: 'wide',
    ref: fn(),
    'aria-label': 'Create your account',
    onSubmit: fn((event: { preventDefault(): void }) => event.preventDefault()),
  },
  beforeEach: pendingRoute('signUp'),
  play: async ({ args, canvasElement }) => {
    const form = within(canvasElement).getByRole('form', { name: 'Create your account' })
    await expect(form).toHaveClass('gatehouse-sign-up-form', 'wide')
    await expect(args.ref).toHaveBeenCalledWith(form)
    await fillSignUpForm(canvasElement)
    await expect(args.onSubmit).toHaveBeenCalledOnce()
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(heldRequests).not.toHaveBeenCalled()
  },
}

export const German: Story = {
  args: { messages: germanMessages.signUp },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(canvas.getByLabelText('E-Mail'), 'ada@example.com')
    await userEvent.type(canvas.getByLabelText('Passwort'), 'a-long-password')
    await userEvent.click(canvas.getByRole('button', { name: 'Registrieren' }))
    await expect(await canvas.findByRole('status')).toHaveTextContent('Bitte prüfen Sie Ihr Postfach')
  },
}
