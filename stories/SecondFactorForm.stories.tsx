import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { http } from 'msw'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { accountFlowUrl, DEFAULT_BASE_PATH } from '../src/contract/authRoutes'
import { rateLimitedAnswer } from '../src/msw/routeAnswers'
import { SecondFactorForm } from '../src/ui'
import { fillSignInForm } from './support/fillSignInForm'
import { germanMessages } from './support/germanMessages'
import { mockScenario } from './support/mockScenario'
import { expectCountdown } from './support/rateLimitCountdown'
import { withAuthProvider } from './support/withAuthProvider'
import { withSignInFirst } from './support/withSignInFirst'

/** Types a code into the second step and presses its button. */
const enterCode = async (canvasElement: HTMLElement, code: string, { label = 'Authentication code', button = 'Verify' } = {}) => {
  const canvas = within(canvasElement)
  await userEvent.type(await canvas.findByLabelText(label), code)
  await userEvent.click(canvas.getByRole('button', { name: button }))
  return canvas
}

/** The second step follows a sign-in that asked for it: each story signs in first. */
const signInFirst = async (canvasElement: HTMLElement) => {
  await fillSignInForm(canvasElement, 'demo@example.com', 'demo-password')
  await within(canvasElement).findByLabelText(/Authentication code|Bestätigungscode/)
}

const meta = {
  title: 'Components/SecondFactorForm',
  component: SecondFactorForm,
  args: { onSuccess: fn(), onBack: fn(), redirectTo: '/dashboard' },
  decorators: [withSignInFirst, withAuthProvider],
  beforeEach: mockScenario('secondFactor'),
} satisfies Meta<typeof SecondFactorForm>

export default meta
type Story = StoryObj<typeof meta>

export const Playground: Story = {
  args: { allowRecoveryCode: true, messages: { verify: 'Verify' } },
  play: async ({ canvasElement }) => signInFirst(canvasElement),
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await signInFirst(canvasElement)
    const code = within(canvasElement).getByLabelText('Authentication code')
    await expect(code).toHaveAttribute('inputmode', 'numeric')
    await expect(code).toHaveAttribute('autocomplete', 'one-time-code')
    await expect(code).toHaveAttribute('pattern', '[0-9]{6}')
  },
}

export const SignsIn: Story = {
  play: async ({ args, canvasElement }) => {
    await signInFirst(canvasElement)
    await enterCode(canvasElement, '123456')
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce())
  },
}

/** A wrong code is shown at the field, which takes the focus; the person may try again. */
export const InvalidCode: Story = {
  play: async ({ args, canvasElement }) => {
    await signInFirst(canvasElement)
    const canvas = await enterCode(canvasElement, '000000')
    const code = canvas.getByLabelText('Authentication code')
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'))
    await expect(code).toHaveAccessibleDescription('That code is not right. Check it and try again.')
    await expect(code).toHaveFocus()
    await userEvent.clear(code)
    await enterCode(canvasElement, '123456')
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce())
  },
}

export const WithRecoveryCode: Story = {
  play: async ({ args, canvasElement }) => {
    await signInFirst(canvasElement)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Use a recovery code' }))
    await expect(canvas.getByLabelText('Recovery code')).toHaveFocus()
    await enterCode(canvasElement, 'recovery-code-one', { label: 'Recovery code' })
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce())
  },
}

export const WithoutRecoveryCode: Story = {
  args: { allowRecoveryCode: false },
  play: async ({ canvasElement }) => {
    await signInFirst(canvasElement)
    await expect(within(canvasElement).queryByRole('button', { name: 'Use a recovery code' })).toBeNull()
  },
}

/** Too long since the password: `onBack` with the error, and the machine is signed out. */
export const ChallengeExpired: Story = {
  beforeEach: mockScenario('secondFactorExpired'),
  play: async ({ args, canvasElement }) => {
    await signInFirst(canvasElement)
    await enterCode(canvasElement, '123456')
    await waitFor(() => expect(args.onBack).toHaveBeenCalledWith(expect.objectContaining({ code: 'challenge_expired' })))
    await expect(await within(canvasElement).findByLabelText('Password')).toBeVisible()
  },
}

export const Cancel: Story = {
  play: async ({ args, canvasElement }) => {
    await signInFirst(canvasElement)
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Cancel' }))
    await expect(args.onBack).toHaveBeenCalledWith(null)
    await expect(await within(canvasElement).findByLabelText('Password')).toBeVisible()
  },
}

export const RateLimited: Story = {
  beforeEach: ({ msw }) => {
    msw.use(http.post(accountFlowUrl(DEFAULT_BASE_PATH, 'secondFactor'), rateLimitedAnswer))
  },
  play: async ({ canvasElement }) => {
    await signInFirst(canvasElement)
    await enterCode(canvasElement, '123456')
    await expectCountdown(canvasElement, 'Verify')
  },
}

export const German: Story = {
  args: { messages: germanMessages.secondFactor },
  play: async ({ canvasElement }) => {
    await signInFirst(canvasElement)
    const canvas = await enterCode(canvasElement, '000000', { label: 'Bestätigungscode', button: 'Bestätigen' })
    await waitFor(() => expect(canvas.getByLabelText('Bestätigungscode')).toHaveAttribute('aria-invalid', 'true'))
  },
}
