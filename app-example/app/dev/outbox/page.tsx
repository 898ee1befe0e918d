import { safeRedirectPath } from 'gatehouse/server'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { outboxEnabled } from '../../outboxEnabled'

/** A mail as the demo backend's `GET /dev/outbox` lists it (newest first). */
interface OutboxMessage {
  to: string
  subject: string
  text: string
  link: string
  sentAt: string
}

async function readOutbox(): Promise<OutboxMessage[] | null> {
  const backendUrl = process.env.AUTH_BACKEND_URL ?? 'http://127.0.0.1:4000'
  try {
    const response = await fetch(new URL('/dev/outbox', backendUrl), { cache: 'no-store' })
    if (!response.ok) return null
    const { messages } = (await response.json()) as { messages: OutboxMessage[] }
    return messages
  } catch {
    return null
  }
}

/**
 * The mail the demo backend would have sent (confirmation and password reset links), for trying
 * the account flows without a mail server. Development only: under `next dev`, or a production
 * build started with `DEMO_OUTBOX=1` (as the end-to-end tests start it); anywhere else, 404.
 */
export default async function OutboxPage() {
  // Decided per request, from the environment the app was started with, not the one it was built in.
  await connection()
  if (!outboxEnabled()) notFound()
  const messages = await readOutbox()
  return (
    <section>
      <h1>Outbox</h1>
      <p>The mail the demo backend has sent, newest first. Nothing here left this machine.</p>
      {messages === null ? (
        <p role="alert">The demo backend did not answer: an external backend sends its own mail.</p>
      ) : messages.length === 0 ? (
        <p>No mail yet. Sign up, or ask for a password reset link.</p>
      ) : (
        <ol className="outbox">
          {messages.map((message) => (
            <li key={`${message.sentAt} ${message.link}`} data-testid="outbox-message">
              <p>
                <strong>{message.subject}</strong> to <span data-testid="outbox-to">{message.to}</span>,{' '}
                <time dateTime={message.sentAt}>{new Date(message.sentAt).toLocaleString('en')}</time>
              </p>
              <pre>{message.text}</pre>
              {/* The backend gives a path; anything that would leave this site is shown, not linked. */}
              {safeRedirectPath(message.link, '') === message.link ? (
                <a href={message.link}>{message.link}</a>
              ) : (
                <code>{message.link}</code>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
