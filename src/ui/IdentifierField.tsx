import type { ComponentProps } from 'react'
import { TextField } from './TextField'

/**
 * The email or username field of the sign-in and account forms: the right input type, no
 * capitals or spelling fixes, required.
 *
 * @example
 * <IdentifierField identifier="email" label="Email" autoComplete="email" {...form.field('email')} />
 */
export function IdentifierField({ identifier, ...props }: ComponentProps<typeof TextField> & { identifier: 'email' | 'username' }) {
  return <TextField type={identifier === 'email' ? 'email' : 'text'} autoCapitalize="none" spellCheck={false} required {...props} />
}
