import { hashPassword } from './hashPassword'
import { SecondFactor } from './SecondFactor'
import type { DemoAccount, User } from './users'
import { verifyPassword } from './verifyPassword'

/** An account as one backend holds it; `verified` is whether its email has been confirmed. */
export interface Account {
  user: Readonly<User>
  passwordHash: string
  verified: boolean
  secondFactor?: SecondFactor
}

// Checked when the email is unknown, so that it takes as long as a wrong password and the timing does
// not tell which emails have accounts. Same cost as the real hashes; its password was random and thrown away.
const DUMMY_HASH = 'scrypt$16384$8$1$IMqXhv8CBMQbr1vJxpo31w$CeE9TpMo6S7zeR64J6eP3E0MxR5G8YT72QrvsXsRaS4'

/**
 * One backend's accounts, in memory: the built-in ones (copied, so that a changed password or a used
 * recovery code stays with this backend) and those signed up since. Emails are matched case-insensitively.
 *
 * @example
 * const accounts = new AccountStore(demoAccounts)
 * const account = await accounts.findByCredentials('demo@example.com', 'demo-password')
 */
export class AccountStore {
  readonly #byEmail = new Map<string, Account>()
  readonly #byId = new Map<string, Account>()

  constructor(seed: ReadonlyArray<DemoAccount>) {
    for (const { user, passwordHash, secondFactor } of seed) {
      this.#add({
        user,
        passwordHash,
        verified: true,
        ...(secondFactor ? { secondFactor: new SecondFactor(secondFactor.secret, secondFactor.recoveryCodeHashes) } : {}),
      })
    }
  }

  /** The account whose email and password both match; runs exactly one scrypt verification whether or not the email exists. */
  async findByCredentials(email: string, password: string): Promise<Account | undefined> {
    const account = this.findByEmail(email)
    const matches = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH)
    return account !== undefined && matches ? account : undefined
  }

  /** The account with this email, in any case. */
  findByEmail(email: string): Account | undefined {
    return this.#byEmail.get(email.toLowerCase())
  }

  /** The account with this id, e.g. the `sub` of an access token. */
  findById(id: string): Account | undefined {
    return this.#byId.get(id)
  }

  /** Adds an unconfirmed account with role `user` and the next free id; the caller has made sure that the email is free. */
  create(details: { name: string; email: string; passwordHash: string }): Account {
    // Accounts are never removed and the built-in ids are 1…n, so the next number is always free.
    const user = Object.freeze({
      id: String(this.#byId.size + 1),
      name: details.name,
      email: details.email.toLowerCase(),
      role: 'user' as const,
    })
    return this.#add({ user, passwordHash: details.passwordHash, verified: false })
  }

  /** Replaces the account's password with a new scrypt hash of `password`. */
  async setPassword(account: Account, password: string): Promise<void> {
    account.passwordHash = await hashPassword(password)
  }

  #add(account: Account): Account {
    this.#byEmail.set(account.user.email, account)
    this.#byId.set(account.user.id, account)
    return account
  }
}
