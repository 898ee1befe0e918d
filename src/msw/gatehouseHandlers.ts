import { delay, http, HttpResponse, type DelayMode } from 'msw'
import type { Session } from '../core/types'
import { gatehouseScenarios, type GatehouseScenario, type ScenarioRoutes } from './gatehouseScenarios'
import { signedOutAnswer } from './routeAnswers'

export interface GatehouseHandlersOptions {
  /** Where the app mounts the proxy routes. Default `/api/auth`. */
  basePath?: string
  /**
   * How long every route waits before answering, in ms, or `'infinite'` to never answer (a
   * pending state that holds still for a screenshot). Default: the scenario's own (3 s for `slowBackend`), else none.
   */
  slowMs?: number | DelayMode
  /**
   * The session the cookies already hold, as the session route will report it until it
   * changes: `null` for nobody (e.g. `backendDown` seen from the login page), or the session
   * kept when a story switches scenarios while signed in. Default: the scenario's own.
   */
  held?: Session | null
}

/**
 * MSW request handlers that answer gatehouse's four proxy routes (`session`, `login`,
 * `refresh`, `logout`) the way one named scenario needs, for stories and browser tests.
 *
 * @example
 * // A Storybook story, with msw-storybook-addon
 * export const SignedIn: Story = {
 *   beforeEach({ msw }) {
 *     msw.use(...gatehouseHandlers('signedInAsUser'))
 *   },
 * }
 *
 * @example
 * // Any MSW setup
 * const worker = setupWorker(...gatehouseHandlers('wrongPassword', { basePath: '/auth' }))
 *
 * @example
 * // The login page while the backend is down: nobody signed in, sign-in answers 502
 * msw.use(...gatehouseHandlers('backendDown', { held: null }))
 */
export function gatehouseHandlers(scenario: GatehouseScenario, { basePath = '/api/auth', slowMs, held: alreadyHeld }: GatehouseHandlersOptions = {}) {
  const routes: ScenarioRoutes = gatehouseScenarios[scenario]
  const wait = slowMs ?? routes.slowMs ?? 0
  // Like the real routes: the session route reports what the cookies hold until a sign-in,
  // refresh or sign-out changes it, and refreshes once the access token has expired.
  let held: Session | { user: null } | undefined = alreadyHeld === null ? { user: null } : alreadyHeld
  const hold = async (response: Response) => {
    if (response.ok) held = await response.clone().json()
    return response
  }
  const heldIsCurrent = () => held !== undefined && (held.user === null || Date.parse(held.expiresAt ?? '') > Date.now())
  const refresh = async (request: Request) => {
    const response = await routes.refresh(request)
    if (response.status === 401) held = { user: null }
    return hold(response)
  }
  const session = async (request: Request) => {
    if (heldIsCurrent()) return HttpResponse.json(held)
    if (held === undefined) return hold(await routes.session(request))
    const refreshed = await refresh(request)
    return refreshed.status === 401 ? signedOutAnswer() : refreshed
  }
  const answer = (respond: (request: Request) => Response | Promise<Response>) => async ({ request }: { request: Request }) => {
    if (wait) await delay(wait)
    return respond(request)
  }
  return [
    http.get(`${basePath}/session`, answer(session)),
    http.post(`${basePath}/login`, answer(async (request) => hold(await routes.login(request)))),
    http.post(`${basePath}/refresh`, answer(refresh)),
    http.post(`${basePath}/logout`, answer(async (request) => hold(await routes.logout(request)))),
  ]
}
