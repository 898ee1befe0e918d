interface RequestWindow {
  requests: number
  expiresAt: number
}

/**
 * Counts requests per key (e.g. a flow and an email) in a fixed window that opens with the first
 * one; past `maxRequests` in the window, the key is refused until the window closes. Unlike
 * `SignInThrottle` it counts every request, since a request that mails someone is a cost whether or not it works.
 *
 * @example
 * const throttle = new RequestThrottle(5, 300, Date.now)
 * const retryAfter = throttle.take(`forgot:${email}`) // undefined, or seconds to wait
 */
export class RequestThrottle {
  readonly #windows = new Map<string, RequestWindow>()
  readonly #maxRequests: number
  readonly #windowMs: number
  readonly #now: () => number

  constructor(maxRequests: number, windowSeconds: number, now: () => number) {
    this.#maxRequests = maxRequests
    this.#windowMs = windowSeconds * 1000
    this.#now = now
  }

  /** Counts one request for `key`: undefined when it may go ahead, else how many seconds until the window closes. */
  take(key: string): number | undefined {
    const now = this.#now()
    const open = this.#windows.get(key)
    if (open === undefined || now >= open.expiresAt) {
      this.#windows.set(key, { requests: 1, expiresAt: now + this.#windowMs })
      return undefined
    }
    if (open.requests >= this.#maxRequests) return Math.max(1, Math.ceil((open.expiresAt - now) / 1000))
    open.requests++
    return undefined
  }

  /** Forgets every window that has closed; returns how many keys are still counted. */
  purgeExpired(): number {
    const now = this.#now()
    for (const [key, window] of this.#windows) {
      if (now >= window.expiresAt) this.#windows.delete(key)
    }
    return this.#windows.size
  }

  /** How many keys have requests on record, closed windows included until the next purge. */
  get size(): number {
    return this.#windows.size
  }
}
