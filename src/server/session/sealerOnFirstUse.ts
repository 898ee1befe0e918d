import { createSealer, type Sealer } from './createSealer'
import { misconfigured } from '../GatehouseError'
import { resolveSecrets } from './resolveSecrets'

const REPORTED = Symbol.for('gatehouse.reportedMisconfiguration')

export interface DeferredSealer extends Sealer {
  /** Throws `server_misconfigured` when the secrets cannot seal (missing, too short). */
  assertReady(): void
}

/**
 * The sealer, made from the secrets when a request first needs it rather than when the module
 * loads: `next build` loads route modules without the runtime's secrets, and must still succeed.
 * What is wrong goes to the operator's log once per process; every request then answers `server_misconfigured`.
 *
 * @example
 * const sealer = sealerOnFirstUse(undefined, console) // reads AUTH_SECRET at the first seal
 */
export function sealerOnFirstUse(secret: string | readonly string[] | undefined, logger: Pick<Console, 'error'>): DeferredSealer {
  let sealer: Sealer | undefined
  let problem: string | undefined
  const ready = (): Sealer => {
    if (!sealer && problem === undefined) {
      try {
        sealer = createSealer(resolveSecrets(secret))
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error)
        // Next.js loads one instance per bundle (route handlers, proxy.ts, pages): say it once per process.
        const store = globalThis as { [REPORTED]?: Set<string> }
        store[REPORTED] ??= new Set()
        const reported = store[REPORTED]
        if (!reported.has(problem)) logger.error(`[gatehouse] cannot serve sessions: ${problem.replace(/^gatehouse: /, '')}`)
        reported.add(problem)
      }
    }
    if (!sealer) throw misconfigured()
    return sealer
  }
  return {
    assertReady: () => void ready(),
    seal: async (value, purpose) => ready().seal(value, purpose),
    unseal: async (sealed, purpose) => ready().unseal(sealed, purpose),
    opened: (sealed, purpose) => ready().opened(sealed, purpose),
    digest: async (value, purpose) => ready().digest(value, purpose),
  }
}
