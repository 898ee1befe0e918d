/** A mail the demo backend "sent": `link` is the path the person is to open (the app adds its origin), `sentAt` an ISO time. */
export interface OutboxMessage {
  to: string
  subject: string
  text: string
  link: string
  sentAt: string
}

/**
 * The demo backend's mail, kept in memory instead of sent: the newest `limit` messages, newest first,
 * for the example's development-only outbox page and for tests.
 *
 * @example
 * const outbox = new Outbox(Date.now)
 * outbox.send({ to: 'demo@example.com', subject: 'Reset your password', text: '…', link: '/reset-password?token=…' })
 * outbox.list('demo@example.com')[0].link
 */
export class Outbox {
  readonly #messages: OutboxMessage[] = []
  readonly #now: () => number
  readonly #limit: number
  readonly #onSend: ((message: OutboxMessage) => void) | undefined

  /** `onSend` sees each message as it is kept, e.g. to print the link where the developer looks. */
  constructor(now: () => number, options: { limit?: number; onSend?: (message: OutboxMessage) => void } = {}) {
    this.#now = now
    this.#limit = options.limit ?? 50
    this.#onSend = options.onSend
  }

  /** Keeps `message`, stamped with the time, dropping the oldest past the limit. */
  send(message: Omit<OutboxMessage, 'sentAt'>): OutboxMessage {
    const sent = Object.freeze({ ...message, sentAt: new Date(this.#now()).toISOString() })
    this.#messages.unshift(sent)
    this.#messages.length = Math.min(this.#messages.length, this.#limit)
    this.#onSend?.(sent)
    return sent
  }

  /** The messages kept, newest first; only those to `to` (in any case) when given. */
  list(to?: string): OutboxMessage[] {
    const wanted = to?.toLowerCase()
    return this.#messages.filter((message) => wanted === undefined || message.to.toLowerCase() === wanted)
  }
}
