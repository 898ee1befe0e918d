import type { ExpiryFormat } from './RestAdapterOptions'

/**
 * An expiry field as epoch milliseconds, or `undefined` when the value does not fit the format.
 * Numbers written as strings (`"3600"`) are accepted, as some backends send them.
 *
 * @example
 * readExpiry(3600, 'lifetime-seconds', Date.now()) // an hour from now
 */
export function readExpiry(value: unknown, format: ExpiryFormat, now: number): number | undefined {
  if (format === 'iso') {
    const time = typeof value === 'string' ? Date.parse(value) : NaN
    return Number.isNaN(time) ? undefined : time
  }
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
  if (!Number.isFinite(number)) return undefined
  switch (format) {
    case 'epoch-seconds':
      return number * 1000
    case 'epoch-ms':
      return number
    case 'lifetime-seconds':
      return now + number * 1000
    case 'lifetime-ms':
      return now + number
  }
}
