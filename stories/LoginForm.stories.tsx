import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { http, HttpResponse } from 'msw'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { AuthProvider } from '../src/react'
import { LoginForm } from '../src/ui'

const user = { id: '1', name: 'Demo User', email: 'demo@example.com', roles: ['user'] }

/** The login route as gatehouse answers it: the demo account signs in, anything else is refused. */
const loginRoute = http.post('/api/auth/login', async ({ request }) => {
  const { email, password } = (await request.json()) as { email: string; password: string }
  if (!email.includes('@')) {
    return HttpResponse.json({ error: { code: 'validation_failed', message: 'The given data was invalid.', fields: { email: ['The email field must be a valid email address.'] } } }, { status: 422 })
  }
  if (email !== user.email || password !== 'demo-password') {
    return HttpResponse.json({ error: { code: 'invalid_credentials', message: 'These credentials do not match our records.' } }, { status: 401 })
  }
  return HttpResponse.json({ user, expiresAt: new Date(Date.now() + 900_000).toISOString() })
})

async function submit(canvasElement: HTMLElement, email: string, password: string) {
  const canvas = within(canvasElement)
  await userEvent.type(canvas.getByLabelText('Email'), email)
  await userEvent.type(canvas.getByLabelText('Password'), password)
  await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }))
  return canvas
}

const meta = {
  title: 'Components/LoginForm',
  component: LoginForm,
  args: { onSuccess: fn(), redirectTo: '/dashboard' },
  decorators: [
    (Story) => (
      <AuthProvider session={null}>
        <Story />
      </AuthProvider>
    ),
  ],
  beforeEach({ msw }) {
    msw.use(loginRoute)
  },
} satisfies Meta<typeof LoginForm>

export default meta
type Story = StoryObj<typeof meta>

export const Playground: Story = {
  args: { labels: { email: 'Email', password: 'Password', submit: 'Sign in' } },
}

export const SignsIn: Story = {
  play: async ({ args, canvasElement }) => {
    await submit(canvasElement, 'demo@example.com', 'demo-password')
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce())
  },
}

export const WrongPassword: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = await submit(canvasElement, 'demo@example.com', 'wrong-password')
    await expect(await canvas.findByText('These credentials do not match our records.')).toBeInTheDocument()
    await expect(canvas.getByRole('alert')).toHaveTextContent('These credentials do not match our records.')
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await submit(canvasElement, 'not-an-email', 'some-password')
    const email = canvas.getByLabelText('Email')
    await expect(await canvas.findByText('The email field must be a valid email address.')).toBeInTheDocument()
    await expect(email).toHaveAttribute('aria-invalid', 'true')
    await expect(email).toHaveAccessibleDescription('The email field must be a valid email address.')
    await expect(email).toHaveFocus()
  },
}

export const ErrorFromTheUrl: Story = {
  args: { errorCode: 'invalid_credentials' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('The email or password is incorrect.')
  },
}
