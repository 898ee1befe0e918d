'use client'
import { LoginForm } from 'gatehouse/ui'
import { useRouter } from 'next/navigation'

export function LoginPanel({ next }: { next: string }) {
  const router = useRouter()
  return <LoginForm onSuccess={() => router.replace(next)} />
}
