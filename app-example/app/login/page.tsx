import { safeRedirectPath } from 'gatehouse/server'
import { LoginPanel } from './LoginPanel'

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <LoginPanel next={safeRedirectPath(typeof next === 'string' ? next : null, '/dashboard')} />
    </section>
  )
}
