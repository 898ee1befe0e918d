import { delay, http, type DelayMode } from 'msw'
import { gatehouseScenarios, type GatehouseScenario } from './gatehouseScenarios'

export interface GatehouseHandlersOptions {
  /** Where the app mounts the proxy routes. Default `/api/auth`. */
  basePath?: string
  /**
   * How long every route waits before answering, in ms, or `'infinite'` to never answer (a
   * pending state that holds still for a screenshot). Default: none, or 3 s for `slowBackend`.
   */
  slowMs?: number | DelayMode
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
 */
export function gatehouseHandlers(scenario: GatehouseScenario, { basePath = '/api/auth', slowMs }: GatehouseHandlersOptions = {}) {
  const routes = gatehouseScenarios[scenario]
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
