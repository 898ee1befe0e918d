import type { CoordinationStore } from './CoordinationStore'

/**
 * The sessions signed out, by id, for as long as copies of their cookies could still be used.
 * Asking is a lookup in this instance's memory, never a call: with a coordination store, every
 * instance learns each revocation as it is recorded, and those recorded before it started.
 */
export interface Revocations {
  /** Whether the session with this id was signed out. */
  isRevoked(sessionId: string): boolean
  /** Records a sign-out until `until` (epoch milliseconds), here and in every instance that shares the store. */
  revoke(sessionId: string, until: number): Promise<void>
  /** Pending until this instance knows the revocations recorded before it started; `undefined` once it does. */
  pending(): Promise<void> | undefined
}

// Expired entries are dropped as the map doubles, so it stays within twice the live ones.
const FIRST_SWEEP_AT = 1_024
const RETRY_MS = { first: 1_000, longest: 30_000 }

/**
 * Revocations in this process, shared through `store` when there is one. While the store cannot
 * be reached, a sign-out still holds in the instance that served it, which sends it again (after
 * 1 s, then less and less often) until the store takes it; the others read every revocation again
 * after each reconnection, so it reaches them then.
 */
export function createRevocations({
  store,
  now,
  logger,
}: {
  store?: CoordinationStore
  now: () => number
  logger: Pick<Console, 'warn'>
}): Revocations {
  const revoked = new Map<string, number>()
  let sweepAt = FIRST_SWEEP_AT
  const remember = (sessionId: string, until: number) => {
    if (until <= now() || (revoked.get(sessionId) ?? 0) >= until) return
    revoked.set(sessionId, until)
    if (revoked.size < sweepAt) return
    for (const [id, ends] of revoked) if (ends <= now()) revoked.delete(id)
    sweepAt = Math.max(FIRST_SWEEP_AT, 2 * revoked.size)
  }
  // Sign-outs the store missed, sent again until it takes them: a lost one would hold in this instance alone.
  const unshared = new Map<string, number>()
  let retry: ReturnType<typeof setTimeout> | undefined
  const shareLater = (store: CoordinationStore, delayMs: number) => {
    retry ??= setTimeout(async () => {
      retry = undefined
      for (const [sessionId, until] of unshared) {
        try {
          if (until > now()) await store.revoke(sessionId, until)
          unshared.delete(sessionId)
        } catch {
          return shareLater(store, Math.min(2 * delayMs, RETRY_MS.longest))
        }
      }
      logger.warn('[gatehouse] the coordination store answers again: the sign-outs held here reach every instance.')
    }, delayMs)
    retry.unref?.()
  }
  let watching: Promise<void> | undefined
  let known = store === undefined
  return {
    isRevoked(sessionId) {
      const until = revoked.get(sessionId)
      return until !== undefined && until > now()
    },
    async revoke(sessionId, until) {
      remember(sessionId, until)
      if (!store) return
      try {
        await store.revoke(sessionId, until)
      } catch (error) {
        if (unshared.size === 0) {
          logger.warn(
            `[gatehouse] the coordination store cannot be reached (${error instanceof Error ? error.message : String(error)}): sign-outs hold in this instance only until it answers again.`,
          )
        }
        unshared.set(sessionId, until)
        shareLater(store, RETRY_MS.first)
      }
    },
    pending() {
      if (known || !store) return undefined
      watching ??= store.watchRevocations(remember).then(
        () => {
          known = true
        },
        (error: unknown) => {
          known = true
          logger.warn(
            `[gatehouse] the coordination store cannot be reached (${error instanceof Error ? error.message : String(error)}): sign-outs recorded before this instance started are not known here until it answers again.`,
          )
        },
      )
      return watching
    },
  }
}
