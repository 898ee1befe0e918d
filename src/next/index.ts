export { createNextGatehouse, type NextGatehouseOptions } from './createNextGatehouse'
export { protectRoute, type RouteProtectionOptions } from './protectRoute'
