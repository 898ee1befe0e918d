import { requireSession } from '../../auth'

export default async function AdminPage() {
  const { user } = await requireSession('/admin')
  if (!user.roles.includes('admin')) {
    return (
      <section>
        <h1>Forbidden</h1>
        <p>This page is for administrators. You are signed in as {user.email}, who is not one.</p>
      </section>
    )
  }
  return (
    <section>
      <h1>Admin</h1>
      <p>Only people with the admin role see this page, {user.name}.</p>
    </section>
  )
}
