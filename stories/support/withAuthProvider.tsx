import type { Decorator } from '@storybook/nextjs-vite'
import { AuthProvider } from '../../src/react'

/**
 * Runs a fresh auth machine for each story. It gets no session from a server, so it asks the
 * (mocked) session route, as a page does when it was not server-rendered.
 */
export const withAuthProvider: Decorator = (Story) => <AuthProvider>{Story()}</AuthProvider>
