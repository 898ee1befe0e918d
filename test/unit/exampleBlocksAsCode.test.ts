import { describe, expect, it } from 'vitest'
import { exampleBlocksAsCode } from '../../.storybook/exampleBlocksAsCode'

describe('exampleBlocksAsCode (docs pages)', () => {
  it('fences each @example block as TSX after the prose', () => {
    const description =
      'A form.\n\n@example\n<LoginForm redirectTo="/dashboard" />\n<LoginForm onSuccess={() => go()} />\n@example\n<LoginForm />'
    expect(exampleBlocksAsCode(description)).toBe(
      'A form.\n\n**Example**\n\n```tsx\n<LoginForm redirectTo="/dashboard" />\n<LoginForm onSuccess={() => go()} />\n```\n\n**Example**\n\n```tsx\n<LoginForm />\n```',
    )
  })

  it('leaves a description without examples as it is', () => {
    expect(exampleBlocksAsCode('Renders its children while signed in.')).toBe('Renders its children while signed in.')
    expect(exampleBlocksAsCode('')).toBe('')
  })
})
