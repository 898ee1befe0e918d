import type { User } from '../../contract/types'
import { GatehouseError } from '../GatehouseError'
import type { BackendTokens } from '../backend/BackendAdapter'
import { waitForAnswer } from '../backend/waitForAnswer'
import type { ExchangeOnce } from './createSharedExchange'

/** What a sign-in or an exchange yields: the backend's tokens and the profile that came with them. */
export interface ExchangeResult {
  tokens: BackendTokens
  user: User
}

/** A completed refresh: the successor tokens, always with a refresh token (the old one, when the backend sent none). */
export interface RefreshOutcome extends ExchangeResult {
  tokens: BackendTokens & { refreshToken: string }
}

/** A refresh token as the session holds it: the token and when it stops working. */
export interface HeldRefreshToken {
  refreshToken: string
  expiresAt: number
  /**
   * The access token the session holds with it. An outcome that carries this same one is no news
   * to the caller (an echoed or kept refresh token, exchanged moments ago): it is exchanged again.
   */
  accessToken?: string
}

export interface RefreshFlights {
  /**
   * Exchanges `held.refreshToken` at most once: concurrent callers share one `exchange`, and
   * callers within the grace window after it get the same outcome — or a newer one, if the
   * successor was refreshed in turn. An outcome whose access token has expired is exchanged
   * again, through its newest refresh token. An answer without a refresh token keeps the one
   * exchanged, with its expiry (RFC 6749 §6). `null` when the backend rejected the token.
   * Waits `waitMs` at most (then 504 `backend_timeout`); the exchange itself runs on, and its
   * answer is what the next call with the same token gets. `exchange` is bound to its caller's
   * request: a shared exchange is the caller's that started it, so the backend sees the first
   * request's client address (`GatehouseOptions.clientAddress`), not the followers'.
   */
  run(held: HeldRefreshToken, exchange: (refreshToken: string) => Promise<ExchangeResult>): Promise<RefreshOutcome | null>
}

interface Flight {
  refreshToken: string
  outcome: Promise<RefreshOutcome | null>
  /** Order of starting, process-wide: a successor's flight is followed only when it started later. */
  order: number
  /** Set once the exchange has answered. */
  settled?: { outcome: RefreshOutcome | null }
  /** Calls waiting for the outcome right now. */
  waiting: number
  /** Answered while nobody waited (each had given up): kept until a call takes it. */
  unclaimed?: boolean
  forgetting?: ReturnType<typeof setTimeout>
}

interface Registry {
  flights: Map<string, Flight>
  started: number
}

// One registry per process, shared by every gatehouse instance in it: Next.js bundles proxy.ts
// and the route handlers separately, and both must see the same flights.
const REGISTRY = Symbol.for('gatehouse.refreshFlights.v3')

/**
 * The longest an outcome nobody has taken is kept: a browser that gave up on a slow refresh
 * still holds the token it exchanged, and must get the successor, not a replay, when it comes
 * back (a laptop closed overnight). Shorter when the successor's refresh token expires sooner.
 */
export const UNCLAIMED_KEPT_MS = 24 * 60 * 60_000

/**
 * Single-flight refreshes per refresh token, so a backend that rotates refresh tokens never
 * receives the same one twice from this process, however many requests race. A token server
 * that echoes the refresh token, omits it, or hands out a cycle of them is followed only to
 * flights that started later and tokens not seen yet, and a call exchanges at most once itself:
 * every call ends. A call waits `waitMs` at most; an exchange still running then runs on, and
 * its outcome is the next call's, so a slow backend's rotation is never lost and the old token
 * never sent twice.
 */
