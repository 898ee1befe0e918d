import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { Authenticator } from '../src/ui'
import { fillSignInForm } from './support/fillSignInForm'
import { germanMessages } from './support/germanMessages'
import { mockScenario } from './support/mockScenario'
import { withAuthProvider } from './support/withAuthProvider'

const meta = {
  title: 'Components/Authenticator',
  component: Authenticator,
  args: { onSuccess: fn(), redirectTo: '/dashboard' },
  decorators: [withAuthProvider],
  beforeEach: mockScenario('signedOut'),
} satisfies Meta<typeof Authenticator>

export default meta
type Story = StoryObj<typeof meta>

export const Playground: Story = {
  args: { initialView: 'signIn', identifier: 'email', flows: { signUp: true, forgotPassword: true } },
}

export const SignsIn: Story = {
  play: async ({ args, canvasElement }) => {
    await expect(within(canvasElement).getByRole('heading', { name: 'Sign in' })).toBeVisible()
    await fillSignInForm(canvasElement, 'demo@example.com', 'demo-password')
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce())
  },
}

/** "Create an account" switches to sign-up in place, with the focus on its heading; signing up asks to check the email. */
export const SignsUp: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Create an account' }))
    await expect(canvas.getByRole('heading', { name: 'Create an account' })).toHaveFocus()
    await userEvent.type(canvas.getByLabelText('Email'), 'ada@example.com')
    await userEvent.type(canvas.getByLabelText('Password'), 'a-long-password')
    await userEvent.click(canvas.getByRole('button', { name: 'Sign up' }))
    await expect(await canvas.findByRole('status')).toHaveTextContent('Check your email')
    await expect(canvas.getByRole('button', { name: 'Back to sign in' })).toBeVisible()
  },
}

export const ForgotPassword: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Forgot your password?' }))
    await userEvent.type(canvas.getByLabelText('Email'), 'ada@example.com')
    await userEvent.click(canvas.getByRole('button', { name: 'Send the link' }))
    await expect(await canvas.findByRole('status')).toHaveTextContent('If an account exists')
    await userEvent.click(canvas.getByRole('button', { name: 'Back to sign in' }))
    await expect(canvas.getByRole('heading', { name: 'Sign in' })).toHaveFocus()
  },
}

/** The account asks for a code: the second step, under its own heading, without the other links. */
export const SecondFactor: Story = {
  beforeEach: mockScenario('secondFactor'),
  play: async ({ args, canvasElement }) => {
    const canvas = await fillSignInForm(canvasElement, 'demo@example.com', 'demo-password')
    await expect(await canvas.findByRole('heading', { name: 'Two-step verification' })).toBeVisible()
    await expect(canvas.queryByRole('button', { name: 'Create an account' })).toBeNull()
    await userEvent.type(canvas.getByLabelText('Authentication code'), '123456')
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce())
  },
}

/** With children, signing in shows them in its place. */
export const ChildrenOnceSignedIn: Story = {
  args: { onSuccess: undefined, children: <p>Welcome back.</p> },
  play: async ({ canvasElement }) => {
    await fillSignInForm(canvasElement, 'demo@example.com', 'demo-password')
    await expect(await within(canvasElement).findByText('Welcome back.')).toBeVisible()
  },
}

export const StartsWithSignUp: Story = {
  args: { initialView: 'signUp' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('heading', { name: 'Create an account' })).not.toHaveFocus()
  },
}

/** A site without sign-up or password reset: no links to them. */
export const OnlySignIn: Story = {
  args: { flows: { signUp: false, forgotPassword: false }, initialView: 'signUp' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('heading', { name: 'Sign in' })).toBeVisible()
    await expect(canvas.queryByRole('button', { name: 'Create an account' })).toBeNull()
    await expect(canvas.queryByRole('button', { name: 'Forgot your password?' })).toBeNull()
  },
}

export const German: Story = {
  args: { messages: germanMessages },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Konto erstellen' }))
    await expect(canvas.getByRole('button', { name: 'Registrieren' })).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Zurück zur Anmeldung' }))
    await expect(canvas.getByRole('button', { name: 'Anmelden' })).toBeVisible()
  },
}
