import type { Decorator } from '@storybook/nextjs-vite'
import type { ReactNode } from 'react'
import { useAuth } from '../../src/react'
import { SignInForm } from '../../src/ui'

function SignInFirst({ children }: { children: ReactNode }) {
  const { secondFactorRequired } = useAuth()
  return secondFactorRequired ? children : <SignInForm />
}

/**
 * Shows a sign-in form until the machine waits for a second factor, then the story: the second
 * step only exists after a sign-in that asked for it (and the form comes back once it ends).
 */
export const withSignInFirst: Decorator = (Story) => <SignInFirst>{Story()}</SignInFirst>