export function createRefreshFlights({
  graceMs,
  waitMs,
  now,
  exchangeOnce,
}: {
  graceMs: number
  /** How long a call waits for an exchange (the backend's `timeoutMs`). */
  waitMs: number
  now: () => number
  /** Shares each exchange with the other instances (see `createSharedExchange`); without it, this process alone. */
  exchangeOnce?: ExchangeOnce
}): RefreshFlights {
  const store = globalThis as { [REGISTRY]?: Registry }
  store[REGISTRY] ??= { flights: new Map(), started: 0 }
  const registry = store[REGISTRY]
  const { flights } = registry
  const forgetLater = (flight: Flight, afterMs: number) => {
    clearTimeout(flight.forgetting)
    flight.forgetting = setTimeout(() => {
      if (flights.get(flight.refreshToken) === flight) flights.delete(flight.refreshToken)
    }, afterMs)
    ;(flight.forgetting as { unref?: () => void }).unref?.()
  }
  // An outcome somebody waits for is kept for the grace window; successors nobody waits for, for
  // the browser to take when it is back. A rejection is the same answer whenever it is asked again.
  const keepMs = (flight: Flight, outcome: RefreshOutcome | null) => {
    if (flight.waiting > 0 || !outcome) return graceMs
    const expiresIn = (outcome.tokens.refreshTokenExpiresAt ?? Number.POSITIVE_INFINITY) - now()
    return Math.max(graceMs, Math.min(UNCLAIMED_KEPT_MS, expiresIn))
  }
  const fresh = (outcome: RefreshOutcome) => outcome.tokens.accessTokenExpiresAt > now()

  const start = (held: HeldRefreshToken, exchange: (refreshToken: string) => Promise<ExchangeResult>): Flight => {
    const exchangeHere = async (): Promise<RefreshOutcome | null> => {
      try {
        const { tokens, user } = await exchange(held.refreshToken)
        // RFC 6749 §6: the server MAY issue a new refresh token; when it does not, the old one stays good.
        const kept = tokens.refreshToken
          ? { refreshToken: tokens.refreshToken, refreshTokenExpiresAt: tokens.refreshTokenExpiresAt }
          : { refreshToken: held.refreshToken, refreshTokenExpiresAt: held.expiresAt }
        return { tokens: { ...tokens, ...kept }, user }
      } catch (error) {
        if (error instanceof GatehouseError && error.code === 'session_expired') return null
        throw error
      }
    }
    registry.started += 1
    const flight: Flight = {
      refreshToken: held.refreshToken,
      order: registry.started,
      waiting: 0,
      outcome: (exchangeOnce ? exchangeOnce(held.refreshToken, exchangeHere, (outcome) => keepMs(flight, outcome)) : exchangeHere()).then(
        (outcome) => {
          flight.settled = { outcome }
          flight.unclaimed = flight.waiting === 0 && outcome !== null
          forgetLater(flight, keepMs(flight, outcome))
          return outcome
        },
        (error: unknown) => {
          if (flights.get(held.refreshToken) === flight) flights.delete(held.refreshToken)
          throw error
        },
      ),
    }
    flights.set(held.refreshToken, flight)
    return flight
  }

  return {
    async run(held, exchange) {
      // One wait for the whole call, however many flights it follows; the flights run on without it.
      const deadline = performance.now() + waitMs
      const claim = async (flight: Flight) => {
        flight.waiting += 1
        try {
          return await waitForAnswer(flight.outcome, deadline - performance.now())
        } finally {
          flight.waiting -= 1
          if (flight.unclaimed && flight.settled) {
            // Taken at last: from now on it is kept like any other outcome.
            flight.unclaimed = false
            forgetLater(flight, graceMs)
          }
        }
      }
      // What this caller can use: unexpired, and not the access token it already has.
      const news = (outcome: RefreshOutcome) => fresh(outcome) && outcome.tokens.accessToken !== held.accessToken
      const spent = (flight: Flight) => flight.settled?.outcome != null && !news(flight.settled.outcome)
      // The token the request holds may have been exchanged already: its flight leads to the newest tokens.
      const known = flights.get(held.refreshToken)
      let flight = known ?? start(held, exchange)
      // At most one exchange of its own per call, whatever the backend answers.
      let renewed = !known
      let outcome = await claim(flight)
      const followed = new Set([held.refreshToken])
      while (outcome) {
        const successor: HeldRefreshToken = {
          refreshToken: outcome.tokens.refreshToken,
          expiresAt: outcome.tokens.refreshTokenExpiresAt ?? held.expiresAt,
        }
        const next = flights.get(successor.refreshToken)
        if (next && next.order > flight.order && !followed.has(successor.refreshToken)) {
          followed.add(successor.refreshToken)
          const previous: RefreshOutcome = outcome
          // A failed exchange of the successor (backend down) leaves the successor itself current, while it lasts.
          outcome = await claim(next).catch((error: unknown) => {
            if (fresh(previous)) return previous
            throw error
          })
          if (outcome === previous) return outcome
          flight = next
          continue
        }
        if (news(outcome) || renewed) return outcome
        // The newest tokens have expired, or are the caller's own: exchange the newest refresh token,
        // once for every caller (an echoed or kept token's own flight is spent, so it starts anew).
        renewed = true
        flight = next && !spent(next) ? next : start(successor, exchange)
        followed.add(successor.refreshToken)
        outcome = await claim(flight)
      }
      return null
    },
  }
}
