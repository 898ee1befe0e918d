import type { RestAdapterConfig } from '../server/backend/rest/RestAdapterOptions'

/** What `gatehouse init` writes, by path from the app's root. */
export type AppFiles = Record<string, string>

export interface AppFilesOptions {
  /** `src` when the app keeps its code in `src/app`, else `''`. */
  sourceDir: '' | 'src'
  /** The backend's shape (a file from `examples/backends/`, say); `{}` for the demo backend's. */
  shape: RestAdapterConfig
  backendUrl: string
  secret: string
}

const DEFAULT_PROFILE_PATH = '/auth/profile'

/**
 * The files that wire gatehouse into a Next.js app: `auth.ts` with the backend's shape, the auth
 * and backend-proxy route handlers, `proxy.ts`, and `.env.local` with the secret and the backend's
 * address.
 *
 * @example
 * appFiles({ sourceDir: '', shape: {}, backendUrl: 'http://127.0.0.1:4000', secret: newSecret() })['proxy.ts']
 */
export function appFiles({ sourceDir, shape, backendUrl, secret }: AppFilesOptions): AppFiles {
  const code = (path: string) => (sourceDir ? `${sourceDir}/${path}` : path)
  const { $schema: _schema, ...options } = shape
  const profilePath = options.profile?.path ?? DEFAULT_PROFILE_PATH
  return {
    [code('auth.ts')]: `import { createNextGatehouse } from 'gatehouse/next'
import { createGatehouse, restAdapter, type RestAdapterConfig } from 'gatehouse/server'

/** The backend's API, as restAdapter maps it: paths, token fields, the user's fields. */
const backendShape: RestAdapterConfig = ${JSON.stringify(options, null, 2)}

export const gatehouse = createGatehouse({
  // The secret is AUTH_SECRET, read at the first request (see .env.local).
  backend: restAdapter({ ...backendShape, baseUrl: process.env.AUTH_BACKEND_URL ?? '${backendUrl}' }),
})

export const { handlers, backendHandlers, proxy, getSession, requireSession } = createNextGatehouse(gatehouse, {
  protectedPaths: ['/dashboard'],
  signInPath: '/sign-in',
  // The backend paths the browser may call through /api/backend; the server adds the token.
  backendProxy: { allow: [${JSON.stringify(profilePath)}] },
})
`,
    [code('app/api/auth/[...gatehouse]/route.ts')]: `import { handlers } from '../../../../auth'

export const { GET, POST } = handlers
`,
    [code('app/api/backend/[...path]/route.ts')]: `import { backendHandlers } from '../../../../auth'

export const { GET, POST, PUT, PATCH, DELETE } = backendHandlers
`,
    [code('proxy.ts')]: `export { proxy } from './auth'

export const config = {
  // Every page, but not the auth routes themselves (they refresh on their own) nor static files.
  matcher: ['/((?!api/auth/|_next/static|_next/image|favicon.ico).*)'],
}
`,
    '.env.local': `# Seals the session cookies: keep it secret, the same on every instance; rotate by putting a new one first, comma-separated.
AUTH_SECRET=${secret}
AUTH_BACKEND_URL=${backendUrl}
`,
  }
}

/** What `gatehouse init` tells the person to do next, with the files in place. */
export const NEXT_STEPS = `Next steps:
  1. In your root layout, hand the session to the browser and show a notice while it reconnects:

       import { AuthProvider } from 'gatehouse/react'
       import 'gatehouse/ui.css'
       import { getSession } from '../auth' // the path to auth.ts from the layout

       <AuthProvider session={await getSession()}>{children}</AuthProvider>

  2. Add a sign-in page at /sign-in with <SignInForm /> from 'gatehouse/ui'.
  3. Set AUTH_BACKEND_URL in .env.local to your backend's address, and run next dev.`
