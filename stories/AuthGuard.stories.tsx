import { DEFAULT_SIGN_IN_PATH } from '../src/contract/signInUrl'
import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { mockAdmin } from '../src/msw'
import { AuthGuard, SignInForm, SignOutButton } from '../src/ui'
import { fillSignInForm } from './support/fillSignInForm'
import { mockScenario } from './support/mockScenario'
import { withAuthProvider } from './support/withAuthProvider'

const isAdmin = (user: { roles: string[] }) => user.roles.includes('admin')

const meta = {
  title: 'Components/AuthGuard',
  component: AuthGuard,
  args: {
    children: <p>The protected content: only signed-in people see this.</p>,
    onSignedOut: fn(),
  },
  decorators: [withAuthProvider],
  beforeEach: mockScenario('signedInAsUser'),
} satisfies Meta<typeof AuthGuard>

export default meta
type Story = StoryObj<typeof meta>

export const Playground: Story = {
  args: { signInPath: '/sign-in', signedOut: <p>Please sign in to continue.</p> },
}

export const RestoringSession: Story = {
  beforeEach: mockScenario('slowBackend', { slowMs: 'infinite' }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Checking your session…')
  },
}

export const SignedIn: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/only signed-in people see this/)).toBeVisible()
  },
}

/** Signed out with no `signedOut` slot: sent to the default sign-in page, with `?next=` this page. */
export const SignedOutRedirects: Story = {
  beforeEach: mockScenario('signedOut'),
  play: async ({ args, canvasElement }) => {
    await waitFor(() => expect(args.onSignedOut).toHaveBeenCalledWith(expect.stringMatching(`^${DEFAULT_SIGN_IN_PATH}\\?next=%2F`)))
    await expect(within(canvasElement).queryByText(/only signed-in people see this/)).toBeNull()
  },
}

export const SignedOutFallback: Story = {
  args: { signedOut: <p>Please sign in to continue.</p> },
  beforeEach: mockScenario('signedOut'),
  play: async ({ args, canvasElement }) => {
    await expect(await within(canvasElement).findByText('Please sign in to continue.')).toBeVisible()
    await expect(args.onSignedOut).not.toHaveBeenCalled()
  },
}

export const RoleForbidden: Story = {
  args: { allow: isAdmin, forbidden: <h1>Forbidden</h1>, children: <h1>Admin</h1> },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('heading', { name: 'Forbidden' })).toBeVisible()
    await expect(within(canvasElement).queryByRole('heading', { name: 'Admin' })).toBeNull()
  },
}

export const RoleAllowed: Story = {
  args: RoleForbidden.args,
  beforeEach: mockScenario('signedInAsAdmin'),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('heading', { name: 'Admin' })).toBeVisible()
  },
}

export const DefaultForbidden: Story = {
  args: { allow: isAdmin },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('You do not have access to this page.')
  },
}

/** The default slots' texts come from `messages`. */
export const CustomMessages: Story = {
  args: { allow: isAdmin, messages: { forbidden: 'Only administrators see this page.' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('Only administrators see this page.')
  },
}

/** The guard follows the session: signed in, signed out from inside, then signed in again as an admin. */
export const FollowsTheSession: Story = {
  args: {
    allow: isAdmin,
    forbidden: <SignOutButton messages={{ signOut: 'Sign out to switch account' }} />,
    signedOut: <SignInForm redirectTo="/admin" onSuccess={() => {}} />,
    children: <h1>Admin</h1>,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out to switch account' }))
    await fillSignInForm(canvasElement, mockAdmin.email!, 'admin-password')
    await expect(await canvas.findByRole('heading', { name: 'Admin' })).toBeVisible()
  },
}
