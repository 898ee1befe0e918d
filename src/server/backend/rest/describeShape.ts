const MAX_DEPTH = 4
const MAX_KEYS = 20

/**
 * What a backend's JSON answer is made of, without any of its values: each field with its type,
 * and a string's length. Enough to see which field holds what (`token: string(164)`), with no
 * token, password or personal detail in it.
 *
 * @example
 * describeShape({ data: { token: 'eyJ…', expires: 900000, user: { id: 1 } } })
 * // '{data: {token: string(164), expires: number, user: {id: number}}}'
 */
export function describeShape(value: unknown, depth = 0): string {
  if (value === null) return 'null'
  if (typeof value === 'string') return `string(${value.length})`
  if (Array.isArray(value)) return value.length === 0 ? 'array(0)' : `array(${value.length}) of ${describeShape(value[0], depth + 1)}`
  if (typeof value !== 'object') return typeof value
  if (depth >= MAX_DEPTH) return '{…}'
  const entries = Object.entries(value)
  const shown = entries.slice(0, MAX_KEYS).map(([key, inner]) => `${JSON.stringify(key).slice(1, -1)}: ${describeShape(inner, depth + 1)}`)
  if (entries.length > MAX_KEYS) shown.push(`… ${entries.length - MAX_KEYS} more`)
  return `{${shown.join(', ')}}`
}
