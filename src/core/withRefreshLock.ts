/**
 * Runs `work` while holding the cross-tab refresh lock (Web Locks), so one tab refreshes at a
 * time. A lock not granted within `timeoutMs` (10 s) — a tab frozen while holding it — is given up on and
 * the work runs anyway: the server's own single-flight still keeps the backend safe. Without Web
 * Locks (an insecure origin) the work simply runs. Once `signal` aborts, work not yet begun never
 * begins.
 */
export async function withRefreshLock<T>(
  work: () => Promise<T>,
  { signal, timeoutMs = 10_000 }: { signal: AbortSignal; timeoutMs?: number },
): Promise<T> {
  const begin = async () => {
    signal.throwIfAborted()
    return work()
  }
  const locks = globalThis.navigator?.locks
  if (!locks) return begin()
  // Not AbortSignal.any: Safari before 17.4 lacks it.
  const waiting = new AbortController()
  const stopWaiting = () => waiting.abort()
  const timer = setTimeout(stopWaiting, timeoutMs)
  signal.addEventListener('abort', stopWaiting)
  let granted = false
  try {
    return await locks.request('gatehouse.refresh', { signal: waiting.signal }, () => {
      granted = true
      return begin()
    })
  } catch (error) {
    if (granted || signal.aborted) throw error
    return begin()
  } finally {
    clearTimeout(timer)
    signal.removeEventListener('abort', stopWaiting)
  }
}
