import { auth } from '../auth'

export default async function Home() {
  const session = await auth()
  return <p>{session?.user ? `Signed in as ${session.user.email}` : 'Signed out'}</p>
}
