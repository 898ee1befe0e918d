export { proxy } from './auth'

export const config = {
  // Every page, but not the auth routes themselves (they refresh on their own), the health check, nor static files.
  matcher: ['/((?!api/auth/|api/health|_next/static|_next/image|favicon.ico).*)'],
}
