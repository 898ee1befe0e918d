import { randomBytes } from 'node:crypto'
import { type ScryptCost, scryptKey } from './scryptKey'

/**
 * The cost of new hashes: Node's own default, about 40 ms and 16 MiB per derivation on the 2-core
 * machine the tests run on. A production backend would aim higher (OWASP suggests N = 2^17); each
 * hash records its own cost, so raising it here leaves existing hashes verifiable.
 */
const COST: ScryptCost = { N: 2 ** 14, r: 8, p: 1 }
const SALT_BYTES = 16
const KEY_BYTES = 32

/**
 * Hashes `password` with scrypt and a fresh random salt into a self-describing
 * `scrypt$N$r$p$salt$key` string (salt and key in base64url), the form `verifyPassword` reads.
 *
 * @example
 * // Print the hash to paste into users.ts for a new demo account:
 * // npx tsx -e "import('./app-example/demo-backend/hashPassword.ts').then(async (m) => console.log(await m.hashPassword('new-password')))"
 * const stored = await hashPassword('new-password') // 'scrypt$16384$8$1$…$…'
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await scryptKey(password, salt, KEY_BYTES, COST)
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}
