/**
 * The value at a dot path (`"data.session.token"`); `""` is the value itself. Only own
 * properties of plain objects are followed, so a path can never reach a prototype.
 *
 * @example
 * readPath({ data: { token: 'abc' } }, 'data.token') // 'abc'
 */
export function readPath(value: unknown, path: string): unknown {
  if (path === '') return value
  let current = value
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, key)) return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}
