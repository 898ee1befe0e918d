import { randomBytes } from 'node:crypto'

/**
 * A fresh `AUTH_SECRET`: 32 random bytes, base64url (43 characters), as strong as the key it
 * seals with.
 *
 * @example
 * newSecret() // 'l0aN3…' (43 characters)
 */
export const newSecret = () => randomBytes(32).toString('base64url')
