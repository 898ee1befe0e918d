const BASE = 'http://gatehouse.invalid'

/**
 * Turns an untrusted `next` value into a path on this site, or `fallback`. Only a relative path
 * that still names this origin after the URL parser has had its way (backslashes, tabs, dot
 * segments, encodings) is kept.
 *
 * @example
 * safeRedirectPath('/dashboard?tab=1') // '/dashboard?tab=1'
 * safeRedirectPath('//evil.example')   // '/'
 */
export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2048) return fallback
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback
  let url: URL
  try {
    url = new URL(value, BASE)
  } catch {
    return fallback
  }
  const path = `${url.pathname}${url.search}${url.hash}`
  if (url.origin !== BASE || path.startsWith('//')) return fallback
  return path
}
