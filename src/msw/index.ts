export { gatehouseHandlers, type GatehouseHandlersOptions } from './gatehouseHandlers'
export { gatehouseScenarios, type GatehouseScenario, type ScenarioRoutes } from './gatehouseScenarios'
export { mockAdmin, mockPasswords, mockUser } from './mockUsers'
