import type { User } from '../contract/types'

/** The person the signed-in scenarios use: the example app's demo account, role `user`. */
export const mockUser: User = { id: '1', name: 'Demo User', email: 'demo@example.com', roles: ['user'] }

/** The administrator the `signedInAsAdmin` scenario uses, role `admin`. */
export const mockAdmin: User = { id: '2', name: 'Ada Admin', email: 'admin@example.com', roles: ['admin'] }

/** The passwords the mocked login route accepts, the same as the example's demo backend. */
export const mockPasswords: Record<string, string> = {
  [mockUser.email!]: 'demo-password',
  [mockAdmin.email!]: 'admin-password',
}

/** The authenticator app's code and the recovery code the `secondFactor` scenario takes. */
export const mockSecondFactor = { code: '123456', recoveryCode: 'recovery-code-one' }
