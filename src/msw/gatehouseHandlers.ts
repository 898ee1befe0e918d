import { delay, http, type DelayMode } from 'msw'
import {
  ACCOUNT_FLOW_ROUTES,
  AUTH_ROUTES,
  accountFlowUrl,
  authRouteUrl,
  DEFAULT_BASE_PATH,
  type AccountFlowName,
} from '../contract/authRoutes'
import type { Session } from '../contract/types'
import { gatehouseScenarios, type GatehouseScenario, type ScenarioRoutes } from './gatehouseScenarios'
import { routeAnswer, signedOutAnswer } from './routeAnswers'

/** Where the mocked routes are, and how the scenario is played: its pace, and the session it starts from. */
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
   * changes: `null` for nobody (e.g. `backendDown` seen from the sign-in page), or the session
   * kept when a story switches scenarios while signed in. Default: the scenario's own.
   */
  held?: Session | null
}

/**
 * MSW request handlers that answer every gatehouse proxy route (`AUTH_ROUTES`: sign-in, session,
 * refresh, sign-out; and `ACCOUNT_FLOW_ROUTES`: sign-up, email verification and its resending,
 * forgot and reset password, second factor) the way one named scenario needs, for stories and browser tests.
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
 * // The sign-in page while the backend is down: nobody signed in, sign-in answers 502
 * msw.use(...gatehouseHandlers('backendDown', { held: null }))
 */
export function gatehouseHandlers(
  scenario: GatehouseScenario,
  { basePath = DEFAULT_BASE_PATH, slowMs, held: alreadyHeld }: GatehouseHandlersOptions = {},
) {
  const routes: ScenarioRoutes = gatehouseScenarios[scenario]
  const wait = slowMs ?? routes.slowMs ?? 0
  // Like the real routes: the session route reports what the cookies hold until a sign-in,
  // refresh or sign-out changes it, and refreshes once the access token has expired.
  let held: Session | { user: null } | undefined = alreadyHeld === null ? { user: null } : alreadyHeld
  const hold = async (response: Response) => {
    if (response.ok) held = await response.clone().json()
    return response
  }
  // An account flow changes the session only when it signs someone in; `{ user: null, outcome }` leaves it as it was.
  const holdSignedIn = async (response: Response) => {
    const body = response.ok ? await response.clone().json() : undefined
    if (body?.user) held = body
    return response
  }
  const heldIsCurrent = () => held !== undefined && (held.user === null || Date.parse(held.expiresAt ?? '') > Date.now())
  const refresh = async (request: Request) => {
    // Conditional, like the real route: only the session the tab knows is refreshed; any other is answered as it is.
    const { knownExpiresAt } = await request
      .clone()
      .json()
      .catch(() => ({}))
    const knowsHeld = held?.user && held.expiresAt === knownExpiresAt && held.refreshable !== false
    if (knownExpiresAt !== undefined && heldIsCurrent() && !knowsHeld) return routeAnswer(held!)
    const response = await routes.refresh(request)
    if (response.status === 401) held = { user: null }
    return hold(response)
  }
  const session = async (request: Request) => {
    if (heldIsCurrent()) return routeAnswer(held)
    if (held === undefined) return hold(await routes.session(request))
    const refreshed = await refresh(request)
    return refreshed.status === 401 ? signedOutAnswer() : refreshed
  }
  const answer =
    (respond: (request: Request) => Response | Promise<Response>) =>
    async ({ request }: { request: Request }) => {
      if (wait) await delay(wait)
      return respond(request)
    }
  const flow = (name: AccountFlowName) => async (request: Request) => holdSignedIn(await routes[name](request))
  const respond: Record<keyof typeof AUTH_ROUTES, (request: Request) => Promise<Response>> = {
    signIn: async (request) => hold(await routes.signIn(request)),
    session,
    refresh,
    signOut: async (request) => hold(await routes.signOut(request)),
  }
  const authHandlers = Object.entries(AUTH_ROUTES).map(([name, route]) => {
    const path = authRouteUrl(basePath, name as keyof typeof AUTH_ROUTES)
    const handler = answer(respond[name as keyof typeof AUTH_ROUTES])
    return route.method === 'GET' ? http.get(path, handler) : http.post(path, handler)
  })
  // Every account flow's route is a POST.
  const flowHandlers = Object.keys(ACCOUNT_FLOW_ROUTES).map((name) =>
    http.post(accountFlowUrl(basePath, name as AccountFlowName), answer(flow(name as AccountFlowName))),
  )
  return [...authHandlers, ...flowHandlers]
}
