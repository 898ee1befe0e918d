import { readLimitedBytes } from './readLimitedBytes'

/** Reads a body as text, giving up (and returning `null`) once it passes `maxBytes`. */
export async function readLimitedText(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<string | null> {
  const bytes = await readLimitedBytes(body, maxBytes)
  return bytes && new TextDecoder().decode(bytes)
}
