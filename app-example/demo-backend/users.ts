/** A user as the backend returns it. */
export interface User {
  id: string
  name: string
  email: string
  role: 'user' | 'admin'
}

const accounts: ReadonlyArray<{ user: Readonly<User>; password: string }> = [
  {
    user: Object.freeze({ id: '1', name: 'Demo User', email: 'demo@example.com', role: 'user' }),
    password: 'demo-password',
  },
  {
    user: Object.freeze({ id: '2', name: 'Admin User', email: 'admin@example.com', role: 'admin' }),
    password: 'admin-password',
  },
]

/** Finds the user whose email (case-insensitive) and password both match. */
export function findUserByCredentials(email: string, password: string): Readonly<User> | undefined {
  const wanted = email.toLowerCase()
  return accounts.find((account) => account.user.email === wanted && account.password === password)?.user
}

/** Finds a user by id, e.g. the `sub` of an access token. */
export function findUserById(id: string): Readonly<User> | undefined {
  return accounts.find((account) => account.user.id === id)?.user
}
