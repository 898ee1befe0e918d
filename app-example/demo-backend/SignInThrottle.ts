/** Outcome of a throttled attempt: its value, a failure that was counted, or a refusal to try at all. */
export type ThrottledAttempt<T> =
  | { outcome: 'succeeded'; value: T }
  | { outcome: 'failed' }
  | { outcome: 'locked'; retryAfterSeconds: number }

interface FailureWindow {
  failures: number
  expiresAt: number
}

/**
 * Counts failed attempts per key (an email) in a fixed window that opens with the first failure;
 * once `maxFailures` are in, every attempt on that key is refused until the window closes, right
 * password or not, so that guessing cannot go on. A success clears the key's count.
 */
export class SignInThrottle {
  readonly #windows = new Map<string, FailureWindow>()
  // Attempts on one key run one after another: checked side by side, a burst of guesses would all
  // pass the check before the first of them failed.
  readonly #queues = new Map<string, Promise<unknown>>()
  readonly #maxFailures: number
  readonly #windowMs: number
  readonly #now: () => number

  constructor(maxFailures: number, windowSeconds: number, now: () => number) {
    this.#maxFailures = maxFailures
    this.#windowMs = windowSeconds * 1000
    this.#now = now
  }

  /**
   * Runs `attempt` for `key` unless the key is locked; `attempt` answers undefined for a failure, and
   * what it throws counts as neither. A success clears the key's count unless `keepsCount(value)`: a
   * right password with a second factor still to come, so that wrong codes add up with wrong passwords.
   */
  run<T>(
    key: string,
    attempt: () => Promise<T | undefined>,
    keepsCount: (value: T) => boolean = () => false,
  ): Promise<ThrottledAttempt<T>> {
    const previous = this.#queues.get(key) ?? Promise.resolve()
    const current = previous.then(() => this.#attempt(key, attempt, keepsCount))
    const settled = current.catch(() => undefined)
    this.#queues.set(key, settled)
    void settled.then(() => {
      if (this.#queues.get(key) === settled) this.#queues.delete(key)
    })
    return current
  }

  /** Forgets every window that has closed; returns how many keys are still counted. */
  purgeExpired(): number {
    const now = this.#now()
    for (const [key, window] of this.#windows) {
      if (now >= window.expiresAt) this.#windows.delete(key)
    }
    return this.#windows.size
  }

  /** How many keys have failures on record, closed windows included until the next purge. */
  get size(): number {
    return this.#windows.size
  }

  async #attempt<T>(key: string, attempt: () => Promise<T | undefined>, keepsCount: (value: T) => boolean): Promise<ThrottledAttempt<T>> {
    const open = this.#openWindow(key)
    if (open !== undefined && open.failures >= this.#maxFailures) {
      return { outcome: 'locked', retryAfterSeconds: Math.max(1, Math.ceil((open.expiresAt - this.#now()) / 1000)) }
    }
    const value = await attempt()
    if (value !== undefined) {
      if (!keepsCount(value)) this.#windows.delete(key)
      return { outcome: 'succeeded', value }
    }
    // Looked up again: the window may have closed, and been purged, while the attempt ran.
    const current = this.#openWindow(key)
    if (current === undefined) this.#windows.set(key, { failures: 1, expiresAt: this.#now() + this.#windowMs })
    else current.failures++
    return { outcome: 'failed' }
  }

  #openWindow(key: string): FailureWindow | undefined {
    const window = this.#windows.get(key)
    if (window === undefined || this.#now() < window.expiresAt) return window
    this.#windows.delete(key)
    return undefined
  }
}
