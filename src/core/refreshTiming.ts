/** When to refresh and how long to wait between retries; pure, so the machine's delays stay one-liners. */
export interface RefreshTiming {
  /** Refresh this long before expiry, but never earlier than 80 % into the remaining lifetime. */
  marginMs: number
  /** First retry delay after a transient failure; doubles each time, with jitter, up to `retryMaxMs`. */
  retryBaseMs: number
  /** The longest wait between retries, however many have failed. */
  retryMaxMs: number
}

export const DEFAULT_REFRESH_TIMING: RefreshTiming = { marginMs: 30_000, retryBaseMs: 1_000, retryMaxMs: 10_000 }

export const MIN_REFRESH_DELAY_MS = 1_000
/** Timers take at most 2^31 - 1 ms (24.8 days), and fire a longer delay at once; a longer session is refreshed early. */
const MAX_REFRESH_DELAY_MS = 2 ** 31 - 1

/**
 * Milliseconds until the access token that expires at `expiresAt` should be refreshed, when
 * `share` of the margin is left: all of it by default; half for a tab that heard of the session
 * from another tab, so the tab that refreshed last refreshes first and the others adopt its news
 * without a request; none for a session that cannot be refreshed, which is kept to its very end.
 */
export function refreshDelay(expiresAt: string | null, timing: RefreshTiming, share = 1, now = Date.now()): number {
  const remaining = Date.parse(expiresAt!) - now
  const margin = Math.min(timing.marginMs, remaining * 0.2) * share
  // A floor keeps a server clock ahead of the browser's from turning into a refresh loop.
  return remaining > 0 ? Math.min(MAX_REFRESH_DELAY_MS, Math.max(MIN_REFRESH_DELAY_MS, remaining - margin)) : MIN_REFRESH_DELAY_MS
}

/** Exponential backoff with "equal jitter": half the step fixed, half random, so tabs and clients spread out. */
export function retryDelay(attempt: number, timing: RefreshTiming, random = Math.random()): number {
  const step = Math.min(timing.retryMaxMs, timing.retryBaseMs * 2 ** attempt)
  return Math.round(step / 2 + (step / 2) * random)
}
