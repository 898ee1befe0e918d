import { createNextGatehouse } from 'gatehouse/next'
import { createGatehouse, restAdapter } from 'gatehouse/server'

export const gatehouse = createGatehouse({
  backend: restAdapter({ baseUrl: process.env.AUTH_BACKEND_URL ?? 'http://127.0.0.1:4000' }),
})

export const { handlers, proxy, getSession, requireSession } = createNextGatehouse(gatehouse, {
  protectedPaths: ['/dashboard', '/admin'],
  signInPath: '/login',
})
