'use client'
import { useAuthFetch } from 'gatehouse/react'
import { useEffect, useState } from 'react'

/** The profile as the backend itself answers it, fetched through the backend proxy route: the browser never holds the token. */
export function BackendProfile() {
  const authFetch = useAuthFetch()
  const [text, setText] = useState('Loading…')
  useEffect(() => {
    authFetch('/api/backend/auth/profile')
      .then(async (response) => {
        const body = await response.json()
        setText(
          response.ok ? `${body.data.email} (id ${body.data.id})` : (body.error?.message ?? `The backend answered ${response.status}.`),
        )
      })
      .catch(() => setText('The backend could not be reached.'))
  }, [authFetch])
  return (
    <>
      <h2>Your profile, from the backend</h2>
      <p data-testid="backend-profile">{text}</p>
    </>
  )
}
