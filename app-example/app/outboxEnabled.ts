/**
 * Whether the development outbox page (`/dev/outbox`) is served: always under `next dev`, and in a
 * production build only with `DEMO_OUTBOX=1`, which the end-to-end tests set on the built app to
 * read the demo backend's mail. Read when a request is served, not when the app is built.
 *
 * @example
 * if (!outboxEnabled()) notFound()
 */
export function outboxEnabled(): boolean {
  return process.env.NODE_ENV !== 'production' || process.env.DEMO_OUTBOX === '1'
}
