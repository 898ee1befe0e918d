import { safeRedirectPath } from '../../contract/safeRedirectPath'

/**
 * Whether a request is a plain HTML form submission (the page's script had not run yet, or is
 * off), which wants a page to go to rather than JSON.
 */
export function isFormNavigation(request: Request): boolean {
  const type = request.headers.get('content-type') ?? ''
  const accept = request.headers.get('accept') ?? ''
  return type.startsWith('application/x-www-form-urlencoded') && accept.includes('text/html')
}

/** The same-origin page the form was on, with `params` set (`error=<code>`, `outcome=<outcome>`), so it can say what happened. */
export function backToForm(request: Request, publicOrigin: string | null, params: Record<string, string>): string {
  const referer = request.headers.get('referer')
  const from = referer && URL.canParse(referer) && new URL(referer).origin === publicOrigin ? new URL(referer) : null
  const target = new URL(safeRedirectPath(from ? `${from.pathname}${from.search}` : null), 'http://gatehouse.invalid')
  // A page says one thing at a time: what an earlier answer said goes.
  for (const stale of ['error', 'outcome', 'retryAfter']) target.searchParams.delete(stale)
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value)
  return `${target.pathname}${target.search}`
}
