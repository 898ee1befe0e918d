import { decodeBase64url, encodeBase64url } from './base64url'

export interface Sealer {
  /** Encrypts and authenticates `value`, bound to `purpose` (the cookie it is written to). */
  seal(value: unknown, purpose: string): Promise<string>
  /** The sealed value, or `null` when it is garbled, tampered with, sealed for another purpose or with an unknown key. */
  unseal<T>(sealed: string, purpose: string): Promise<T | null>
  /** A keyed digest of `value` (HMAC-SHA-256, base64url), bound to `purpose`: a name for a secret that does not reveal it. */
  digest(value: string, purpose: string): Promise<string>
}

const VERSION = 'v1'
const encoder = new TextEncoder()

/** A key for one use, derived (HKDF-SHA-256) from a secret: `info` keeps the uses apart. */
const deriveKey = async (secret: string, info: string, algorithm: AesKeyGenParams | HmacKeyGenParams, usages: KeyUsage[]) => {
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('gatehouse'), info: encoder.encode(info) },
    material,
    algorithm,
    false,
    usages,
  )
}
const sealingKey = (secret: string) =>
  deriveKey(secret, 'gatehouse cookie sealing v1', { name: 'AES-GCM', length: 256 }, ['encrypt', 'decrypt'])
const digestKey = (secret: string) => deriveKey(secret, 'gatehouse digest v1', { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign'])

/**
 * AES-256-GCM sealing with keys derived (HKDF-SHA-256) from the secrets. The first secret seals
 * and digests; every secret unseals, so a secret can be rotated without signing everyone out.
 *
 * @example
 * const sealer = createSealer([process.env.AUTH_SECRET!])
 * const cookie = await sealer.seal({ refreshToken }, 'refresh')
 */
export function createSealer(secrets: readonly string[]): Sealer {
  if (secrets.length === 0) throw new Error('gatehouse: at least one secret is needed to seal cookies.')
  const keys = secrets.map(sealingKey)
  let digesting: Promise<CryptoKey> | undefined
  return {
    async digest(value, purpose) {
      digesting ??= digestKey(secrets[0]!)
      const mac = await crypto.subtle.sign('HMAC', await digesting, encoder.encode(`${purpose}\n${value}`))
      return encodeBase64url(new Uint8Array(mac))
    },
    async seal(value, purpose) {
      const iv = crypto.getRandomValues(new Uint8Array(12))
      const plaintext = encoder.encode(JSON.stringify(value))
      const ciphertext = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encoder.encode(purpose) },
        await keys[0]!,
        plaintext,
      )
      return `${VERSION}.${encodeBase64url(iv)}.${encodeBase64url(new Uint8Array(ciphertext))}`
    },
    async unseal<T>(sealed: string, purpose: string) {
      const [version, ivText, ciphertextText, ...rest] = sealed.split('.')
      const iv = decodeBase64url(ivText ?? '')
      const ciphertext = decodeBase64url(ciphertextText ?? '')
      if (version !== VERSION || rest.length > 0 || iv?.length !== 12 || !ciphertext) return null
      for (const key of keys) {
        try {
          const plaintext = await crypto.subtle.decrypt(
            { name: 'AES-GCM', iv, additionalData: encoder.encode(purpose) },
            await key,
            ciphertext,
          )
          return JSON.parse(new TextDecoder().decode(plaintext)) as T
        } catch {
          // Not sealed with this key: try the next one.
        }
      }
      return null
    },
  }
}
