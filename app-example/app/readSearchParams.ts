/** A page's `searchParams` as Next.js hands them over: each value one string, several, or absent. */
export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>

/**
 * What the auth pages read from their URL besides an error (which `authErrorFromSearchParams` from
 * `gatehouse/next` reads): what a plain form post came back with, and the mailed link's token.
 */
export interface AuthPageParams {
  /** Where to go once signed in, unchecked: pass it through `safeRedirectPath`. */
  next: string | null
  /** The outcome a form sent without script came back with (`?outcome=`), e.g. `reset_requested`. */
  outcome: string | null
  /** The token of the link the email carried (`?token=`). */
  token: string | null
}

// A repeated parameter is not something any form of ours sends: ignored rather than guessed at.
const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : null)

/**
 * Reads the parameters the auth pages take from their URL, each a single string or `null`.
 *
 * @example
 * const query = await searchParams
 * const { token, outcome } = readSearchParams(query)
 */
export function readSearchParams(params: Awaited<PageSearchParams>): AuthPageParams {
  return { next: single(params.next), outcome: single(params.outcome), token: single(params.token) }
}
