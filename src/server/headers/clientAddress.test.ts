import { describe, expect, it } from 'vitest'
import { createFakeBackend } from '../../../test/fakeBackend'
import { restAdapter } from '../backend/rest/restAdapter'
import { createGatehouse, type GatehouseOptions } from '../createGatehouse'
import { createBackendProxy } from '../proxy/createBackendProxy'
import { addressFromForwardedFor, clientAddressReader } from './clientAddress'

describe('addressFromForwardedFor', () => {
  it('takes the entry the trusted proxies wrote, ignoring whatever the client put to its left', () => {
    expect(addressFromForwardedFor('6.6.6.6', 1)).toBe('6.6.6.6')
    expect(addressFromForwardedFor('6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7')
    expect(addressFromForwardedFor('1.1.1.1, 6.6.6.6,203.0.113.7', 1)).toBe('203.0.113.7')
    expect(addressFromForwardedFor('6.6.6.6, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7')
    expect(addressFromForwardedFor('6.6.6.6, 203.0.113.7, 10.0.0.2, 10.0.0.3', 3)).toBe('203.0.113.7')
  })

  it('ignores garbage the client wrote to the left of the trusted entries', () => {
    expect(addressFromForwardedFor('<script>, , unknown, 203.0.113.7', 1)).toBe('203.0.113.7')
    expect(addressFromForwardedFor(`${'x'.repeat(10_000)}, 203.0.113.7, 10.0.0.2`, 2)).toBe('203.0.113.7')
  })

  it('sends nothing when there are fewer entries than trusted proxies: the one left may be the client’s', () => {
    expect(addressFromForwardedFor('203.0.113.7', 2)).toBeUndefined()
    expect(addressFromForwardedFor('203.0.113.7, 10.0.0.2', 3)).toBeUndefined()
    expect(addressFromForwardedFor(null, 1)).toBeUndefined()
  })

  it('sends nothing when a trusted entry is not a plain IP address', () => {
    for (const value of [
      '',
      ' ',
      'unknown',
      '203.0.113.7:4711',
      '[2001:db8::1]',
      '[2001:db8::1]:443',
      '203.0.113.07',
      '203.0.113',
      '203.0.113.256',
      'fe80::1%eth0',
      'example.com',
      '203.0.113.7\r\nx-admin: 1',
      '203.0.113.7;rm',
    ])
      expect(addressFromForwardedFor(value, 1), JSON.stringify(value)).toBeUndefined()
    expect(addressFromForwardedFor('203.0.113.7, garbage', 2)).toBeUndefined()
    expect(addressFromForwardedFor('203.0.113.7, ', 2)).toBeUndefined()
    expect(addressFromForwardedFor('203.0.113.7,,10.0.0.2', 2)).toBeUndefined()
  })

  it('reads IPv6 entries, and an IPv4 client on a dual-stack socket as plain IPv4', () => {
    expect(addressFromForwardedFor('6.6.6.6, 2001:db8::7', 1)).toBe('2001:db8::7')
    expect(addressFromForwardedFor('2001:db8::7, ::1', 2)).toBe('2001:db8::7')
    expect(addressFromForwardedFor('::ffff:203.0.113.7', 1)).toBe('203.0.113.7')
    expect(addressFromForwardedFor('::FFFF:203.0.113.7', 1)).toBe('203.0.113.7')
    expect(addressFromForwardedFor('::ffff:cb00:7107', 1)).toBe('::ffff:cb00:7107')
    // One client, one address: however the proxy wrote it.
    expect(addressFromForwardedFor('2001:DB8:0:0:0:0:0:7', 1)).toBe('2001:db8::7')
    expect(addressFromForwardedFor('2001:db8::7::1', 1)).toBeUndefined()
    expect(addressFromForwardedFor('1.2.3', 1)).toBeUndefined()
  })

  it('trims the optional whitespace around entries, as header lists allow', () => {
    expect(addressFromForwardedFor(' 6.6.6.6 ,\t203.0.113.7 ', 1)).toBe('203.0.113.7')
  })
})

describe('clientAddressReader', () => {
  const headers = (forwardedFor: string) => new Headers({ 'x-forwarded-for': forwardedFor })

  it('is off without the option', () => {
    expect(clientAddressReader(undefined)).toBeUndefined()
  })

  it('names the configured header, lower-cased, and reads the address from X-Forwarded-For only', () => {
    const reader = clientAddressReader({ header: 'X-Client-IP', trustedHops: 1 })
    expect(reader?.header).toBe('x-client-ip')
    expect(reader?.of(headers('6.6.6.6, 203.0.113.7'))).toEqual({ header: 'x-client-ip', address: '203.0.113.7' })
    expect(reader?.of(new Headers({ 'x-real-ip': '6.6.6.6', forwarded: 'for=6.6.6.6', 'x-client-ip': '6.6.6.6' }))).toBeUndefined()
  })

  it('may send the address as X-Forwarded-For itself: the one address, never the chain the client began', () => {
    const reader = clientAddressReader({ header: 'X-Forwarded-For', trustedHops: 2 })
    expect(reader?.of(headers('6.6.6.6, 203.0.113.7, 10.0.0.2'))).toEqual({ header: 'x-forwarded-for', address: '203.0.113.7' })
  })

  it.each([
    'Cookie',
    'authorization',
    'Host',
    'content-length',
    'content-type',
    'accept',
    'if-none-match',
    'connection',
    'transfer-encoding',
    'access-control-request-method',
    'x-middleware-subrequest',
  ])('refuses %j as the header, with a message naming it', (header) => {
    expect(() => clientAddressReader({ header, trustedHops: 1 })).toThrow(
      new RegExp(`\`clientAddress.header\` cannot be "${header.toLowerCase()}": gatehouse sets that header itself`),
    )
  })

  it('refuses Forwarded, whose value is not an address, and names that are not header names', () => {
    expect(() => clientAddressReader({ header: 'Forwarded', trustedHops: 1 })).toThrow(/cannot be "forwarded": its value is a list/)
    for (const header of ['', 'x client', 'x-ip:', 'x-ä'])
      expect(() => clientAddressReader({ header, trustedHops: 1 })).toThrow(/which is not a header name/)
  })

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1' as unknown as number])(
    'refuses %j trusted hops, saying why none cannot work under Next.js',
    (trustedHops) => {
      expect(() => clientAddressReader({ header: 'x-client-ip', trustedHops })).toThrow(
        /`clientAddress.trustedHops` must be .* a whole number of at least 1; .*Next.js keeps an X-Forwarded-For the client sent/,
      )
    },
  )
})

describe('the clientAddress option, at creation', () => {
  const create = (options: Partial<GatehouseOptions>) =>
    createGatehouse({
      backend: restAdapter({ baseUrl: 'http://backend.test', fetch: createFakeBackend().fetch }),
      secret: 'client-address-test-secret-0123456789abc',
      ...options,
    })

  it('makes createGatehouse throw on a bad header or hop count', () => {
    expect(() => create({ clientAddress: { header: 'Authorization', trustedHops: 1 } })).toThrow(/cannot be "authorization"/)
    expect(() => create({ clientAddress: { header: 'X-Client-IP', trustedHops: 0 } })).toThrow(/trustedHops/)
    expect(() => create({ clientAddress: { header: 'X-Client-IP', trustedHops: 1 } })).not.toThrow()
  })

  it('makes createBackendProxy refuse forwardHeaders that would pass the client’s own address on', () => {
    const gatehouse = create({ clientAddress: { header: 'X-Client-IP', trustedHops: 1 } })
    const proxyListing = (name: string) => () => createBackendProxy(gatehouse, { allow: ['/orders'], forwardHeaders: [name] })
    expect(proxyListing('X-Client-IP')).toThrow(/`forwardHeaders` cannot list "x-client-ip": the proxy sets or drops that header itself/)
    for (const name of ['X-Forwarded-For', 'x-real-ip', 'Forwarded'])
      expect(proxyListing(name)).toThrow(new RegExp(`\`forwardHeaders\` cannot list "${name.toLowerCase()}": any client can write it`))
    expect(() => createBackendProxy(create({}), { allow: ['/orders'], forwardHeaders: ['x-forwarded-for'] })).toThrow(
      /use createGatehouse's `clientAddress` option/,
    )
  })
})
