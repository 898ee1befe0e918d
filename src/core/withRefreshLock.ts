/**
 * Runs `work` while holding the cross-tab refresh lock (Web Locks), so one tab refreshes at a
 * time. A lock not granted within `timeoutMs` (10 s) — a tab frozen while holding it — is given
 * up on and the work runs anyway: the server's own single-flight still keeps the backend safe.
 * Without Web Locks (an insecure origin) `request` throws, and the work runs as after a timeout.
 * Once `signal` aborts, work not yet begun never begins, whenever the lock comes.
 */
export async function withRefreshLock<T>(
  work: () => Promise<T>,
  { signal, timeoutMs = 10_000 }: { signal: AbortSignal; timeoutMs?: number },
): Promise<T> {
  const begin = async () => {
    signal.throwIfAborted()
    return work()
  }
  let granted = false
  try {
    return await navigator.locks.request('gatehouse.refresh', { signal: AbortSignal.timeout(timeoutMs) }, () => {
      granted = true
      return begin()
    })
  } catch (error) {
    if (granted) throw error
    return begin()
  }
}
