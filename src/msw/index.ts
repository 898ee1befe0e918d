/**
 * Mock Service Worker handlers that answer the auth routes as named scenarios need, for stories and
 * browser tests, with the demo accounts.
 *
 * @module gatehouse/msw
 */
export { gatehouseHandlers, type GatehouseHandlersOptions } from './gatehouseHandlers'
export { gatehouseScenarios, type GatehouseScenario, type ScenarioRoutes } from './gatehouseScenarios'
export { mockAdmin, mockPasswords, mockSecondFactor, mockUser } from './mockUsers'
