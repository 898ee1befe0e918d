'use client'
import { useSelector } from '@xstate/react'
import type { AuthSnapshot } from '../core/authMachine'
import { useAuthActor } from './AuthProvider'

/**
 * What `selector` reads from the auth machine's snapshot; the component re-renders only when
 * that changes (by `compare`, `===` unless told otherwise).
 *
 * @example
 * const isAdmin = useAuthSelector(({ context }) => context.user?.roles.includes('admin') ?? false)
 */
export function useAuthSelector<Selected>(
  selector: (snapshot: AuthSnapshot) => Selected,
  compare?: (a: Selected, b: Selected) => boolean,
): Selected {
  return useSelector(useAuthActor(), selector, compare)
}
