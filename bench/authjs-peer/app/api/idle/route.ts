/**
 * Next.js's own floor for figure 1: a route handler that does no work, served by the same Next
 * version on the same machine, so the proxy's cost can be told apart from the framework's.
 */
export function GET() {
  return Response.json({ user: null })
}
