import type { IncomingMessage } from 'node:http'
import { HttpError } from './HttpError'

/**
 * Reads and parses the request body as JSON. An empty body counts as `{}` so that it reaches
 * validation (422) rather than being reported as malformed (400).
 * @throws HttpError 413 past `maxBytes` (before reading, when `content-length` says so), 400 when the
 * body is not JSON or the client hung up before sending all of it.
 *
 * @example
 * const { email, password } = validateLoginBody(await readJsonBody(req, 16 * 1024))
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  // `connection: close` because the rest of an oversized upload is not worth reading on a kept-alive socket.
  const tooLarge = () => new HttpError(413, 'The request body is too large.', { headers: { connection: 'close' } })
  if (Number(req.headers['content-length']) > maxBytes) throw tooLarge()

  const raw = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let overflowed = false
    req.on('data', (chunk: Buffer) => {
      if (overflowed) return
      size += chunk.length
      if (size > maxBytes) {
        // Keep draining instead of destroying the request: destroying it would kill the socket before the 413 is sent.
        overflowed = true
        reject(tooLarge())
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    // A client that hangs up mid-body is not a server error; the answer will not reach it anyway.
    req.on('error', () => reject(new HttpError(400, 'The request body was cut off.')))
  })

  const text = raw.toString('utf8')
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.')
  }
}
