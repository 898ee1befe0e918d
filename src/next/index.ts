/**
 * Next.js bindings over a `Gatehouse` from `gatehouse/server`: the route handlers, the `proxy.ts`
 * function, session readers for Server Components, and the backend proxy route.
 *
 * @module gatehouse/next
 */
export { createNextGatehouse, type NextGatehouseOptions } from './createNextGatehouse'
export { authErrorFromSearchParams, type PageSearchParams } from './authErrorFromSearchParams'
export { protectRoute, type RouteProtectionOptions } from './protectRoute'
