import type { SetupWorker } from 'msw/browser'
import { gatehouseHandlers, type GatehouseHandlersOptions, type GatehouseScenario } from '../../src/msw'

/** A story `beforeEach` that mocks the proxy routes with one `gatehouse/msw` scenario. */
export const mockScenario =
  (scenario: GatehouseScenario, options?: GatehouseHandlersOptions) =>
  ({ msw }: { msw: SetupWorker }) => {
    msw.use(...gatehouseHandlers(scenario, options))
  }
