import { requireSession } from '../../auth'
import { BackendProfile } from './BackendProfile'

export default async function DashboardPage() {
  const { user } = await requireSession('/dashboard')
  return (
    <section>
      <h1>Dashboard</h1>
      <p>
        Welcome, <strong data-testid="user-name">{user.name}</strong>.
      </p>
      <dl>
        <dt>Email</dt>
        <dd data-testid="user-email">{user.email}</dd>
        <dt>Roles</dt>
        <dd>{user.roles.join(', ') || 'none'}</dd>
      </dl>
      <BackendProfile />
    </section>
  )
}
