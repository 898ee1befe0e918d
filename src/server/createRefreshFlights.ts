import type { User } from '../core/types'
import { GatehouseError } from './GatehouseError'
import type { BackendTokens } from './types'

/** A completed refresh: the successor tokens and the profile that came with them. */
export interface RefreshOutcome {
  tokens: BackendTokens
  user: User
}

export interface RefreshFlights {
  /**
   * Exchanges `refreshToken` at most once: concurrent callers share one `exchange`, and callers
   * within the grace window after it get the same outcome — or a newer one, if the successor was
   * refreshed in turn. `null` when the backend rejected the token.
   */
  run(refreshToken: string, exchange: () => Promise<RefreshOutcome>): Promise<RefreshOutcome | null>
}

interface Flight {
  outcome: Promise<RefreshOutcome | null>
}

// One registry per process, shared by every gatehouse instance in it: Next.js bundles proxy.ts
// and the route handlers separately, and both must see the same flights.
const REGISTRY = Symbol.for('gatehouse.refreshFlights')

/**
 * Single-flight refreshes per refresh token, so a backend that rotates refresh tokens never
 * receives the same one twice from this process, however many requests race.
 */
export function createRefreshFlights({ graceMs }: { graceMs: number }): RefreshFlights {
  const store = globalThis as { [REGISTRY]?: Map<string, Flight> }
  const flights = (store[REGISTRY] ??= new Map())
  const forgetLater = (refreshToken: string) => {
    const timer = setTimeout(() => flights.delete(refreshToken), graceMs)
    ;(timer as { unref?: () => void }).unref?.()
  }

  const newest = async (outcome: RefreshOutcome | null): Promise<RefreshOutcome | null> => {
    const successor = outcome?.tokens.refreshToken ? flights.get(outcome.tokens.refreshToken) : undefined
    if (!successor) return outcome
    // A failed exchange of the successor (backend down) leaves the successor itself current.
    return newest(await successor.outcome.catch(() => outcome))
  }

  return {
    run(refreshToken, exchange) {
      let flight = flights.get(refreshToken)
      if (!flight) {
        const outcome = exchange().then(
          (result) => {
            forgetLater(refreshToken)
            return result
          },
          (error: unknown) => {
            if (error instanceof GatehouseError && error.code === 'session_expired') {
              forgetLater(refreshToken)
              return null
            }
            flights.delete(refreshToken)
            throw error
          },
        )
        flight = { outcome }
        flights.set(refreshToken, flight)
      }
      return flight.outcome.then(newest)
    },
  }
}
