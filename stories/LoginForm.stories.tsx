import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { delay, http } from 'msw'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { LoginForm } from '../src/ui'
import { fillLoginForm } from './support/fillLoginForm'
import { mockScenario } from './support/mockScenario'
import { withAuthProvider } from './support/withAuthProvider'
import { withoutGatehouseStylesheet } from './support/withoutGatehouseStylesheet'

const meta = {
  title: 'Components/LoginForm',
  component: LoginForm,
  args: { onSuccess: fn(), redirectTo: '/dashboard' },
  decorators: [withAuthProvider],
  beforeEach: mockScenario('signedOut'),
} satisfies Meta<typeof LoginForm>

export default meta
type Story = StoryObj<typeof meta>

export const Playground: Story = {
  args: { identifier: 'email', labels: { email: 'Email', password: 'Password', submit: 'Sign in' } },
}

export const SignsIn: Story = {
  play: async ({ args, canvasElement }) => {
    await fillLoginForm(canvasElement, 'demo@example.com', 'demo-password')
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce())
  },
}

const loginRequests = fn()

export const PendingWithoutDoubleSubmit: Story = {
  beforeEach({ msw }) {
    loginRequests.mockClear()
    msw.use(http.post('/api/auth/login', async () => {
      loginRequests()
      await delay('infinite')
    }))
  },
  play: async ({ canvasElement }) => {
    const canvas = await fillLoginForm(canvasElement, 'demo@example.com', 'demo-password')
    const button = await canvas.findByRole('button', { name: 'Signing in…' })
    await expect(button).toBeDisabled()
    await userEvent.click(button)
    await userEvent.keyboard('{Enter}')
    await expect(canvasElement.querySelector('form')).toHaveAttribute('aria-busy', 'true')
    await expect(loginRequests).toHaveBeenCalledOnce()
  },
}

export const WrongPassword: Story = {
  beforeEach: mockScenario('wrongPassword'),
  play: async ({ args, canvasElement }) => {
    const canvas = await fillLoginForm(canvasElement, 'demo@example.com', 'wrong-password')
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('These credentials do not match our records.'))
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

export const ValidationErrors: Story = {
  beforeEach: mockScenario('validationErrors'),
  play: async ({ canvasElement }) => {
    const canvas = await fillLoginForm(canvasElement, 'not-an-email', 'short')
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
    const canvas = await fillLoginForm(canvasElement, 'demo@example.com', 'demo-password')
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('The sign-in service cannot be reached right now.'))
  },
}

export const ErrorFromTheUrl: Story = {
  args: { errorCode: 'invalid_credentials' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('The email or password is incorrect.')
  },
}

export const WithUsername: Story = {
  args: { identifier: 'username' },
  play: async ({ args, canvasElement }) => {
    const username = within(canvasElement).getByLabelText('Username')
    await expect(username).toHaveAttribute('type', 'text')
    await expect(username).toHaveAttribute('name', 'username')
    await expect(username).toHaveAttribute('autocomplete', 'username')
    await fillLoginForm(canvasElement, 'demo', 'demo-password', { label: 'Username' })
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce())
  },
}

export const CustomTexts: Story = {
  args: { labels: { email: 'Work email', password: 'Password', submit: 'Log in', pending: 'Logging in…' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByLabelText('Work email')).toHaveAttribute('autocomplete', 'username')
    await expect(canvas.getByRole('button', { name: 'Log in' })).toBeEnabled()
  },
}

/** The same form with gatehouse.css switched off: the browser's own form styling. */
export const WithoutStylesheet: Story = {
  parameters: { themes: ['light'] },
  beforeEach: withoutGatehouseStylesheet,
  play: async ({ args, canvasElement }) => {
    await fillLoginForm(canvasElement, 'demo@example.com', 'demo-password')
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce())
  },
}
