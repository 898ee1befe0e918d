import { CLIENT_HEADER } from '../src/contract/clientHeader'
import { cookiesFrom } from '../test/authRequests'

export const DEMO = { email: 'demo@example.com', password: 'demo-password' }

/** Signs the demo user in as the browser transport does (its own header on unsafe requests); gives the cookies. */
export async function signInGatehouse(baseURL: string) {
  const headers = { 'content-type': 'application/json', [CLIENT_HEADER]: '1' }
  const response = await fetch(`${baseURL}/api/auth/sign-in`, { method: 'POST', headers, body: JSON.stringify(DEMO) })
  if (!response.ok) throw new Error(`gatehouse sign-in answered ${response.status}`)
  return cookiesFrom(response)
}
