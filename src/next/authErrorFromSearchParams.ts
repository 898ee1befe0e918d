import { ERROR_MESSAGES, isErrorCode } from '../contract/errorCatalogue'
import type { AuthError } from '../contract/types'

/** A page's search params as Next.js hands them to a Server Component (awaited). */
export type PageSearchParams = Record<string, string | string[] | undefined>

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/**
 * The error a form's page was sent back with after a plain HTML post (`?error=<code>`, and
 * `&retryAfter=<seconds>` for `rate_limited`), as the forms' `error` prop takes it: the
 * catalogue's sentence, read on the server so no page script carries the catalogue. An unknown
 * code reads as `internal_error`; no `?error=` is `null`.
 *
 * @example
 * // app/sign-in/page.tsx
 * export default async function Page({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
 *   return <SignInForm error={authErrorFromSearchParams(await searchParams)} />
 * }
 */
export function authErrorFromSearchParams(searchParams: PageSearchParams): AuthError | null {
  const code = first(searchParams.error)
  if (!code) return null
  const known = isErrorCode(code) ? code : 'internal_error'
  const seconds = Number(first(searchParams.retryAfter))
  const wait =
    known === 'rate_limited' && Number.isInteger(seconds) && seconds > 0 && seconds <= 86_400 ? { retryAfterSeconds: seconds } : {}
  return { code: known, message: ERROR_MESSAGES[known], ...wait }
}
