import { safeRedirectPath } from 'gatehouse/server'
import { afterSignInPath, backend } from '../../auth'
import { SignInPanel } from './SignInPanel'

type SearchParams = Promise<{ next?: string | string[]; error?: string | string[] }>

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : null)

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { next, error } = await searchParams
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <SignInPanel
        next={safeRedirectPath(single(next), afterSignInPath)}
        errorCode={single(error)}
        identifier={backend.identifier ?? 'email'}
      />
    </section>
  )
}
