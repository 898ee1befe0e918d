import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { delay, http } from 'msw'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { authRouteUrl, DEFAULT_BASE_PATH } from '../src/contract/authRoutes'
import { SignOutButton } from '../src/ui'
import { mockScenario } from './support/mockScenario'
import { withAuthProvider } from './support/withAuthProvider'
import { withSessionMarker } from './support/withSessionMarker'

// What did not happen cannot be waited for: give a sign-out that should not start the time one would take.
const aMoment = () => new Promise((resolve) => setTimeout(resolve, 300))

const meta = {
  title: 'Components/SignOutButton',
  component: SignOutButton,
  args: { onSignedOut: fn() },
  decorators: [withAuthProvider],
  beforeEach: mockScenario('signedInAsUser'),
} satisfies Meta<typeof SignOutButton>

export default meta
type Story = StoryObj<typeof meta>

const signOutButton = (canvasElement: HTMLElement) => within(canvasElement).getByRole('button', { name: 'Sign out' })

export const Playground: Story = {
  args: { messages: { signOut: 'Sign out', signingOut: 'Signing out…' } },
}

export const SignedIn: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(signOutButton(canvasElement)).toBeEnabled())
  },
}

export const SignsOut: Story = {
  play: async ({ args, canvasElement }) => {
    const button = signOutButton(canvasElement)
    await waitFor(() => expect(button).toBeEnabled())
    await userEvent.click(button)
    await waitFor(() => expect(args.onSignedOut).toHaveBeenCalledOnce())
    await expect(button).toBeDisabled()
  },
}

export const SigningOut: Story = {
  beforeEach({ msw }) {
    msw.use(http.post(authRouteUrl(DEFAULT_BASE_PATH, 'signOut'), () => delay('infinite')))
  },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(signOutButton(canvasElement)).toBeEnabled())
    await userEvent.click(signOutButton(canvasElement))
    await expect(await canvas.findByRole('button', { name: 'Signing out…' })).toBeDisabled()
    await expect(args.onSignedOut).not.toHaveBeenCalled()
  },
}

export const SignedOut: Story = {
  beforeEach: mockScenario('signedOut'),
  play: async ({ canvasElement }) => {
    await expect(signOutButton(canvasElement)).toBeDisabled()
  },
}

/** The caller's `onClick` runs first, then the sign-out. */
export const ComposedClickHandler: Story = {
  args: { onClick: fn() },
  play: async ({ args, canvasElement }) => {
    const button = signOutButton(canvasElement)
    await waitFor(() => expect(button).toBeEnabled())
    await userEvent.click(button)
    await expect(args.onClick).toHaveBeenCalledOnce()
    await waitFor(() => expect(args.onSignedOut).toHaveBeenCalledOnce())
  },
}

/** `event.preventDefault()` in the caller's `onClick` (an unsaved form, say) keeps the person signed in. */
export const ClickHandlerKeepsSignedIn: Story = {
  args: { onClick: fn((event: { preventDefault(): void }) => event.preventDefault()) },
  decorators: [withSessionMarker],
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement)
    const button = signOutButton(canvasElement)
    await waitFor(() => expect(button).toBeEnabled())
    await userEvent.click(button)
    await expect(args.onClick).toHaveBeenCalledOnce()
    await aMoment()
    await expect(args.onSignedOut).not.toHaveBeenCalled()
    await expect(button).toBeEnabled()
    await expect(canvas.getByText('(signed in)')).toBeVisible()
  },
}

/** `className`, `ref` and other button attributes reach the `<button>`; the caller's class comes after gatehouse's. */
export const ForwardsClassNameAndRef: Story = {
  args: { className: 'toolbar-action', ref: fn(), title: 'Ends the session on every tab' },
  play: async ({ args, canvasElement }) => {
    const button = signOutButton(canvasElement)
    await expect(button).toHaveClass('gatehouse-button', 'toolbar-action')
    await expect(button).toHaveAttribute('title', 'Ends the session on every tab')
    await expect(args.ref).toHaveBeenCalledWith(button)
    await waitFor(() => expect(button).toBeEnabled())
  },
}
