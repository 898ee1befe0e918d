import { payloadTooLarge } from '../GatehouseError'
import { readLimitedText } from '../backend/readLimitedText'

/** A request body as text, refused once it is longer than `maxBytes`, whatever its `content-length` says. */
export async function readBoundedText(request: Request, maxBytes: number): Promise<string> {
  const text = Number(request.headers.get('content-length') ?? 0) > maxBytes ? null : await readLimitedText(request.body, maxBytes)
  if (text === null) throw payloadTooLarge(maxBytes)
  return text
}
