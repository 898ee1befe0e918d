import { backendTimeout } from './backendFetch'

/**
 * `call`'s answer, or 504 `backend_timeout` once `waitMs` have passed. The call is not abandoned:
 * an answer that arrives after the request stopped waiting goes to `late`, so that nothing the
 * backend did (a rotated token, a new backend session) is lost. A late failure is nobody's.
 *
 * @example
 * const tokens = await waitForAnswer(backend.signIn(credentials), 10_000, (late) => backend.signOut(late))
 */
export function waitForAnswer<T>(call: Promise<T>, waitMs: number, late?: (answer: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let waiting = true
    const timer = setTimeout(() => {
      waiting = false
      reject(backendTimeout())
    }, waitMs)
    call.then(
      (answer) => {
        clearTimeout(timer)
        if (waiting) resolve(answer)
        else late?.(answer)
      },
      (error: unknown) => {
        clearTimeout(timer)
        if (waiting) reject(error)
      },
    )
  })
}
