import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { delay, http } from 'msw'
import type { SetupWorker } from 'msw/browser'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { accountFlowUrl, authRouteUrl, DEFAULT_BASE_PATH } from '../src/contract/authRoutes'
import { SecondFactorForm, SignInForm, type SecondFactorFormMessages } from '../src/ui'
import type { AuthError } from '../src/contract/types'
import { fillSignInForm } from './support/fillSignInForm'
import { germanMessages } from './support/germanMessages'
import { mockScenario } from './support/mockScenario'
import { expectCountdown } from './support/rateLimitCountdown'
import { withAuthProvider } from './support/withAuthProvider'
import { withoutGatehouseStylesheet } from './support/withoutGatehouseStylesheet'
import { pageError } from './support/pageError'

const signInRoute = authRouteUrl(DEFAULT_BASE_PATH, 'signIn')

// Counts the sign-in requests and answers none of them: MSW hands each on to the scenario's handler.
const signInRequests = fn()
const countSignInRequests = ({ msw }: { msw: SetupWorker }) => {
  signInRequests.mockClear()
  msw.use(http.post(signInRoute, () => void signInRequests()))
}

// What did not happen cannot be waited for: give a sign-in that should not start the time one would take.
const aMoment = () => new Promise((resolve) => setTimeout(resolve, 300))

// The second step the page puts in the form's slot, as an app with second factors does.
const signedInByCode = fn()
const secondStep = (messages?: Partial<SecondFactorFormMessages>) => (back: (error: AuthError | null) => void) => {
  signedInByCode.mockClear()
  return <SecondFactorForm redirectTo="/dashboard" onSuccess={signedInByCode} onBack={back} messages={messages} />
}

const meta = {
  title: 'Components/SignInForm',
  component: SignInForm,
  args: { onSuccess: fn(), redirectTo: '/dashboard' },
  decorators: [withAuthProvider],
  beforeEach: mockScenario('signedOut'),
} satisfies Meta<typeof SignInForm>

export default meta
type Story = StoryObj<typeof meta>

export const Playground: Story = {
  args: { identifier: 'email', messages: { email: 'Email', password: 'Password', signIn: 'Sign in' } },
}

export const SignsIn: Story = {
  play: async ({ args, canvasElement }) => {
    await fillSignInForm(canvasElement, 'demo@example.com', 'demo-password')
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce())
  },
}

export const PendingWithoutDoubleSubmit: Story = {
  beforeEach({ msw }) {
    signInRequests.mockClear()
    msw.use(
      http.post(signInRoute, async () => {
        signInRequests()
        await delay('infinite')
      }),
    )
  },
  play: async ({ canvasElement }) => {
    const canvas = await fillSignInForm(canvasElement, 'demo@example.com', 'demo-password')
    const button = await canvas.findByRole('button', { name: 'Signing in…' })
    await expect(button).toBeDisabled()
    await userEvent.click(button)
    await userEvent.keyboard('{Enter}')
    await expect(canvasElement.querySelector('form')).toHaveAttribute('aria-busy', 'true')
    await expect(signInRequests).toHaveBeenCalledOnce()
  },
}

export const WrongPassword: Story = {
  beforeEach: mockScenario('wrongPassword'),
  play: async ({ args, canvasElement }) => {
    const canvas = await fillSignInForm(canvasElement, 'demo@example.com', 'wrong-password')
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('These credentials do not match our records.'))
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

export const ValidationErrors: Story = {
  beforeEach: mockScenario('validationErrors'),
  play: async ({ canvasElement }) => {
    const canvas = await fillSignInForm(canvasElement, 'not-an-email', 'short')
    const email = canvas.getByLabelText('Email')
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'))
    await expect(email).toHaveAccessibleDescription('The email field must be a valid email address.')
    await expect(canvas.getByLabelText('Password')).toHaveAccessibleDescription('The password must be at least 8 characters.')
    await expect(email).toHaveFocus()
  },
}

export const BackendDown: Story = {
  beforeEach: mockScenario('backendDown', { held: null }),
  play: async ({ canvasElement }) => {
    const canvas = await fillSignInForm(canvasElement, 'demo@example.com', 'demo-password')
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('The sign-in service cannot be reached right now.'))
  },
}

/** A form sent before the page's script ran comes back with `?error=`: the catalogue's sentence for the code. */
export const ErrorFromTheUrl: Story = {
  args: { error: pageError('invalid_credentials') },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('The email or password is incorrect.')
    await expect(canvasElement.querySelector('form')).toHaveAttribute('action', signInRoute)
  },
}

export const WithUsername: Story = {
  args: { identifier: 'username' },
  play: async ({ args, canvasElement }) => {
    const username = within(canvasElement).getByLabelText('Username')
    await expect(username).toHaveAttribute('type', 'text')
    await expect(username).toHaveAttribute('name', 'username')
    await expect(username).toHaveAttribute('autocomplete', 'username')
    await fillSignInForm(canvasElement, 'demo', 'demo-password', { identifierLabel: 'Username' })
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce())
  },
}

/** Any text replaced through `messages`; the ones left out keep their defaults. */
export const CustomMessages: Story = {
  args: { messages: { email: 'Work email', signIn: 'Continue', signingIn: 'Checking…' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByLabelText('Work email')).toHaveAttribute('autocomplete', 'username')
    await expect(canvas.getByLabelText('Password')).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Continue' })).toBeEnabled()
  },
}

