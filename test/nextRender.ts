/**
 * What a Server Component render sees, for tests of `getSession` and `requireSession` outside
 * Next.js: the request's cookies from `jar`, and `redirect` as an error naming the URL. Mocked in
 * a test file with
 * `vi.mock('next/headers', () => import('../nextRender'))` and
 * `vi.mock('next/navigation', () => import('../nextRender'))`.
 */
export const jar = { cookie: '' }

export const cookies = async () => ({
  getAll: () =>
    jar.cookie
      .split('; ')
      .filter(Boolean)
      .map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1) })),
})

export const redirect = (url: string): never => {
  throw new Error(`redirect:${url}`)
}
