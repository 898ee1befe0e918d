import { safeRedirectPath } from 'gatehouse/server'
import { afterSignInPath, backend } from '../../auth'
import { LoginPanel } from './LoginPanel'

type SearchParams = Promise<{ next?: string | string[]; error?: string | string[] }>

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : null)

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const { next, error } = await searchParams
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <LoginPanel next={safeRedirectPath(single(next), afterSignInPath)} errorCode={single(error)} identifier={backend.identifier ?? 'email'} />
    </section>
  )
}
