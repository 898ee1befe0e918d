/**
 * `path` if it stays on this site (a path starting with one `/`), else `fallback`: a redirect
 * target taken from a URL must not send people to another site.
 *
 * @example
 * safeLocalPath('/dashboard?tab=1') // '/dashboard?tab=1'
 * safeLocalPath('//evil.example')   // '/'
 */
export function safeLocalPath(path: string, fallback = '/'): string {
  return /^\/(?![/\\])/.test(path) && !/[\u0000-\u001f]/.test(path) ? path : fallback
}
