/** A user as the backend returns it. */
export interface User {
  id: string
  name: string
  email: string
  role: 'user' | 'admin'
}

/** A built-in account: its user, an scrypt password hash and, for some, a second factor. */
export interface DemoAccount {
  user: Readonly<User>
  passwordHash: string
  /** A TOTP secret (base32) and the SHA-256 digests (base64url) of the account's single-use recovery codes. */
  secondFactor?: { secret: string; recoveryCodeHashes: readonly string[] }
}

/**
 * The accounts every demo backend starts with, all with confirmed emails. Only hashes live here,
 * never the passwords or recovery codes: `hashPassword` makes new password hashes, and a recovery
 * code's is `node -e "console.log(require('crypto').createHash('sha256').update(process.argv[1]).digest('base64url'))" <code>`.
 *
 * @example
 * const accounts = new AccountStore(demoAccounts)
 */
export const demoAccounts: ReadonlyArray<DemoAccount> = [
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
  {
    user: Object.freeze({ id: '3', name: 'Totp User', email: 'totp@example.com', role: 'user' }),
    // The documented demo password: totp-password
    passwordHash: 'scrypt$16384$8$1$LTyVf8dL2Wt01UOnNWP8NQ$9Oyh8FUVioMu8lkm0SNGyO6dxOSsAGeFnYBiVdKIJUI',
    secondFactor: {
      // The documented TOTP secret, for any authenticator app (or `totpCode` from totp.ts).
      secret: 'JBSWY3DPEHPK3PXP',
      // The documented recovery codes: recovery-code-one, recovery-code-two
      recoveryCodeHashes: ['FQdiwuKbofGRScCSB3rRj5B9tAXLYIjWyFKT4OIXNMs', 'Gk-VxEghRLwqPrDO7wfTMsiirHKriVzTak0Hu__8xW0'],
    },
  },
]
