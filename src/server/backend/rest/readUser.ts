import type { User } from '../../../contract/types'
import { invalidResponse } from '../backendFetch'
import { readPath } from './readPath'
import type { ResolvedRestOptions } from './resolveRestOptions'

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value.slice(0, 200) : undefined)

/**
 * Maps the backend's user onto gatehouse's `User`, keeping a small, known subset so the sealed
 * cookie stays small.
 *
 * @example
 * readUser({ pk: 3, username: 'ada', groups: ['staff'] }, { id: 'pk', name: ['username'], email: 'email', roles: ['groups'] })
 * // { id: '3', name: 'ada', roles: ['staff'] }
 */
export function readUser(value: unknown, mapping: ResolvedRestOptions['user']): User {
  const id = readPath(value, mapping.id)
  if (typeof id !== 'string' && typeof id !== 'number') throw invalidResponse(`no user with an id at "${mapping.id}" in its answer`)
  const name = mapping.name
    .map((path) => text(readPath(value, path)))
    .filter(Boolean)
    .join(' ')
  const email = text(readPath(value, mapping.email))
  const roles = mapping.roles.map((path) => readPath(value, path)).find((found) => found !== undefined && found !== null)
  return {
    id: String(id),
    ...(name ? { name: name.slice(0, 200) } : {}),
    ...(email ? { email } : {}),
    roles: (Array.isArray(roles) ? roles : [roles]).filter((role): role is string => typeof role === 'string').slice(0, 50),
  }
}
