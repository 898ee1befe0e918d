/**
 * Runs `work` while holding the cross-tab refresh lock (Web Locks), so one tab refreshes at a
 * time. A lock not granted within `timeoutMs` — a tab frozen while holding it — is given up on and
 * the work runs anyway: the server's own single-flight still keeps the backend safe. Without Web
 * Locks (an insecure origin) the work simply runs; once `signal` aborts, it never does.
 */
export async function withRefreshLock<T>(work: () => Promise<T>, { signal, timeoutMs }: { signal: AbortSignal; timeoutMs: number }): Promise<T> {
  const locks = globalThis.navigator?.locks
  if (!locks) return work()
  // Not AbortSignal.any: Safari before 17.4 lacks it.
  const waiting = new AbortController()
  const timer = setTimeout(() => waiting.abort(), timeoutMs)
  signal.onabort = () => waiting.abort()
  let granted = false
  try {
    return await locks.request('gatehouse.refresh', { signal: waiting.signal }, () => {
      granted = true
      clearTimeout(timer)
      return work()
    })
  } catch (error) {
    if (granted || signal.aborted) throw error
    return work()
  }
}
