import Link from 'next/link'

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
        accounts: <code>demo@example.com</code> / <code>demo-password</code>, <code>admin@example.com</code> / <code>admin-password</code>.
      </p>
    </section>
  )
}
