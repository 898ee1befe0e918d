import { describe, expect, it } from 'vitest'
import { exampleBlocksAsCode } from '../../.storybook/exampleBlocksAsCode'

describe('exampleBlocksAsCode (docs pages)', () => {
  it('fences each @example block as TSX after the prose', () => {
    const description =
      'A form.\n\n@example\n<SignInForm redirectTo="/dashboard" />\n<SignInForm onSuccess={() => go()} />\n@example\n<SignInForm />'
    expect(exampleBlocksAsCode(description)).toBe(
      'A form.\n\n**Example**\n\n```tsx\n<SignInForm redirectTo="/dashboard" />\n<SignInForm onSuccess={() => go()} />\n```\n\n**Example**\n\n```tsx\n<SignInForm />\n```',
    )
  })

  it('leaves a description without examples as it is', () => {
    expect(exampleBlocksAsCode('Renders its children while signed in.')).toBe('Renders its children while signed in.')
    expect(exampleBlocksAsCode('')).toBe('')
  })
})
