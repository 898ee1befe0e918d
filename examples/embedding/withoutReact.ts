// Any framework, or none: the machine is an XState actor.
import { createActor } from 'xstate'
import { authMachine, selectAuth, transportActors } from 'gatehouse'

// `basePath` is where the proxy routes are mounted; the default is /api/auth.
const machine = authMachine.provide({ actors: transportActors({ basePath: '/api/auth' }) })

// `session: null` says the server knows nobody is signed in; leave it out to ask the session route.
const auth = createActor(machine, { input: { session: null } })

auth.subscribe((snapshot) => {
  const { status, user, error, reconnecting } = selectAuth(snapshot)
  document.body.dataset.auth = status
  if (user) console.log(`signed in as ${user.email}`)
  if (error) console.warn(error.message)
  if (reconnecting) console.info('the backend is unreachable: retrying the refresh')
})
auth.start()

auth.send({ type: 'auth.login', credentials: { email: 'demo@example.com', password: 'demo-password' } })
// Later: auth.send({ type: 'auth.refresh' }) or auth.send({ type: 'auth.logout' }); auth.stop() when done.