/** `className`, `ref` and other form attributes reach the `<form>`; the caller's class comes after gatehouse's. */
export const ForwardsClassNameAndRef: Story = {
  args: { className: 'checkout-sign-in', ref: fn(), 'aria-label': 'Sign in to check out' },
  play: async ({ args, canvasElement }) => {
    const form = within(canvasElement).getByRole('form', { name: 'Sign in to check out' })
    await expect(form).toHaveClass('gatehouse-sign-in-form', 'checkout-sign-in')
    await expect(args.ref).toHaveBeenCalledWith(form)
  },
}

/** The caller's `onSubmit` runs first, then the sign-in. */
export const ComposedSubmitHandler: Story = {
  args: { onSubmit: fn() },
  play: async ({ args, canvasElement }) => {
    await fillSignInForm(canvasElement, 'demo@example.com', 'demo-password')
    await expect(args.onSubmit).toHaveBeenCalledOnce()
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce())
  },
}

/** `event.preventDefault()` in the caller's `onSubmit` cancels the sign-in: no request, still signed out. */
export const SubmitHandlerCancels: Story = {
  args: { onSubmit: fn((event: { preventDefault(): void }) => event.preventDefault()) },
  beforeEach: countSignInRequests,
  play: async ({ args, canvasElement }) => {
    const canvas = await fillSignInForm(canvasElement, 'demo@example.com', 'demo-password')
    await expect(args.onSubmit).toHaveBeenCalledOnce()
    await aMoment()
    await expect(signInRequests).not.toHaveBeenCalled()
    await expect(args.onSuccess).not.toHaveBeenCalled()
    await expect(canvas.getByRole('button', { name: 'Sign in' })).toBeEnabled()
  },
}

/** The same form with gatehouse.css switched off: the browser's own form styling. */
export const WithoutStylesheet: Story = {
  parameters: { themes: ['light'] },
  beforeEach: withoutGatehouseStylesheet,
  play: async ({ args, canvasElement }) => {
    await fillSignInForm(canvasElement, 'demo@example.com', 'demo-password')
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce())
  },
}

/** The account asks for a second factor: the form gives way to the second step, and a right code signs in. */
export const SecondFactor: Story = {
  args: { secondFactor: secondStep() },
  beforeEach: mockScenario('secondFactor'),
  play: async ({ canvasElement }) => {
    const canvas = await fillSignInForm(canvasElement, 'demo@example.com', 'demo-password')
    await userEvent.type(await canvas.findByLabelText('Authentication code'), '123456')
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }))
    await waitFor(() => expect(signedInByCode).toHaveBeenCalledOnce())
  },
}

/** Without a `secondFactor` slot, the form says what the account asks for. */
export const SecondFactorWithoutSlot: Story = {
  beforeEach: mockScenario('secondFactor'),
  play: async ({ canvasElement }) => {
    const canvas = await fillSignInForm(canvasElement, 'demo@example.com', 'demo-password')
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('Enter the code from your authenticator app.'))
    await expect(canvas.getByLabelText('Password')).toBeVisible()
  },
}

/** The second step took too long: back to the sign-in form, which says why. */
export const SecondFactorExpired: Story = {
  args: { secondFactor: secondStep() },
  beforeEach: mockScenario('secondFactorExpired'),
  play: async ({ canvasElement }) => {
    const canvas = await fillSignInForm(canvasElement, 'demo@example.com', 'demo-password')
    await userEvent.type(await canvas.findByLabelText('Authentication code'), '123456')
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }))
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('That took too long. Please sign in again.'))
    await expect(canvas.getByLabelText('Password')).toBeVisible()
  },
}

/** `?error=second_factor_required` after a sign-in sent without script: the second step, from the start. */
export const SecondFactorFromTheUrl: Story = {
  args: { error: pageError('second_factor_required'), secondFactor: secondStep() },
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('form')
    await expect(form).toHaveAttribute('action', accountFlowUrl(DEFAULT_BASE_PATH, 'secondFactor'))
    await expect(form?.querySelector('input[name="next"]')).toHaveValue('/dashboard')
    await expect(within(canvasElement).getByLabelText('Authentication code')).toBeVisible()
  },
}

/** Throttled: the wait counted down each second, the button disabled until then. */
export const RateLimited: Story = {
  beforeEach: mockScenario('rateLimited'),
  play: async ({ canvasElement }) => {
    await fillSignInForm(canvasElement, 'demo@example.com', 'demo-password')
    await expectCountdown(canvasElement, 'Sign in')
  },
}

/** `?error=rate_limited&retryAfter=30`: the count starts at once. */
export const RateLimitedFromTheUrl: Story = {
  args: { error: pageError('rate_limited', 30) },
  play: async ({ canvasElement }) => {
    await expectCountdown(canvasElement, 'Sign in')
  },
}

export const German: Story = {
  args: { messages: germanMessages.signIn, secondFactor: secondStep(germanMessages.secondFactor) },
  beforeEach: mockScenario('secondFactor'),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(canvas.getByLabelText('E-Mail'), 'demo@example.com')
    await userEvent.type(canvas.getByLabelText('Passwort'), 'demo-password')
    await userEvent.click(canvas.getByRole('button', { name: 'Anmelden' }))
    await expect(await canvas.findByLabelText('Bestätigungscode')).toBeVisible()
  },
}
