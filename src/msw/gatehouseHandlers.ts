import { delay, http, type DelayMode } from 'msw'
import type { User } from '../core/types'
import { gatehouseScenarios, type GatehouseScenario, type ScenarioRoutes } from './gatehouseScenarios'
import { sessionAnswer, signedOutAnswer } from './routeAnswers'

export interface GatehouseHandlersOptions {
  /** Where the app mounts the proxy routes. Default `/api/auth`. */
  basePath?: string
  /**
   * How long every route waits before answering, in ms, or `'infinite'` to never answer (a
   * pending state that holds still for a screenshot). Default: none, or 3 s for `slowBackend`.
   */
  slowMs?: number | DelayMode
  /**
   * Who the session route reports, replacing the scenario's own: a user, or `null` for nobody
   * (e.g. `backendDown` seen from the login page).
   */
  user?: User | null
}

const SLOW_BACKEND_MS = 3_000

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
 * msw.use(...gatehouseHandlers('backendDown', { user: null }))
 */
export function gatehouseHandlers(scenario: GatehouseScenario, { basePath = '/api/auth', slowMs, user }: GatehouseHandlersOptions = {}) {
  const routes: ScenarioRoutes = { ...gatehouseScenarios[scenario] }
  if (user !== undefined) routes.session = () => (user ? sessionAnswer(user) : signedOutAnswer())
  const wait = slowMs ?? (scenario === 'slowBackend' ? SLOW_BACKEND_MS : 0)
  const answer = (respond: (request: Request) => Response | Promise<Response>) => async ({ request }: { request: Request }) => {
    if (wait) await delay(wait)
    return respond(request)
  }
  return [
    http.get(`${basePath}/session`, answer(routes.session)),
    http.post(`${basePath}/login`, answer(routes.login)),
    http.post(`${basePath}/refresh`, answer(routes.refresh)),
    http.post(`${basePath}/logout`, answer(routes.logout)),
  ]
}
