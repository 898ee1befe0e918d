import type { Decorator } from '@storybook/nextjs-vite'
import { SignedIn, SignedOut } from '../../src/ui'

/**
 * Adds a line under the story saying "(signed in)" or "(signed out)", for stories whose
 * component renders nothing: the line shows the session has settled, so the emptiness is real.
 */
export const withSessionMarker: Decorator = (Story) => (
  <>
    {Story()}
    <SignedIn>
      <p>(signed in)</p>
    </SignedIn>
    <SignedOut>
      <p>(signed out)</p>
    </SignedOut>
  </>
)
