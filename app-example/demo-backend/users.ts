import { verifyPassword } from './verifyPassword'

/** A user as the backend returns it. */
export interface User {
  id: string
  name: string
  email: string
  role: 'user' | 'admin'
}

// Only scrypt hashes live here, never the passwords; `hashPassword` makes new ones.
const accounts: ReadonlyArray<{ user: Readonly<User>; passwordHash: string }> = [
  {
    user: Object.freeze({ id: '1', name: 'Demo User', email: 'demo@example.com', role: 'user' }),
    // The documented demo password: demo-password
    passwordHash: 'scrypt$16384$8$1$fqn_AT6f9e8kg16wxXAY-A$wyHhGIx3viVMsboRwffvd-g2-VlDS33NJGm0StmKcqo',
  },
  {
    user: Object.freeze({ id: '2', name: 'Admin User', email: 'admin@example.com', role: 'admin' }),
    // The documented demo password: admin-password
    passwordHash: 'scrypt$16384$8$1$YWbYKY9TYfQOLjR5AmF6og$lyi4I0ob7bHFlW4NcaTZs-vbBs82zyctanxIU2-W7Js',
  },
]

// Checked when the email is unknown, so that it takes as long as a wrong password and the timing does
// not tell which emails have accounts. Same cost as the real hashes; its password was random and thrown away.
const DUMMY_HASH = 'scrypt$16384$8$1$IMqXhv8CBMQbr1vJxpo31w$CeE9TpMo6S7zeR64J6eP3E0MxR5G8YT72QrvsXsRaS4'

/**
 * Finds the user whose email (case-insensitive) and password both match; runs exactly one scrypt
 * verification whether or not the email exists.
 *
 * @example
 * const user = await findUserByCredentials(body.email, body.password)
 */
export async function findUserByCredentials(email: string, password: string): Promise<Readonly<User> | undefined> {
  const wanted = email.toLowerCase()
  const account = accounts.find((candidate) => candidate.user.email === wanted)
  const matches = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH)
  return account !== undefined && matches ? account.user : undefined
}

/**
 * Finds a user by id, e.g. the `sub` of an access token.
 *
 * @example
 * const user = findUserById(claims.userId)
 */
export function findUserById(id: string): Readonly<User> | undefined {
  return accounts.find((account) => account.user.id === id)?.user
}
