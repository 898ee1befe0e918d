'use client'
import { useAuth } from 'gatehouse/react'
import { useRouter } from 'next/navigation'
import { useEffect, useRef } from 'react'

/**
 * Re-renders the page through the server when the session changes under it — signed in or out
 * in another tab, or ended by the backend — so protected pages leave and the sign-in page moves
 * on.
 */
export function SessionFollower() {
  const { status } = useAuth()
  const router = useRouter()
  const previous = useRef(status)
  useEffect(() => {
    if (previous.current !== 'loading' && previous.current !== status) router.refresh()
    previous.current = status
  }, [status, router])
  return null
}
