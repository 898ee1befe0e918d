import type { AddressInfo } from 'node:net'
import { createDemoBackend } from './createDemoBackend'

const HOST = '127.0.0.1'

function fail(message: string): never {
  console.error(`demo backend: ${message}`)
  process.exit(1)
}

/** Reads an integer env var within [min, max], falling back when it is unset or blank. */
function readInteger(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]?.trim()
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  // The regex rejects forms Number() would accept but nobody means, such as "1e3", "0x10" or "1.5".
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    fail(`${name} must be an integer between ${min} and ${max}, got "${raw}".`)
  }
  return value
}

const port = readInteger('DEMO_BACKEND_PORT', 4000, 0, 65535)
const accessTokenTtl = readInteger('DEMO_ACCESS_TOKEN_TTL', 900, 1, Number.MAX_SAFE_INTEGER)
const refreshTokenTtl = readInteger('DEMO_REFRESH_TOKEN_TTL', 604800, 1, Number.MAX_SAFE_INTEGER)
const jwtSecret = process.env.DEMO_JWT_SECRET || undefined
// RFC 7518 §3.2 requires an HS256 key of at least 256 bits.
if (jwtSecret !== undefined && Buffer.byteLength(jwtSecret) < 32) {
  fail('DEMO_JWT_SECRET must be at least 32 bytes long (leave it unset for a random secret).')
}

const { server } = createDemoBackend({
  accessTokenTtl,
  refreshTokenTtl,
  jwtSecret,
  // Said where the developer looks; the link itself only in the outbox, since it carries a token.
  onMail: (mail) => console.log(`demo backend: mail to ${mail.to}, "${mail.subject}" (read it at GET /dev/outbox)`),
})

server.on('error', (error) => fail(`could not listen on ${HOST}:${port}: ${error.message}`))
server.listen(port, HOST, () => {
  const { port: actualPort } = server.address() as AddressInfo
  console.log(`demo backend listening on http://${HOST}:${actualPort}`)
})

function shutdown(): void {
  server.close()
  // Kept-alive client sockets would otherwise hold the process open after close().
  server.closeAllConnections()
}
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)
