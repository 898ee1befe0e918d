const LOCK_NAME = 'gatehouse.refresh'

/**
 * Runs `work` while holding the cross-tab refresh lock (Web Locks), so one tab refreshes at a
 * time. A lock not granted within `timeoutMs` — a tab frozen while holding it — is given up on and
 * the work runs anyway: the server's own single-flight still keeps the backend safe. Without Web
 * Locks the work simply runs.
 */
export async function withRefreshLock<T>(work: () => Promise<T>, { signal, timeoutMs }: { signal: AbortSignal; timeoutMs: number }): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  if (!locks) return work()
  const timeout = AbortSignal.timeout(timeoutMs)
  let granted = false
  try {
    return await locks.request(LOCK_NAME, { signal: AbortSignal.any([signal, timeout]) }, () => {
      granted = true
      return work()
    })
  } catch (error) {
    if (!granted && timeout.aborted && !signal.aborted) return work()
    throw error
  }
}
