import Link from 'next/link'
import { backend } from '../auth'
import { OutboxHint } from './OutboxHint'

export default function HomePage() {
  return (
    <section>
      <h1>gatehouse example</h1>
      <p>
        This app signs people in against an external backend. Tokens stay on the server in sealed, httpOnly cookies; the browser only knows
        who is signed in.
      </p>
      <p>
        Try <Link href="/dashboard">the dashboard</Link> (signed in) or <Link href="/admin">the admin page</Link> (role admin). Demo
        accounts: <code>demo@example.com</code> / <code>demo-password</code>, <code>admin@example.com</code> / <code>admin-password</code>,
        and <code>totp@example.com</code> / <code>totp-password</code>, who also needs a code from an authenticator app set up with the
        secret <code>JBSWY3DPEHPK3PXP</code> (or a recovery code: <code>recovery-code-one</code>).
      </p>
      {backend.signUp ? (
        <p>
          Or <Link href="/sign-up">sign up</Link> for an account of your own.
        </p>
      ) : null}
      <OutboxHint />
    </section>
  )
}
