import type { ClientAddress } from '../backend/BackendAdapter'
import { isHeaderName } from './headerNames'
import { FORWARDED, NEVER_FORWARDED } from './requestHeaderRules'

/** `createGatehouse`'s `clientAddress`: which header tells the backend the client's address, and how many proxies to trust for it. */
export interface ClientAddressOptions {
  /**
   * The one header the backend receives the client's address in, e.g. `X-Client-IP` or
   * `X-Forwarded-For` (then holding that address alone, not the chain).
   */
  header: string
  /**
   * How many proxies in front of the app you run or trust, each adding the address it received
   * the request from to `X-Forwarded-For` (nginx's `$proxy_add_x_forwarded_for`, a cloud load
   * balancer): 1 for one nginx. The address is the entry this many places from the right.
   */
  trustedHops: number
}

/** A request's headers, or `next/headers`' read-only view of them. */
export type RequestHeaders = Pick<Headers, 'get'>

/** Reads the client's address from a request's headers, as the app's `clientAddress` option says. */
export interface ClientAddressReader {
  /** The header the backend receives the address in, lower-cased. */
  readonly header: string
  /** The address and its header; `undefined` when the trusted proxies do not tell it. */
  of(headers: RequestHeaders): ClientAddress | undefined
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/
const IPV4_MAPPED = /^::ffff:([\d.]+)$/i
const IPV6_CHARACTERS = /^[\da-f:.]+$/i

/**
 * `entry` as a plain address, `undefined` unless it is one (a port, brackets, a zone or `unknown`
 * are not). Checked with the URL parser rather than `node:net`, so the server layer runs wherever
 * `Request` does; an IPv6 address comes out in its canonical form, so one client is one address.
 */
function plainAddress(entry: string): string | undefined {
  // A dual-stack socket reports an IPv4 client as ::ffff:a.b.c.d: the backend should count one client once.
  const mapped = IPV4_MAPPED.exec(entry)?.[1]
  if (mapped !== undefined) return IPV4.test(mapped) ? mapped : undefined
  if (IPV4.test(entry)) return entry
  if (!entry.includes(':') || !IPV6_CHARACTERS.test(entry)) return undefined
  try {
    return new URL(`http://[${entry}]/`).hostname.slice(1, -1)
  } catch {
    return undefined
  }
}

/**
 * The client's address in an `X-Forwarded-For` value, given how many proxies in front of the app
 * are trusted. Each trusted proxy appends the address it received the request from; Next.js adds
 * nothing when the header is there (it only fills it with the socket's address when it is absent),
 * so the nearest proxy's own address never appears, and the client's is the entry `trustedHops`
 * places from the right. Whatever stands to its left came with the request and is ignored. Too
 * few entries, or one among the trusted ones that is not a plain IP address, give `undefined`:
 * never an address the client chose.
 *
 * @example
 * addressFromForwardedFor('6.6.6.6, 203.0.113.7', 1) // '203.0.113.7': the client wrote 6.6.6.6
 * addressFromForwardedFor('203.0.113.7, 10.0.0.2', 2) // '203.0.113.7', behind a CDN and then nginx
 * addressFromForwardedFor('203.0.113.7', 2) // undefined: one of the two proxies is missing
 */
export function addressFromForwardedFor(forwardedFor: string | null, trustedHops: number): string | undefined {
  if (forwardedFor === null) return undefined
  const entries = forwardedFor.split(',').map((entry) => entry.trim())
  if (entries.length < trustedHops) return undefined
  const written = entries.slice(entries.length - trustedHops).map(plainAddress)
  return written.every((address) => address !== undefined) ? written[0] : undefined
}

/**
 * The reader for the app's `clientAddress` option, or `undefined` without one. Throws at once on
 * a header the backend proxy sets itself or that carries the client's own values, and on a hop
 * count that is not a whole number of at least 1.
 *
 * @example
 * const clientAddress = clientAddressReader({ header: 'X-Client-IP', trustedHops: 1 })
 * clientAddress?.of(request.headers) // { header: 'x-client-ip', address: '203.0.113.7' }
 */
export function clientAddressReader(options: ClientAddressOptions | undefined): ClientAddressReader | undefined {
  if (options === undefined) return undefined
  const header = String(options.header).trim().toLowerCase()
  if (!isHeaderName(header))
    throw new Error(`gatehouse: \`clientAddress.header\` is ${JSON.stringify(options.header)}, which is not a header name.`)
  if (NEVER_FORWARDED.has(header) || FORWARDED.includes(header) || header.startsWith('access-control-'))
    throw new Error(
      `gatehouse: \`clientAddress.header\` cannot be "${header}": gatehouse sets that header itself, or forwards the client's own. Name a header of its own, such as X-Client-IP.`,
    )
  if (header === 'forwarded')
    throw new Error(
      'gatehouse: `clientAddress.header` cannot be "forwarded": its value is a list of `for=` pairs, not an address. Name a header such as X-Client-IP or X-Forwarded-For.',
    )
  const { trustedHops } = options
  if (!Number.isInteger(trustedHops) || trustedHops < 1)
    throw new Error(
      `gatehouse: \`clientAddress.trustedHops\` must be the number of proxies in front of the app that add to X-Forwarded-For, a whole number of at least 1; it is ${String(trustedHops)}. Next.js keeps an X-Forwarded-For the client sent and fills in the socket's address only when there is none, so with no proxy in front the client's address cannot be told from one it made up: leave \`clientAddress\` out.`,
    )
  return {
    header,
    of(headers) {
      const address = addressFromForwardedFor(headers.get('x-forwarded-for'), trustedHops)
      return address === undefined ? undefined : { header, address }
    },
  }
}
