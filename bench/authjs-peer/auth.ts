import NextAuth from 'next-auth'
import Credentials from 'next-auth/providers/credentials'

/** The peer: Auth.js with a Credentials provider that signs in against the same demo backend, JWT sessions. */
export const { handlers, auth } = NextAuth({
  session: { strategy: 'jwt' },
  trustHost: true,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials) {
        const response = await fetch(`${process.env.AUTH_BACKEND_URL}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: credentials.email, password: credentials.password }),
        })
        if (!response.ok) return null
        const { data } = (await response.json()) as { data: { user: { id: string | number; name: string; email: string } } }
        return { id: String(data.user.id), name: data.user.name, email: data.user.email }
      },
    }),
  ],
})
