import type { ServerResponse } from 'node:http'

/** Writes `body` as JSON with `status`; with no body (e.g. 204) only the status and headers are sent. */
export function sendJson(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  // Once headers are out the status can no longer change, so the only honest signal left is a cut connection.
  if (res.headersSent) {
    res.destroy()
    return
  }
  if (body === undefined) {
    res.writeHead(status, headers).end()
    return
  }
  const payload = JSON.stringify(body)
  res
    .writeHead(status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(payload)),
      ...headers,
    })
    .end(payload)
}
