import { describe, expect, it } from 'vitest'
import { authRequest } from '../authRequests'
import { ERROR_MESSAGES, type ErrorCode } from '../../src/contract/errorCatalogue'
import { createGatehouse } from '../../src/server/createGatehouse'
import { restAdapter } from '../../src/server/backend/rest/restAdapter'

const DEMO = { email: 'demo@example.com', password: 'demo-password' }
// What would describe the backend: its host, its paths, its field names, a status, or the way gatehouse words a diagnosis.
const DESCRIBES_BACKEND = /backend\.test|\/auth\/|\/api\/auth|access_token|data\.token|\b[1-5]\d\d\b|answered|cannot use|gatehouse/i

/** A sign-in against a backend that answers `answer` (or fails to connect), as the browser reads it. */
async function signInAgainst(answer: () => Response | Promise<Response>, options: Partial<Parameters<typeof restAdapter>[0]> = {}) {
  const logger = { warn: () => {}, error: () => {} }
  const gatehouse = createGatehouse({
    backend: restAdapter({ baseUrl: 'http://backend.test', fetch: async () => answer(), timeoutMs: 50, ...options }),
    secret: 'browser-messages-secret-that-is-long-0123456789',
    logger,
  })
  const response = await gatehouse.handle(authRequest('signIn', { body: DEMO }))
  return { status: response.status, error: ((await response.json()) as { error: { code: ErrorCode; message: string } }).error }
}

describe('what the browser is told names nothing of the backend', () => {
  it.each<[string, () => Response | Promise<Response>, Partial<Parameters<typeof restAdapter>[0]>, number, ErrorCode]>([
    [
      'a 500 at /auth/login',
      () => Response.json({ message: 'SQLSTATE[08006] at db.internal:5432' }, { status: 500 }),
      {},
      502,
      'backend_invalid_response',
    ],
    [
      'a 404 at a wrong sign-in path',
      () => Response.json({}, { status: 404 }),
      { signIn: { path: '/auth/signin' } },
      502,
      'backend_invalid_response',
    ],
    ['a 200 without the token field', () => Response.json({ data: { user: { id: 1 } } }), {}, 502, 'backend_invalid_response'],
    ['a 200 that is not JSON', () => new Response('<html>500</html>', { status: 200 }), {}, 502, 'backend_invalid_response'],
    [
      'a refused connection',
      () => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })),
      {},
      502,
      'backend_unavailable',
    ],
    ['no answer in time', () => new Promise<Response>(() => {}), {}, 504, 'backend_timeout'],
  ])('%s is answered with the catalogue sentence for its code', async (_, answer, options, status, code) => {
    const { status: answered, error } = await signInAgainst(answer, options)
    expect([answered, error.code]).toEqual([status, code])
    expect(error.message).toBe(ERROR_MESSAGES[code])
    expect(error.message).not.toMatch(DESCRIBES_BACKEND)
  })

  it('answers an unknown auth route and a wrong method without repeating the path', async () => {
    const gatehouse = createGatehouse({
      backend: restAdapter({ baseUrl: 'http://backend.test', fetch: async () => new Response(null) }),
      secret: 'browser-messages-secret-that-is-long-0123456789',
      logger: { warn: () => {}, error: () => {} },
    })
    const missing = await gatehouse.handle(authRequest('no-such-route', { method: 'GET' }))
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: ERROR_MESSAGES.not_found } })
    const wrongMethod = await gatehouse.handle(authRequest('session', { method: 'POST' }))
    expect(wrongMethod.headers.get('allow')).toBe('GET')
    expect(await wrongMethod.json()).toEqual({ error: { code: 'method_not_allowed', message: ERROR_MESSAGES.method_not_allowed } })
  })
})
