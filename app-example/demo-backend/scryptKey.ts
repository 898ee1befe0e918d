import { scrypt } from 'node:crypto'

/** scrypt's cost parameters: `N` (CPU/memory cost, a power of two), block size `r` and parallelism `p`. */
export interface ScryptCost {
  N: number
  r: number
  p: number
}

/**
 * Derives `keyLength` bytes from `password` and `salt` with scrypt on libuv's thread pool, so a
 * sign-in never blocks the event loop for the tens of milliseconds a derivation takes.
 *
 * @example
 * const key = await scryptKey('demo-password', randomBytes(16), 32, { N: 2 ** 14, r: 8, p: 1 })
 */
export function scryptKey(password: string, salt: Buffer, keyLength: number, cost: ScryptCost): Promise<Buffer> {
  // scrypt needs about 128·N·r bytes; Node refuses anything past `maxmem` (32 MiB by default), which a
  // stronger stored cost such as N = 2^15 would already reach.
  const maxmem = 256 * cost.N * cost.r
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, { ...cost, maxmem }, (error, key) => (error ? reject(error) : resolve(key)))
  })
}
