// Any framework, or none: the machine is an XState actor, and the helpers return promises.
import { createActor } from 'xstate'
import { authMachine, refresh, selectAuth, signIn, signOut, transportActors } from 'gatehouse'

// `basePath` is where the auth routes are mounted; the default is /api/auth.
const machine = authMachine.provide({ actors: transportActors({ basePath: '/api/auth' }) })

// `session: null` says the server knows nobody is signed in; leave it out to ask the session route.
const auth = createActor(machine, { input: { session: null } })

auth.subscribe((snapshot) => {
  const { status, user, reconnecting } = selectAuth(snapshot)
  document.body.dataset.auth = status
  if (user) console.log(`signed in as ${user.email}`)
  if (reconnecting) console.info('the backend is unreachable: retrying the refresh')
})
auth.start()

const result = await signIn(auth, { email: 'demo@example.com', password: 'demo-password' })
if (!result.ok) console.warn(result.error.message)

// `refresh` resolves true once a newer session is in; one already running is joined, not repeated.
document.querySelector('#refresh')?.addEventListener('click', () => refresh(auth))
document.querySelector('#sign-out')?.addEventListener('click', () => signOut(auth))
// auth.stop() when done.
