import { GatehouseError } from '../GatehouseError'
import type { CoordinationStore } from './CoordinationStore'
import type { Sealer } from './createSealer'

/** `createGatehouse`'s `coordination`: where the app's instances share refreshes and sign-outs, and what to do without it. */
export interface CoordinationOptions {
  /** Where the instances meet: `createRedisStore(…)` from `gatehouse/redis`, or any `CoordinationStore`. */
  store: CoordinationStore
  /**
   * While the store cannot be reached: refresh in this instance alone (`'refreshHere'`, the
   * default: sessions keep working, only the guarantee across instances is gone while it lasts),
   * or refuse refreshes with 503 `backend_unavailable` (`'refuse'`: nobody's refresh token is
   * exchanged twice, and sessions wait, kept, for the store).
   */
  whenUnreachable?: 'refreshHere' | 'refuse'
  /**
   * How long an instance may take over a refresh token's exchange before another takes it over:
   * longer than a backend call may run, so only a crashed holder is overtaken. Default: the
   * backend's `maxCallMs` (60 s) and 5 s more.
   */
  lockMs?: number
}

/**
 * Runs `exchange` for `refreshToken`, or takes the outcome another instance's run left; the
 * outcome is kept for the others for `keepMs(outcome)` (default: the grace window), and one kept
 * longer is cut back to the grace window once another instance takes it.
 */
export type ExchangeOnce = <Outcome>(
  refreshToken: string,
  exchange: () => Promise<Outcome>,
  keepMs?: (outcome: Outcome) => number,
) => Promise<Outcome>

// A follower looks again after 25 ms, then less and less often: a stalled holder may take up to maxCallMs.
const POLL_MS = { first: 25, longest: 1_000 }
const OUTCOME = 'refresh-outcome'

/**
 * One exchange per refresh token across every instance that shares the store: the first to take
 * the token's lock exchanges it; the others wait for the outcome it leaves, sealed, for the grace
 * window. A rejection is shared the same way, so a session ends once. The store's trouble never
 * reaches the browser: it is logged once per outage, and refreshes go on here alone (or are
 * refused, see `whenUnreachable`) until the store answers again.
 */
export function createSharedExchange(
  { store, whenUnreachable = 'refreshHere', ...options }: CoordinationOptions,
  {
    sealer,
    graceMs,
    maxCallMs,
    logger,
  }: {
    sealer: Sealer
    graceMs: number
    /** The backend's `maxCallMs`: the lock outlasts the longest call. */
    maxCallMs: number
    logger: Pick<Console, 'warn'>
  },
): ExchangeOnce {
  const lockMs = options.lockMs ?? maxCallMs + 5_000
  let unreachable = false
  const reachable = () => {
    if (unreachable) logger.warn('[gatehouse] the coordination store answers again: refreshes are shared across instances again.')
    unreachable = false
  }
  const cannotReach = (error: unknown) => {
    if (!unreachable) {
      const reason = error instanceof Error ? error.message : String(error)
      const meanwhile = whenUnreachable === 'refuse' ? 'refreshes are refused' : 'refreshing in this instance alone'
      logger.warn(`[gatehouse] the coordination store cannot be reached (${reason}): ${meanwhile} until it answers again.`)
    }
    unreachable = true
  }

  return async <Outcome>(
    refreshToken: string,
    exchange: () => Promise<Outcome>,
    keepMs: (outcome: Outcome) => number = () => graceMs,
  ): Promise<Outcome> => {
    let keys: { outcome: string; lock: string }
    const owner = crypto.randomUUID()
    const shared = async () => {
      const sealed = await store.get(keys.outcome)
      const found = sealed === null ? null : await sealer.unseal<{ outcome: Outcome; untaken?: boolean }>(sealed, OUTCOME)
      // An outcome kept past the grace window for a browser that gave up is cut back to it once taken.
      if (found?.untaken) await store.set(keys.outcome, await sealer.seal({ outcome: found.outcome }, OUTCOME), graceMs)
      return found?.outcome
    }
    try {
      const name = await sealer.digest(refreshToken, 'refresh-coordination')
      keys = { outcome: `gatehouse:v1:refreshed:${name}`, lock: `gatehouse:v1:refreshing:${name}` }
      // Another instance's outcome, or this instance's turn; a holder that crashed loses the lock when it expires.
      // The outcome is looked for once more with the lock taken: the holder before may have finished in between.
      let locked = false
      let pollMs = POLL_MS.first
      for (;;) {
        const outcome = await shared()
        if (outcome !== undefined) {
          if (locked) await store.deleteIf(keys.lock, owner)
          reachable()
          return outcome
        }
        if (locked) break
        locked = await store.setIfAbsent(keys.lock, owner, lockMs)
        if (!locked) {
          await new Promise((resolve) => setTimeout(resolve, pollMs))
          pollMs = Math.min(2 * pollMs, POLL_MS.longest)
        }
      }
      reachable()
    } catch (error) {
      if (error instanceof GatehouseError) throw error
      cannotReach(error)
      if (whenUnreachable === 'refuse') {
        throw new GatehouseError(503, 'backend_unavailable')
      }
      return exchange()
    }
    let outcome: Outcome
    try {
      outcome = await exchange()
    } catch (error) {
      // Not exchanged (the backend down or slow): the next instance may try.
      await store.deleteIf(keys.lock, owner).catch(() => {})
      throw error
    }
    try {
      const keptMs = keepMs(outcome)
      await store.set(keys.outcome, await sealer.seal({ outcome, untaken: keptMs > graceMs }, OUTCOME), keptMs)
      await store.deleteIf(keys.lock, owner)
    } catch (error) {
      // The outcome is this request's all the same; the others find the lock expired and ask the backend.
      cannotReach(error)
    }
    return outcome
  }
}
