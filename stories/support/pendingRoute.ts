import { delay, http } from 'msw'
import type { SetupWorker } from 'msw/browser'
import { fn } from 'storybook/test'
import {
  ACCOUNT_FLOW_ROUTES,
  type AccountFlowName,
  type AuthRouteName,
  accountFlowUrl,
  authRouteUrl,
  DEFAULT_BASE_PATH,
} from '../../src/contract/authRoutes'

/** Counts the requests a story's `pendingRoute` held. */
export const heldRequests = fn()

/**
 * A story `beforeEach` that holds every request to one route (an auth route or an account flow's)
 * unanswered (after the signed-out scenario's handlers), so the pending state stays still;
 * `heldRequests` counts them.
 */
export const pendingRoute =
  (route: AuthRouteName | AccountFlowName) =>
  ({ msw }: { msw: SetupWorker }) => {
    heldRequests.mockClear()
    const url = Object.hasOwn(ACCOUNT_FLOW_ROUTES, route)
      ? accountFlowUrl(DEFAULT_BASE_PATH, route as AccountFlowName)
      : authRouteUrl(DEFAULT_BASE_PATH, route as AuthRouteName)
    msw.use(
      http.post(url, async () => {
        heldRequests()
        await delay('infinite')
      }),
    )
  }
