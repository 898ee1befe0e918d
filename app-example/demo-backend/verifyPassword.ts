import { timingSafeEqual } from 'node:crypto'
import { scryptKey } from './scryptKey'

const STORED_SHAPE = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/

/**
 * Whether `password` matches `stored`, a `scrypt$N$r$p$salt$key` string from `hashPassword`. The key
 * is compared in constant time, so how long a refusal takes says nothing about how close the guess was.
 * @throws Error when `stored` is not such a string: a broken hash in the source, not a wrong password.
 *
 * @example
 * if (await verifyPassword(password, account.passwordHash)) signIn(account.user)
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = STORED_SHAPE.exec(stored)
  if (match === null) throw new Error('verifyPassword: the stored hash is not of the form scrypt$N$r$p$salt$key.')
  const [, N, r, p, salt, key] = match as unknown as [string, string, string, string, string, string]
  const expected = Buffer.from(key, 'base64url')
  const actual = await scryptKey(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(N), r: Number(r), p: Number(p) })
  return timingSafeEqual(actual, expected)
}
