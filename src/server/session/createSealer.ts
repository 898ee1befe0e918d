import { decodeBase64url, encodeBase64url } from '../base64url'
import { sealingKeys, type SealingKeys } from './sealingKeys'

export interface Sealer {
  /** Encrypts and authenticates `value`, bound to `purpose` (the cookie it is written to). */
  seal(value: unknown, purpose: string): Promise<string>
  /** The sealed value, or `null` when it is garbled, tampered with, sealed for another purpose or with an unknown key. */
  unseal<T>(sealed: string, purpose: string): Promise<T | null>
  /**
   * What `sealed` opened to last time, at once, while it is still kept; else `undefined` (then
   * `unseal` it). Reading a session is then free of promises, each of which costs a request
   * more than its work inside Next.js, where every promise carries the request's async context.
   */
  opened<T>(sealed: string, purpose: string): T | undefined
  /** A keyed digest of `value` (HMAC-SHA-256, base64url), bound to `purpose`: a name for a secret that does not reveal it. */
  digest(value: string, purpose: string): Promise<string>
}

const VERSION = 'v1'
const encoder = new TextEncoder()
const decoder = new TextDecoder()
/** How many opened values a sealer keeps; each is a cookie's worth, so about a megabyte at most. */
export const OPENED_KEPT = 1_000

/** Frozen all the way down: an opened value is shared by every request that carries its cookie. */
const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

/**
 * AES-256-GCM sealing with keys derived (HKDF-SHA-256) from the secrets. The first secret seals
 * and digests; every secret unseals, so a secret can be rotated without signing everyone out.
 *
 * A browser sends the same sealed cookie with every request until the next refresh, so the
 * values opened last are kept (frozen) by the exact text and purpose that opened them: the same
 * bytes under the same keys always open to the same value, and only what opened is kept, so
 * garbage sent by anyone cannot crowd out real sessions. Expiry is not part of what is kept;
 * every read checks it against the clock.
 *
 * @example
 * const sealer = createSealer([process.env.AUTH_SECRET!])
 * const cookie = await sealer.seal({ refreshToken }, 'refresh')
 */
export function createSealer(secrets: readonly string[], given?: SealingKeys): Sealer {
  if (secrets.length === 0) throw new Error('gatehouse: at least one secret is needed to seal cookies.')
  const keys = given ?? sealingKeys(secrets)
  const opened = new Map<string, unknown>()
  const open = async (sealed: string, purpose: string) => {
    const [version, ivText, ciphertextText, ...rest] = sealed.split('.')
    const iv = decodeBase64url(ivText ?? '')
    const ciphertext = decodeBase64url(ciphertextText ?? '')
    if (version !== VERSION || rest.length > 0 || iv?.length !== 12 || !ciphertext) return null
    for (let index = 0; index < keys.count; index += 1) {
      try {
        return deepFreeze(JSON.parse(decoder.decode(await keys.decrypt(index, iv, purpose, ciphertext))) as unknown)
      } catch {
        // Not sealed with this key: try the next one.
      }
    }
    return null
  }
  const keyOf = (sealed: string, purpose: string) => `${purpose}\n${sealed}`
  const recall = (key: string) => {
    const value = opened.get(key)
    if (value === undefined) return undefined
    // Kept as the most recently used: what is evicted is what no browser has sent for longest.
    opened.delete(key)
    opened.set(key, value)
    return value
  }
  return {
    async digest(value, purpose) {
      return encodeBase64url(await keys.mac(encoder.encode(`${purpose}\n${value}`)))
    },
    async seal(value, purpose) {
      const iv = crypto.getRandomValues(new Uint8Array(12))
      const sealed = await keys.encrypt(iv, purpose, encoder.encode(JSON.stringify(value)))
      return `${VERSION}.${encodeBase64url(iv)}.${encodeBase64url(sealed)}`
    },
    opened: <T>(sealed: string, purpose: string) => recall(keyOf(sealed, purpose)) as T | undefined,
    async unseal<T>(sealed: string, purpose: string) {
      const key = keyOf(sealed, purpose)
      const kept = recall(key)
      if (kept !== undefined) return kept as T
      const value = await open(sealed, purpose)
      if (value === null) return null
      if (opened.size >= OPENED_KEPT) opened.delete(opened.keys().next().value!)
      opened.set(key, value)
      return value as T
    },
  }
}
